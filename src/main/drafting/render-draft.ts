import { PDFDocument } from 'pdf-lib';
import type { Draft } from '../../shared/api/schemas/draft.ts';
import type { AgencyProfile } from '../../shared/api/schemas/profile.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { draftNotation } from '../../shared/domain/draft-notation.ts';
import { DraftCanvas } from './draft-canvas.ts';
import { drawBody, drawLegalBases, drawRecipients, drawTitle } from './draft-body.ts';
import { embedDraftFonts } from './draft-fonts.ts';
import { drawHeader } from './draft-header.ts';
import { drawSignature } from './draft-signature.ts';
import type { DraftPlaceholders, RenderedDraft, Slot } from './draft-types.ts';

export type { DraftPlaceholders, RenderedDraft, Slot, TextSlot } from './draft-types.ts';

export interface RenderDraftOptions {
  // The year the date slot is sized for (the widest date of that year); default: this year.
  readonly year?: number;
  readonly fontsDir?: string;
  // The seal's diameter for the seal slot; signing settings use 36 mm.
  readonly sealMm?: number;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

function roundSlot<T extends Slot>(slot: T): T {
  const [x1, y1, x2, y2] = slot.rect;
  return { ...slot, rect: [r2(x1), r2(y1), r2(x2), r2(y2)], ...('baseline' in slot ? { baseline: r2(slot.baseline as number) } : {}) };
}

// Hundredths of a point: plenty for placing, and readable in the CLI's JSON.
function roundSlots(p: DraftPlaceholders): DraftPlaceholders {
  return { number: roundSlot(p.number), date: roundSlot(p.date), signature: roundSlot(p.signature), seal: roundSlot(p.seal) };
}

// Appendix I's order: header, title (or the công văn's "V/v" in the header), Kính gửi, căn cứ,
// body, signature block with Nơi nhận. The same draft and agency give the same bytes: no dates
// or random names inside (docs/drafting.md, for the reference images).
export async function renderDraft(draft: Draft, agency: AgencyProfile, options: RenderDraftOptions = {}): Promise<RenderedDraft> {
  const year = options.year ?? new Date().getFullYear();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const seed = JSON.stringify([draft, agency.name, agency.parentName, agency.placeName, agency.abbreviation, year]);
  const fonts = await embedDraftFonts(doc, seed, options.fontsDir);
  const canvas = new DraftCanvas(doc, fonts);

  const header = drawHeader(canvas, draft, agency, draftNotation(draft, agency.abbreviation), year);
  const isCongVan = draft.documentType === 'cong-van';
  if (!isCongVan) drawTitle(canvas, draft);
  else canvas.y -= 18;
  drawRecipients(canvas, draft.recipients);
  drawLegalBases(canvas, draft);
  drawBody(canvas, draft);
  const signature = drawSignature(canvas, draft, options.sealMm);
  canvas.finish();

  const title = [typeName(draft.documentType), draft.subject].filter(Boolean).join(' ');
  doc.setTitle(title);
  doc.setAuthor(agency.name);
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pages: canvas.pageCount, placeholders: roundSlots({ ...header, ...signature }) };
}
