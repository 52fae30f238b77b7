import { AppError } from '../../shared/errors.ts';
import { buildAppearance } from './appearance.ts';
import { addToAcroForm, addToPageAnnots, listFields, uniqueFieldName } from './document-edits.ts';
import { buildIncrementalUpdate, ObjectNumbers, valueBody, type UpdateObject } from './incremental-writer.ts';
import { pageAt } from './page-tree.ts';
import { withReader } from './pdf-reader.ts';
import { pdfDateVietnam, textString } from './pdf-text.ts';
import { PdfDict, pdfName, PdfRef } from './pdf-values.ts';
import { serializeValue } from './serialize.ts';
import { writeUpdatedCopy } from './updated-copy.ts';

export type Rect = readonly [number, number, number, number]; // x1 y1 x2 y2, PDF points, page space

export interface SignatureAppearance {
  readonly page: number; // 0-based
  readonly rect: Rect;
  readonly image?: { readonly png: Uint8Array }; // fitted into rect, aspect kept, alpha kept (SMask)
  readonly lines?: readonly { readonly text: string; readonly size: number }[]; // black, Liberation Serif, top-left of rect downwards
}

export interface SignPdfOptions {
  readonly input: string;
  readonly output: string;
  readonly fieldName?: string;
  readonly appearance: SignatureAppearance | null; // null = invisible signature (on page 1)
  readonly signingTime: Date;
  readonly reason?: string;
  readonly location?: string;
  readonly name?: string;
  // Room reserved for the CMS DER, in bytes (written as twice as many hex digits).
  readonly contentsBytes?: number;
  readonly sign: (digest: Uint8Array) => Promise<Uint8Array>;
  // The program's fonts folder (program/resources.ts); the source tree's when absent.
  readonly fontsDir?: string;
}

export interface SignPdfResult {
  readonly output: string;
  readonly fieldName: string;
  readonly byteRange: readonly [number, number, number, number];
  readonly bytes: number;
}

// 24 KiB holds a CMS with a three-certificate RSA chain and an RFC 3161 timestamp token with its
// own chain, with room to spare; revocation data goes into the DSS, not the CMS.
export const DEFAULT_CONTENTS_BYTES = 24 * 1024;
// The most a caller may reserve: a CMS that carries a CA's revocation list, as some Vietnamese
// signing tools write it, takes a few megabytes.
const MAX_CONTENTS_BYTES = 8 * 1024 * 1024;
// "/ByteRange [" then room for four numbers of up to 12 digits, filled in once offsets are known.
const BYTE_RANGE_ROOM = 52;
const WIDGET_PRINT_LOCKED = 4 | 128;

function invalid(messageVi: string, detail: string): AppError {
  return new AppError('INVALID_INPUT', messageVi, detail);
}

function checkOptions(options: SignPdfOptions): number {
  const room = options.contentsBytes ?? DEFAULT_CONTENTS_BYTES;
  if (!Number.isSafeInteger(room) || room < 1 || room > MAX_CONTENTS_BYTES) {
    throw invalid('Dung lượng dành cho chữ ký không hợp lệ.', `contentsBytes ${room} outside 1..${MAX_CONTENTS_BYTES}`);
  }
  if (Number.isNaN(options.signingTime.getTime())) throw invalid('Thời điểm ký không hợp lệ.', 'invalid signingTime');
  const a = options.appearance;
  if (a) {
    const [x1, y1, x2, y2] = a.rect;
    if (![x1, y1, x2, y2].every(Number.isFinite) || x2 <= x1 || y2 <= y1) {
      throw invalid('Vị trí hình thức chữ ký trên trang không hợp lệ.', `bad appearance rect ${JSON.stringify(a.rect)}`);
    }
    for (const line of a.lines ?? []) {
      if (!Number.isFinite(line.size) || line.size <= 0 || line.size > 200) throw invalid('Cỡ chữ của hình thức chữ ký không hợp lệ.', `bad text size ${line.size}`);
    }
  }
  if (options.fieldName !== undefined && !/^[^.]{1,100}$/.test(options.fieldName)) {
    throw invalid('Tên trường chữ ký không hợp lệ.', `bad field name ${JSON.stringify(options.fieldName)}`);
  }
  return room;
}

// The signature dictionary with a blank /ByteRange and a zeroed /Contents placeholder; returns
// where both sit inside the body.
function signatureBody(options: SignPdfOptions, room: number): { body: Buffer; byteRangeAt: number; contentsAt: number } {
  const extra = new PdfDict().set('M', textString(pdfDateVietnam(options.signingTime)));
  if (options.name !== undefined) extra.set('Name', textString(options.name));
  if (options.reason !== undefined) extra.set('Reason', textString(options.reason));
  if (options.location !== undefined) extra.set('Location', textString(options.location));
  const head = '<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [';
  const contents = `] /Contents <${'0'.repeat(room * 2)}>`;
  const tail = ` ${serializeValue(extra).slice(2)}`;
  const text = `${head}${' '.repeat(BYTE_RANGE_ROOM)}${contents}${tail}`;
  return { body: Buffer.from(text, 'latin1'), byteRangeAt: head.length, contentsAt: head.length + BYTE_RANGE_ROOM + '] /Contents '.length };
}

// Signs a PDF as an incremental update (PAdES: /SubFilter /ETSI.CAdES.detached). The input is
// read once: copied to a temporary file beside the output while its SHA-256 is computed, the
// update appended, the digest handed to `sign`, the CMS written into the placeholder, and the file
// renamed into place.
export async function signPdf(options: SignPdfOptions): Promise<SignPdfResult> {
  const room = checkOptions(options);
  const built = await withReader(options.input, async (reader) => {
    const numbers = new ObjectNumbers(reader);
    const appearance = options.appearance;
    const page = pageAt(reader, appearance?.page ?? 0);
    const fieldName = options.fieldName ?? uniqueFieldName(reader, 'Signature');
    if (options.fieldName !== undefined && listFields(reader).some((f) => f.fullName === options.fieldName)) {
      throw invalid(`Tài liệu đã có trường chữ ký tên "${options.fieldName}".`, `field ${options.fieldName} exists`);
    }
    const sigRef = new PdfRef(numbers.allocate(), 0);
    const widgetRef = new PdfRef(numbers.allocate(), 0);
    const objects: UpdateObject[] = [];
    const rect = appearance ? [...appearance.rect] : [0, 0, 0, 0];
    const width = appearance ? appearance.rect[2] - appearance.rect[0] : 0;
    const height = appearance ? appearance.rect[3] - appearance.rect[1] : 0;
    const ap = await buildAppearance({ width, height, ...(appearance?.image ? { image: appearance.image } : {}), ...(appearance?.lines ? { lines: appearance.lines } : {}), ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}) }, numbers);
    const widget = new PdfDict()
      .set('Type', pdfName('Annot'))
      .set('Subtype', pdfName('Widget'))
      .set('FT', pdfName('Sig'))
      .set('T', textString(fieldName))
      .set('V', sigRef)
      .set('F', WIDGET_PRINT_LOCKED)
      .set('Rect', rect)
      .set('P', page.ref)
      .set('AP', new PdfDict().set('N', ap.ref));
    const signature = signatureBody(options, room);
    objects.push({ num: sigRef.num, gen: 0, body: signature.body });
    objects.push({ num: widgetRef.num, gen: 0, body: valueBody(widget) });
    objects.push(...ap.objects);
    objects.push(...addToPageAnnots(reader, page, [widgetRef]));
    objects.push(...addToAcroForm(reader, numbers, [widgetRef], true));
    const update = buildIncrementalUpdate(reader, numbers, objects);
    const bodyAt = update.bodyOffsets.get(sigRef.num) as number;
    const contentsStart = reader.size + bodyAt + signature.contentsAt;
    const contentsEnd = contentsStart + room * 2 + 2;
    const total = reader.size + update.bytes.length;
    const byteRange = [0, contentsStart, contentsEnd, total - contentsEnd] as const;
    const rangeText = byteRange.join(' ');
    update.bytes.write(rangeText.padEnd(BYTE_RANGE_ROOM, ' '), bodyAt + signature.byteRangeAt, 'latin1');
    return { update, inputSize: reader.size, fieldName, byteRange, contentsStart, contentsEnd, total };
  });
  await writeUpdatedCopy({
    input: options.input,
    inputSize: built.inputSize,
    output: options.output,
    appended: built.update.bytes,
    signature: {
      gapStart: built.contentsStart,
      gapEnd: built.contentsEnd,
      complete: async (digest, file) => {
        const cms = await options.sign(digest);
        if (cms.length > room) {
          throw new AppError(
            'SIGNING_FAILED',
            'Chữ ký số lớn hơn chỗ dành sẵn trong tệp PDF nên chưa ký được. Hãy báo cho bộ phận kỹ thuật.',
            `CMS of ${cms.length} bytes does not fit the ${room} bytes reserved`,
            { cmsBytes: cms.length, contentsBytes: room },
          );
        }
        const hex = Buffer.from(Buffer.from(cms).toString('hex'), 'latin1');
        await file.write(hex, 0, hex.length, built.contentsStart + 1);
      },
    },
  });
  return { output: options.output, fieldName: built.fieldName, byteRange: built.byteRange, bytes: built.total };
}
