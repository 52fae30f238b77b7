import { createHash, randomUUID } from 'node:crypto';
import type { OcrJobState, OcrPageImage, OcrStartInput } from '../../shared/api/schemas/ocr.ts';
import { AppError } from '../../shared/errors.ts';
import type { OcrEngine } from './ocr-engine.ts';
import { scanText } from './keep-scan-text.ts';
import { proposeFromScan } from './propose-from-scan.ts';
import { type OcrDocument, recogniseScan } from './recognise.ts';
import { openScan } from './scan-pages.ts';
import { sniffFormat } from './image-facts.ts';

// The recognitions the registration form starts (docs/ocr.md "In the app"). One engine, one
// page at a time: a new scan cancels the one running (a clerk fills one form). A finished job is
// kept a while for its page images and then forgotten; its text is handed to `onRecognised`
// (the profile keeps it for the search index) before the job says it is done.

const KEEP_FINISHED = 3;
const KEEP_MS = 30 * 60_000;

export interface RecognisedScan {
  readonly sha256: string;
  readonly document: OcrDocument;
}

export interface OcrJobsOptions {
  readonly engine: () => OcrEngine;
  // Keeps what was recognised; answers whether it was kept (no profile yet: not).
  readonly onRecognised: (scan: RecognisedScan) => Promise<boolean>;
  readonly now?: () => number;
}

interface Job {
  state: OcrJobState;
  readonly bytes: Uint8Array;
  readonly abort: AbortController;
  document: OcrDocument | null;
  finishedAt: number | null;
  done: Promise<void>;
}

export interface OcrJobs {
  start(input: Required<Pick<OcrStartInput, 'fileName' | 'searchablePdf'>> & { readonly bytes: Uint8Array }): OcrJobState;
  state(jobId: string): OcrJobState;
  cancel(jobId: string): OcrJobState;
  pageImage(jobId: string, page: number): Promise<OcrPageImage>;
  // Waits for a job to end (tests, the CLI).
  settled(jobId: string): Promise<OcrJobState>;
  close(): Promise<void>;
}

const cancelled = (): AppError => new AppError('INVALID_INPUT', 'Đã dừng nhận dạng chữ.', 'OCR cancelled');

function messageOf(e: unknown): string {
  return e instanceof AppError ? e.messageVi : 'Bộ nhận dạng chữ (OCR) không chạy được. Hãy thử lại.';
}

export function createOcrJobs(options: OcrJobsOptions): OcrJobs {
  const now = options.now ?? Date.now;
  const jobs = new Map<string, Job>();

  function forgetOld(): void {
    const finished = [...jobs.entries()].filter(([, j]) => j.finishedAt !== null).sort(([, a], [, b]) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    finished.forEach(([id, j], i) => {
      if (i >= KEEP_FINISHED || now() - (j.finishedAt ?? 0) > KEEP_MS) jobs.delete(id);
    });
  }

  function job(jobId: string): Job {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', 'Không còn kết quả nhận dạng này: hãy chọn lại tệp quét.', `OCR job ${jobId} unknown or forgotten`);
    return found;
  }

  async function run(j: Job, searchablePdf: boolean): Promise<void> {
    const sha256 = createHash('sha256').update(j.bytes).digest('hex');
    try {
      const document = await recogniseScan(j.state.fileName, j.bytes, {
        engine: options.engine(),
        signal: j.abort.signal,
        searchablePdf,
        keepBinary: sniffFormat(j.bytes) === 'tiff',
        onProgress: (p) => {
          j.state = { ...j.state, page: p.page, pages: p.pages, pageFraction: p.pageFraction, fraction: p.fraction };
        },
      });
      const fields = proposeFromScan(document);
      const recorded = fields.status === 'read' ? await options.onRecognised({ sha256, document }) : false;
      j.document = document;
      j.state = {
        ...j.state,
        status: 'done',
        fraction: 1,
        pageFraction: 1,
        messageVi: fields.messageVi,
        pageInfo: document.pages.map((p) => ({ page: p.index + 1, status: p.status, widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi, dpiAssumed: p.dpiAssumed, confidence: p.confidence })),
        fields,
        text: scanText(document),
        recorded,
        searchablePdf: recorded && document.searchablePdf !== undefined,
      };
    } catch (e) {
      const stopped = j.abort.signal.aborted;
      j.state = { ...j.state, status: stopped ? 'cancelled' : 'failed', messageVi: stopped ? messageOf(j.abort.signal.reason) : messageOf(e) };
    } finally {
      j.finishedAt = now();
    }
  }

  return {
    start({ fileName, bytes, searchablePdf }) {
      for (const running of jobs.values()) if (running.state.status === 'running') running.abort.abort(new AppError('INVALID_INPUT', 'Đã dừng nhận dạng chữ: một tệp quét khác được chọn.', 'OCR replaced by a newer scan'));
      forgetOld();
      const jobId = randomUUID();
      const state: OcrJobState = { jobId, fileName, status: 'running', page: 0, pages: 0, pageFraction: 0, fraction: 0, messageVi: null, pageInfo: [], fields: null, text: null, recorded: false, searchablePdf: false };
      const started: Job = { state, bytes, abort: new AbortController(), document: null, finishedAt: null, done: Promise.resolve() };
      started.done = run(started, searchablePdf);
      jobs.set(jobId, started);
      return state;
    },
    state: (jobId) => job(jobId).state,
    cancel(jobId) {
      const j = job(jobId);
      if (j.state.status === 'running') j.abort.abort(cancelled());
      return j.state;
    },
    async settled(jobId) {
      const j = job(jobId);
      await j.done;
      return j.state;
    },
    async pageImage(jobId, page) {
      const j = job(jobId);
      const info = j.state.pageInfo[page - 1];
      if (j.state.status !== 'done' || !j.document || !info) throw new AppError('NOT_FOUND', 'Trang này chưa nhận dạng xong.', `OCR job ${jobId} page ${page} not ready`);
      if (info.status !== 'recognised') throw new AppError('NOT_FOUND', `Trang ${page} không có ảnh quét.`, `OCR job ${jobId} page ${page} has no image`);
      const binary = j.document.pages[page - 1]?.binaryPng;
      if (binary) return { page, mimeType: 'image/png', dataBase64: Buffer.from(binary).toString('base64'), widthPx: info.widthPx, heightPx: info.heightPx };
      const scan = await openScan(j.state.fileName, j.bytes);
      try {
        const image = scan.pages[page - 1]?.image;
        if (!image) throw new AppError('NOT_FOUND', `Trang ${page} không có ảnh quét.`, `OCR job ${jobId} page ${page} has no image`);
        const { format, data } = image.load();
        if (format === 'tiff') throw new AppError('NOT_FOUND', `Không hiện được trang ${page} của tệp TIFF.`, `OCR job ${jobId} page ${page}: no thresholded image kept`);
        return { page, mimeType: format === 'png' ? 'image/png' : 'image/jpeg', dataBase64: Buffer.from(data).toString('base64'), widthPx: info.widthPx, heightPx: info.heightPx };
      } finally {
        scan.close();
      }
    },
    async close() {
      for (const j of jobs.values()) if (j.state.status === 'running') j.abort.abort(cancelled());
      await Promise.all([...jobs.values()].map((j) => j.done));
      jobs.clear();
    },
  };
}
