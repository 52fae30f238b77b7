import { AppError } from '../../shared/errors.ts';
import { buildAppearance } from './appearance.ts';
import { addToPageAnnots } from './document-edits.ts';
import { type FontFace, loadTextMetrics, SubsetFont } from './embedded-font.ts';
import { buildIncrementalUpdate, ObjectNumbers, valueBody, type UpdateObject } from './incremental-writer.ts';
import { listPages } from './page-tree.ts';
import { withReader } from './pdf-reader.ts';
import { textString } from './pdf-text.ts';
import { PdfDict, pdfName, PdfRef, PdfString } from './pdf-values.ts';
import { writeUpdatedCopy } from './updated-copy.ts';

export interface TextStamp {
  readonly page: number; // 0-based
  // Lower-left corner of the text's box in page space (the baseline sits the font's descent above y).
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  // Decree 30 sets the place-and-date line in italics; everything else is upright.
  readonly face?: FontFace;
}

export interface AddTextStampsOptions {
  readonly input: string;
  readonly output: string;
  readonly stamps: readonly TextStamp[];
  // The program's fonts folder (program/resources.ts); the source tree's when absent.
  readonly fontsDir?: string;
}

const PRINT_READONLY_LOCKED = 4 | 64 | 128;

function checkStamp(stamp: TextStamp): void {
  const ok = [stamp.x, stamp.y].every(Number.isFinite) && Number.isFinite(stamp.size) && stamp.size > 0 && stamp.size <= 200 && stamp.text.length > 0 && stamp.text.length <= 500 && !/[\r\n]/.test(stamp.text);
  if (!ok) throw new AppError('INVALID_INPUT', 'Nội dung hoặc vị trí dòng chữ cần ghi vào văn bản không hợp lệ.', `bad text stamp ${JSON.stringify(stamp)}`);
}

// Writes text (the number and date filled in after the leader's approval) as FreeText
// annotations in an incremental update: annotations added to a page are a change an earlier
// signature permits, so the approval signature stays valid.
export async function addTextStamps(options: AddTextStampsOptions): Promise<void> {
  if (options.stamps.length === 0) throw new AppError('INVALID_INPUT', 'Không có dòng chữ nào để ghi vào văn bản.', 'no stamps');
  options.stamps.forEach(checkStamp);
  const built = await withReader(options.input, async (reader) => {
    const numbers = new ObjectNumbers(reader);
    const pages = listPages(reader);
    // One subset per face used, created on first need, written once after all the stamps.
    const fonts = new Map<FontFace, SubsetFont>();
    const fontFor = async (face: FontFace): Promise<SubsetFont> => {
      let font = fonts.get(face);
      if (!font) {
        font = await SubsetFont.create(numbers, face, options.fontsDir);
        fonts.set(face, font);
      }
      return font;
    };
    const objects: UpdateObject[] = [];
    const byPage = new Map<number, PdfRef[]>();
    for (const stamp of options.stamps) {
      const page = pages[stamp.page];
      if (!Number.isInteger(stamp.page) || !page) {
        throw new AppError('INVALID_INPUT', `Trang ${stamp.page + 1} không có trong tài liệu (tài liệu có ${pages.length} trang).`, `stamp page ${stamp.page} of ${pages.length}`);
      }
      const face = stamp.face ?? 'regular';
      const metrics = await loadTextMetrics(face, options.fontsDir);
      const width = metrics.textWidth(stamp.text, stamp.size);
      const height = metrics.ascent(stamp.size) + metrics.descent(stamp.size);
      const ap = await buildAppearance({ width, height, lines: [{ text: stamp.text, size: stamp.size }] }, numbers, await fontFor(face));
      const ref = new PdfRef(numbers.allocate(), 0);
      const annot = new PdfDict()
        .set('Type', pdfName('Annot'))
        .set('Subtype', pdfName('FreeText'))
        .set('Rect', [stamp.x, stamp.y, stamp.x + width, stamp.y + height])
        .set('Contents', textString(stamp.text))
        .set('DA', new PdfString(Buffer.from(`0 g /F0 ${stamp.size} Tf`, 'latin1')))
        .set('BS', new PdfDict().set('W', 0))
        .set('F', PRINT_READONLY_LOCKED)
        .set('P', page.ref)
        .set('AP', new PdfDict().set('N', ap.ref));
      objects.push({ num: ref.num, gen: 0, body: valueBody(annot) }, ...ap.objects);
      byPage.set(stamp.page, [...(byPage.get(stamp.page) ?? []), ref]);
    }
    for (const font of fonts.values()) objects.push(...(await font.objects(numbers)));
    for (const [index, refs] of byPage) objects.push(...addToPageAnnots(reader, pages[index] as (typeof pages)[number], refs));
    return { update: buildIncrementalUpdate(reader, numbers, objects), inputSize: reader.size };
  });
  await writeUpdatedCopy({ input: options.input, inputSize: built.inputSize, output: options.output, appended: built.update.bytes });
}
