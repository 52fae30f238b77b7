import type { Draft, DraftBodyBlock } from '../../shared/api/schemas/draft.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { articleLabel, clauseLabel, enactingWord, pointLabel } from '../../shared/domain/draft-numbering.ts';
import { legalBasisLines, recipientLines } from '../../shared/domain/draft-text.ts';
import type { DraftCanvas } from './draft-canvas.ts';
import { baselineIn, flowParagraph } from './draft-flow.ts';
import { CONTENT, DESCENT, INDENT, lineHeight, RULE_WIDTH, SHORT_RULE, SIZE } from './draft-layout.ts';

const upper = (s: string): string => s.toLocaleUpperCase('vi');
const centre = CONTENT.left + CONTENT.width / 2;

// Type name (caps bold) and trích yếu (bold) centred, a rule of 40% of the trích yếu's widest
// line under them (Appendix I, II.5); a quyết định's issuing authority under that.
export function drawTitle(c: DraftCanvas, draft: Draft): void {
  c.y -= 18;
  const size = SIZE.title;
  const lh = lineHeight(size);
  const title = upper(typeName(draft.documentType));
  let lastBaseline = baselineIn(c.y, size);
  c.centred(title, centre, lastBaseline, 'bold', size);
  c.y -= lh;
  let widest = c.width(title, 'bold', size);
  if (draft.subject) {
    widest = 0;
    for (const line of c.wrap(draft.subject, 'bold', size, CONTENT.width * 0.85)) {
      lastBaseline = baselineIn(c.y, size);
      c.centred(line.words.join(' '), centre, lastBaseline, 'bold', size);
      widest = Math.max(widest, line.width);
      c.y -= lh;
    }
  }
  const ruleY = lastBaseline - size * DESCENT - 4;
  c.rule(centre - (widest * SHORT_RULE) / 2, centre + (widest * SHORT_RULE) / 2, ruleY, RULE_WIDTH);
  c.y -= 12;
  if (draft.issuerTitle) flowParagraph(c, upper(draft.issuerTitle), { style: 'bold', size, align: 'center', gapAfter: 6 });
}

// "Kính gửi:" then the recipients: one on the same line; several as "- X;" lines lined up under
// the colon (Appendix I, II.9.d), the block centred on the page.
export function drawRecipients(c: DraftCanvas, recipients: readonly string[]): void {
  if (recipients.length === 0) return;
  const size = SIZE.body;
  const lh = lineHeight(size);
  const label = 'Kính gửi: ';
  const labelWidth = c.width(label, 'regular', size);
  const lines = recipientLines(recipients);
  const widest = Math.max(...lines.map((l) => c.width(l, 'regular', size)));
  const x = Math.max(CONTENT.left + INDENT, Math.min(centre - (labelWidth + widest) / 2, centre - labelWidth));
  const itemX = x + labelWidth;
  c.y -= 6;
  c.ensure(lh);
  c.text('Kính gửi:', x, baselineIn(c.y, size), 'regular', size);
  for (const line of lines) {
    for (const part of c.wrap(line, 'regular', size, CONTENT.right - itemX)) {
      c.ensure(lh);
      c.text(part.words.join(' '), itemX, baselineIn(c.y, size), 'regular', size);
      c.y -= lh;
    }
  }
  c.y -= 6;
}

export function drawLegalBases(c: DraftCanvas, draft: Draft): void {
  for (const basis of legalBasisLines(draft.legalBases)) flowParagraph(c, basis, { style: 'italic', size: SIZE.body });
  const word = enactingWord(draft.documentType);
  if (word) {
    c.y -= 2;
    flowParagraph(c, word, { style: 'bold', size: SIZE.body, align: 'center' });
  }
}

function drawBlock(c: DraftCanvas, block: DraftBodyBlock, articleIndex: number): void {
  const size = SIZE.body;
  if (block.type === 'paragraph') {
    flowParagraph(c, block.text, { style: 'regular', size });
  } else if (block.type === 'heading') {
    flowParagraph(c, block.text, { style: 'bold', size, align: block.align === 'center' ? 'center' : 'left' });
  } else {
    flowParagraph(c, `${articleLabel(articleIndex)} ${block.title}`, { style: 'bold', size, align: 'left' });
    for (const p of block.paragraphs) flowParagraph(c, p, { style: 'regular', size });
    block.clauses.forEach((clause, i) => {
      if (clause.title) {
        flowParagraph(c, `${clauseLabel(i)} ${clause.title}`, { style: 'bold', size, align: 'left' });
        if (clause.text) flowParagraph(c, clause.text, { style: 'regular', size });
      } else {
        flowParagraph(c, `${clauseLabel(i)} ${clause.text ?? ''}`, { style: 'regular', size });
      }
      clause.points.forEach((point, j) => flowParagraph(c, `${pointLabel(j)} ${point}`, { style: 'regular', size }));
    });
  }
}

// The body: paragraphs, headings and articles numbered in order ("Điều 1.", "1.", "a)").
export function drawBody(c: DraftCanvas, draft: Draft): void {
  let article = 0;
  for (const block of draft.body) {
    drawBlock(c, block, article);
    if (block.type === 'article') article++;
  }
}
