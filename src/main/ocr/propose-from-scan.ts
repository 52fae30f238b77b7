import { PREFILL_FIELDS, type FieldProposal, type PrefillField, type ProposeFieldsResult, type WordBox } from '../../shared/api/schemas/prefill.ts';
import { comparisonKey } from '../../shared/domain/fold.ts';
import { type Found, readHeader } from '../prefill/header-rules.ts';
import { readSigner } from '../prefill/signer-rules.ts';
import type { PageLines } from '../prefill/text-lines.ts';
import type { OcrDocument } from './recognise.ts';
import { scanLines } from './scan-lines.ts';

// The incoming register's fields proposed from a recognised scan by the very rules that read a
// PDF's text (prefill/header-rules.ts, signer-rules.ts; docs/prefill.md): the header of page 1,
// the signature block of the last page (and the one before it). Each proposal carries the boxes
// of the words it came from; for số, ký hiệu and ngày only the words that hold the value, so the
// highlight sits on "15/QĐ-UBND", not on "Số:".

const noProposals = (): ProposeFieldsResult['proposals'] => Object.fromEntries(PREFILL_FIELDS.map((f) => [f, null])) as ProposeFieldsResult['proposals'];

const boxKey = (b: WordBox): string => `${b.page}:${b.x0}:${b.y0}:${b.x1}:${b.y1}`;

function wordTexts(doc: OcrDocument): Map<string, string> {
  const texts = new Map<string, string>();
  for (const page of doc.pages) for (const line of page.lines) for (const w of line.words) texts.set(boxKey({ page: page.index + 1, ...w.bbox }), w.text);
  return texts;
}

// The words of the line that make the value.
function narrowed(field: PrefillField, proposal: FieldProposal, texts: Map<string, string>): FieldProposal {
  const boxes = proposal.boxes ?? [];
  const words = boxes.map((b) => ({ box: b, text: texts.get(boxKey(b)) ?? '' }));
  let kept = words;
  if (field === 'codeNumber' || field === 'codeNotation') {
    const value = comparisonKey(proposal.value);
    kept = words.filter((w) => {
      const key = comparisonKey(w.text);
      return key !== '' && (key.includes(value) || value.includes(key)) && !/^S[ốố]\s*[:.]?$/u.test(w.text);
    });
  } else if (field === 'documentDate') {
    const from = words.findIndex((w) => comparisonKey(w.text) === 'ngay');
    const to = words.findIndex((w, i) => i > from && /\d{4}/.test(w.text));
    if (from >= 0 && to > from) kept = words.slice(from, to + 1);
  }
  return kept.length > 0 && kept.length < words.length ? { ...proposal, boxes: kept.map((w) => w.box) } : proposal;
}

export function proposeFromScan(doc: OcrDocument): ProposeFieldsResult {
  const pages: PageLines[] = doc.pages.map(scanLines);
  const first = pages[0];
  const read = pages.some((p) => p.lines.length > 0);
  if (!first || !read) {
    return { status: 'no-text', messageVi: 'Không nhận ra chữ trong bản quét: không có đề xuất; hãy nhập các ô.', pages: pages.length, proposals: noProposals() };
  }
  const found: Found = { ...readHeader(first), ...readSigner(pages.slice(-2)) };
  const texts = wordTexts(doc);
  const proposals = noProposals();
  for (const f of PREFILL_FIELDS) {
    const p = found[f];
    if (p) proposals[f] = narrowed(f, p, texts);
  }
  const missing = PREFILL_FIELDS.filter((f) => !proposals[f]).length;
  return {
    status: 'read',
    messageVi: missing === PREFILL_FIELDS.length ? 'Không nhận ra bố cục văn bản theo Nghị định 30 trong bản quét: không có đề xuất; hãy nhập các ô.' : null,
    pages: pages.length,
    proposals,
  };
}
