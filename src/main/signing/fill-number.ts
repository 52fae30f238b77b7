import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors.ts';
import { placeDateLine } from '../../shared/domain/signature-kinds.ts';
import { readPageSizes } from '../pdf/page-sizes.ts';
import { addTextStamps, type TextStamp } from '../pdf/stamp-text.ts';
import { findText } from './placement/page-text.ts';
import { openWithPdfjs } from './placement/pdfjs-node.ts';

// Step 2 of signing.md's workflow: after the leader's approval signature, the number and the
// date are written into the PDF as an incremental update that the approval signature permits
// (annotations), before the agency signs. Where: right after the anchor texts of the draft
// ("Số:" and the place before ", ngày"), or at points the clerk gives.

export interface TextPoint {
  readonly page: number; // 0-based
  readonly x: number;
  readonly y: number;
}

export interface FillNumberRequest {
  readonly input: string;
  readonly output: string;
  // "12/QĐ-UBND": the number and notation the outgoing register assigned.
  readonly numberNotation: string;
  readonly date: string; // ISO
  readonly place: string;
  readonly numberAt?: TextPoint | null;
  readonly dateAt?: TextPoint | null;
  // The texts the values follow on page 1 when no point is given.
  readonly numberAnchor?: string;
  readonly dateAnchor?: string | null;
  readonly size?: number;
  // The program's fonts folder (program/resources.ts); the source tree's when absent.
  readonly fontsDir?: string;
}

export interface FillNumberResult {
  readonly output: string;
  readonly stamps: readonly TextStamp[];
}

const GAP = 3;

function inside(point: TextPoint, pages: readonly { width: number; height: number }[], what: string): TextPoint {
  const page = pages[point.page];
  if (!page || point.x < 0 || point.y < 0 || point.x > page.width || point.y > page.height) {
    throw new AppError('INVALID_INPUT', `Vị trí ghi ${what} nằm ngoài trang.`, `${what} point ${JSON.stringify(point)} outside the page`);
  }
  return point;
}

export async function fillNumberAndDate(request: FillNumberRequest): Promise<FillNumberResult> {
  const size = request.size ?? 13;
  const pages = await readPageSizes(request.input);
  let numberAt = request.numberAt ? inside(request.numberAt, pages, 'số') : null;
  let dateAt = request.dateAt ? inside(request.dateAt, pages, 'ngày') : null;
  if (!numberAt || (!dateAt && request.dateAnchor)) {
    const doc = await openWithPdfjs(new Uint8Array(await readFile(request.input)));
    try {
      if (!numberAt) {
        const anchor = request.numberAnchor ?? 'Số:';
        const hit = await findText(doc, anchor, [0]);
        if (!hit) throw new AppError('INVALID_INPUT', `Không tìm thấy chữ "${anchor}" ở trang 1 để ghi số văn bản: hãy chỉ vị trí.`, `number anchor not found: ${anchor}`);
        numberAt = { page: hit.page, x: hit.rect[2] + GAP, y: hit.rect[1] };
      }
      if (!dateAt && request.dateAnchor) {
        const hit = await findText(doc, request.dateAnchor, [0]);
        if (!hit) throw new AppError('INVALID_INPUT', `Không tìm thấy chữ "${request.dateAnchor}" ở trang 1 để ghi ngày: hãy chỉ vị trí.`, `date anchor not found: ${request.dateAnchor}`);
        dateAt = { page: hit.page, x: hit.rect[2] + GAP, y: hit.rect[1] };
      }
    } finally {
      await doc.loadingTask.destroy();
    }
  }
  if (!dateAt) throw new AppError('INVALID_INPUT', 'Chưa chỉ vị trí ghi ngày tháng văn bản.', 'no date position or anchor');
  // Anchored text follows the anchor's baseline; the stamp's y is the bottom of its box.
  const stamps: TextStamp[] = [
    { page: numberAt.page, x: numberAt.x, y: numberAt.y - size * 0.22, text: request.numberNotation.trim(), size },
    { page: dateAt.page, x: dateAt.x, y: dateAt.y - size * 0.22, text: request.dateAnchor ? placeDateLine('', request.date) : placeDateLine(request.place, request.date), size, face: 'italic' },
  ];
  await addTextStamps({ input: request.input, output: request.output, stamps, ...(request.fontsDir ? { fontsDir: request.fontsDir } : {}) });
  return { output: request.output, stamps };
}
