import type { Draft } from '../../shared/api/schemas/draft.ts';
import { drafterLine, signerLines, toPlacesLines } from '../../shared/domain/draft-text.ts';
import type { DraftCanvas } from './draft-canvas.ts';
import { baselineIn } from './draft-flow.ts';
import { CONTENT, DESCENT, lineHeight, MM, SEAL_MM, SIGNATURE_GAP, SIGNATURE_WIDTH, SIZE } from './draft-layout.ts';
import type { Slot } from './draft-types.ts';

const half = CONTENT.width / 2;
const rightCentre = CONTENT.left + half + half / 2;
const leftCentre = CONTENT.left + half / 2;
// The "Nơi nhận" list stops short of the middle, clear of the seal's left edge.
const LIST_WIDTH = half - 20;

interface Block {
  readonly lines: string[];
  readonly name: string;
}

function blockHeight(c: DraftCanvas, b: Block, width: number): number {
  const size = SIZE.signer;
  const lines = b.lines.reduce((n, l) => n + c.wrap(l, 'bold', size, width).length, 0);
  return lines * lineHeight(size) + SIGNATURE_GAP + lineHeight(size);
}

// Caps bold lines, the room for the signature, the name in bold, centred on `centre`. Returns
// the first line's baseline and the room left for the signature.
function drawBlock(c: DraftCanvas, b: Block, centre: number, top: number): { firstBaseline: number; gapTop: number } {
  const size = SIZE.signer;
  let y = top;
  let firstBaseline = baselineIn(top, size);
  b.lines.forEach((line, i) => {
    for (const part of c.wrap(line, 'bold', size, half - 8)) {
      const baseline = baselineIn(y, size);
      if (i === 0 && y === top) firstBaseline = baseline;
      c.centred(part.words.join(' '), centre, baseline, 'bold', size);
      y -= lineHeight(size);
    }
  });
  const gapTop = y;
  c.centred(b.name, centre, baselineIn(y - SIGNATURE_GAP, size), 'bold', size);
  return { firstBaseline, gapTop };
}

function toPlacesHeight(c: DraftCanvas, lines: readonly string[]): number {
  const parts = lines.reduce((n, l) => n + c.wrap(l, 'regular', SIZE.toPlaces, LIST_WIDTH).length, 0);
  return lineHeight(SIZE.toPlacesLabel) + parts * lineHeight(SIZE.toPlaces);
}

// "Nơi nhận:" (12, bold italic) on the authority line's baseline at the left margin, then the
// list (11): "- X;" lines ending "- Lưu: VT, <unit>.", and box 12 (drafter, copies) under it.
function drawToPlaces(c: DraftCanvas, lines: readonly string[], firstBaseline: number): void {
  c.text('Nơi nhận:', CONTENT.left, firstBaseline, 'boldItalic', SIZE.toPlacesLabel);
  let y = firstBaseline - SIZE.toPlacesLabel * DESCENT - 1;
  for (const line of lines) {
    for (const part of c.wrap(line, 'regular', SIZE.toPlaces, LIST_WIDTH)) {
      c.text(part.words.join(' '), CONTENT.left, baselineIn(y, SIZE.toPlaces), 'regular', SIZE.toPlaces);
      y -= lineHeight(SIZE.toPlaces);
    }
  }
}

export interface SignatureSlots {
  readonly signature: Slot;
  readonly seal: Slot;
}

// The signature block on the right half (Appendix I, II.7), "Nơi nhận" on the left at the level
// of its first line; a biên bản's second signer (thư ký) on the left, with "Nơi nhận" under both.
// The whole block moves to a new page when it does not fit, so it is never split.
export function drawSignature(c: DraftCanvas, draft: Draft, sealMm = SEAL_MM): SignatureSlots {
  const signer: Block = { lines: signerLines(draft.signer), name: draft.signer.fullName };
  const places = toPlacesLines(draft.toPlaces, draft.unitAbbreviation);
  const box12 = drafterLine(draft.drafterCode, draft.copies);
  if (box12) places.push(box12);
  const co: Block | null = draft.coSigner ? { lines: [draft.coSigner.position.toLocaleUpperCase('vi')], name: draft.coSigner.fullName } : null;

  const signerHeight = blockHeight(c, signer, half - 8);
  const listHeight = toPlacesHeight(c, places);
  const needed = co ? Math.max(signerHeight, blockHeight(c, co, half - 8)) + 12 + listHeight : Math.max(signerHeight, listHeight);
  c.y -= 12;
  c.ensure(needed);

  const top = c.y;
  const drawn = drawBlock(c, signer, rightCentre, top);
  if (co) {
    drawBlock(c, co, leftCentre, top);
    const below = top - Math.max(signerHeight, blockHeight(c, co, half - 8)) - 12;
    drawToPlaces(c, places, baselineIn(below, SIZE.toPlacesLabel));
  } else {
    drawToPlaces(c, places, drawn.firstBaseline);
  }
  c.y = top - needed;

  const gapBottom = drawn.gapTop - SIGNATURE_GAP;
  const x1 = rightCentre - SIGNATURE_WIDTH / 2;
  const signature: Slot = { page: c.pageIndex, rect: [x1, gapBottom, x1 + SIGNATURE_WIDTH, drawn.gapTop] };
  // Appendix I, II.8.a: the seal covers about a third of the signature on its left.
  const d = sealMm * MM;
  const sealRight = x1 + SIGNATURE_WIDTH / 3;
  const middle = (gapBottom + drawn.gapTop) / 2;
  const seal: Slot = { page: c.pageIndex, rect: [sealRight - d, middle - d / 2, sealRight, middle + d / 2] };
  return { signature, seal };
}
