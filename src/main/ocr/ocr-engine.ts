import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
import type { Worker as TesseractWorker } from 'tesseract.js';
import { AppError } from '../../shared/errors.ts';
import { type EngineLine, hocrLines } from './hocr-lines.ts';
import { VIETNAMESE_CHARACTERS } from './vietnamese-alphabet.ts';

// Tesseract (tesseract.js: its WebAssembly build in a Node worker thread, no system install)
// with the Vietnamese model shipped in resources/ocr (docs/ocr.md). One worker is started on
// first use and recognises one page at a time; `close` ends it. A page that is cancelled or
// runs over its time ends the worker too (the engine cannot stop inside a page), and the next
// page starts a fresh one. So does a worker whose memory passed the recycling limit.

const require = createRequire(import.meta.url);
const tesseract = require('tesseract.js') as typeof import('tesseract.js');

export const MODEL = 'vie';
const VERSION = (require('tesseract.js/package.json') as { version: string }).version;
// What a recognised text says it was read by (migration 0012).
export const ENGINE_NAME = `tesseract.js ${VERSION}, ${MODEL}.traineddata`;
const DEFAULT_WORKER = fileURLToPath(new URL('./ocr-worker.ts', import.meta.url));
// A page at 300 dpi takes a few seconds; ten times the slowest seen is a stuck engine.
const PAGE_TIME_LIMIT_MS = 120_000;

// When a worker thread is ended after a page, for the next page to start a fresh one (docs/ocr.md
// "Memory"). Tesseract's WebAssembly heap only grows: to the largest page seen and then some,
// since the last page's images are still held while the next is read. A fresh worker costs the
// model's load, about 0.7 s.
export interface RecyclePolicy {
  // The thread's memory after a page: its JS heap and what lies outside it, the WebAssembly heap.
  // 150 MB: a fresh worker is at about 110 MB after a 300-dpi colour page and 170 after the next,
  // where it stays; on 200-dpi pages it stays about 110. So at 300 dpi a worker reads two pages.
  readonly aboveMb: number;
  // Pages on one worker, whatever its memory: tesseract.js advises renewing long-lived workers, and
  // a runtime that cannot tell a thread's memory still ends it now and then.
  readonly afterPages: number;
}

export const DEFAULT_RECYCLE: RecyclePolicy = { aboveMb: 150, afterPages: 50 };

export interface Recycled {
  readonly reason: 'memory' | 'pages';
  readonly pages: number;
  // Null where the runtime cannot tell (a Node without Worker.getHeapStatistics).
  readonly memoryMb: number | null;
}

export interface OcrEngineOptions {
  // The folder holding vie.traineddata: <resources>/ocr.
  readonly modelDir: string;
  // The worker script: the source tree's by default, the bundle's in the packaged app.
  readonly workerPath?: string;
  readonly pageTimeLimitMs?: number;
  readonly recycle?: Partial<RecyclePolicy>;
  // Told once a worker ended by the policy has exited (for the log, the benchmark, the tests).
  readonly onRecycle?: (recycled: Recycled) => void;
}

export interface RecogniseOptions {
  readonly dpi: number;
  readonly signal?: AbortSignal;
  // 0 to 1 through the page.
  readonly onProgress?: (fraction: number) => void;
  // Also the page as a PDF: its image with the recognised text laid invisibly under it.
  readonly pdf?: boolean;
}

export interface EngineResult {
  readonly text: string;
  readonly confidence: number;
  readonly lines: readonly EngineLine[];
  // The page as the engine thresholded it, a 1-bit PNG: what the words' weight is measured on.
  readonly binary: Uint8Array | null;
  readonly pdf: Uint8Array | null;
}

export interface OcrEngine {
  recognise(image: Uint8Array, options: RecogniseOptions): Promise<EngineResult>;
  close(): Promise<void>;
}

function engineFailed(detail: string): AppError {
  return new AppError('INTERNAL', 'Bộ nhận dạng chữ (OCR) không chạy được. Hãy thử lại; nếu vẫn lỗi, hãy cài lại chương trình.', `OCR engine: ${detail}`);
}

// tesseract.js rejects with strings as well as errors.
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

// Leptonica's words when it cannot decode what it was given.
const isDecodeFailure = (message: string): boolean => /read image|pixRead|image file|Corrupt|Premature end|Not a JPEG|IDAT|TIFF|PNG/i.test(message);

// tesseract.js keeps its Node thread as `worker` on the object createWorker gives (not in its
// types): the thread's memory is asked of it, and its end awaited.
function threadOf(worker: TesseractWorker): NodeWorker | null {
  const thread = (worker as unknown as { worker?: unknown }).worker;
  return thread instanceof NodeWorker ? thread : null;
}

async function memoryMbOf(worker: TesseractWorker): Promise<number | null> {
  const thread = threadOf(worker);
  if (typeof thread?.getHeapStatistics !== 'function') return null;
  try {
    const heap = await thread.getHeapStatistics();
    return (heap.used_heap_size + heap.external_memory) / 2 ** 20;
  } catch {
    return null;
  }
}

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  const model = join(options.modelDir, `${MODEL}.traineddata`);
  const limit = options.pageTimeLimitMs ?? PAGE_TIME_LIMIT_MS;
  const recycle: RecyclePolicy = { ...DEFAULT_RECYCLE, ...options.recycle };
  let worker: Promise<TesseractWorker> | null = null;
  // Pages the current worker has recognised, and pages being recognised now.
  let pagesOnWorker = 0;
  let running = 0;
  let report: ((fraction: number) => void) | undefined;

  function start(): Promise<TesseractWorker> {
    if (!existsSync(model)) {
      return Promise.reject(new AppError('FILE_MISSING', 'Thiếu tệp dữ liệu tiếng Việt của bộ nhận dạng chữ (vie.traineddata): hãy cài lại chương trình.', `OCR model missing: ${model}`));
    }
    // tesseract.js's createWorker never settles when the model fails to load: its error handler
    // is told, and ends the start here.
    let failed: (reason: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      failed = reject;
    });
    // A folder, not a URL: the worker reads the model from disk. cacheMethod 'none': it neither
    // looks in nor writes a cache folder of its own.
    const created = tesseract.createWorker(MODEL, tesseract.OEM.LSTM_ONLY, {
        langPath: options.modelDir,
        gzip: false,
        cacheMethod: 'none',
        workerPath: options.workerPath ?? DEFAULT_WORKER,
        logger: (m) => {
          if (m.status === 'recognizing text') report?.(m.progress);
        },
        errorHandler: (e: unknown) => failed(e),
      });
    return Promise.race([created, failure]).catch((e: unknown) => {
      throw engineFailed(messageOf(e));
    });
  }

  async function stop(): Promise<void> {
    const current = worker;
    worker = null;
    pagesOnWorker = 0;
    const started = await current?.catch(() => null);
    if (!started) return;
    await started.terminate().catch(() => undefined);
    // tesseract.js does not wait for the thread's end, and its memory is freed only then.
    await threadOf(started)?.terminate();
  }

  // After a page, with no other page on its way to the worker.
  async function recycleIfDue(current: Promise<TesseractWorker>, started: TesseractWorker): Promise<void> {
    if (running > 0 || worker !== current) return;
    const memoryMb = await memoryMbOf(started);
    const reason = memoryMb !== null && memoryMb > recycle.aboveMb ? 'memory' : pagesOnWorker >= recycle.afterPages ? 'pages' : null;
    if (!reason || running > 0 || worker !== current) return;
    const pages = pagesOnWorker;
    await stop();
    options.onRecycle?.({ reason, pages, memoryMb: memoryMb === null ? null : Math.round(memoryMb) });
  }

  // One page on the worker `current` will be: the result, and the worker that read it.
  async function readPage(current: Promise<TesseractWorker>, image: Uint8Array, { dpi, signal, onProgress, pdf = false }: RecogniseOptions): Promise<{ started: TesseractWorker; result: EngineResult }> {
    let started: TesseractWorker;
    try {
      started = await current;
    } catch (e) {
      if (worker === current) worker = null;
      throw e;
    }
    signal?.throwIfAborted();
    report = onProgress;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => reject(engineFailed(`page not recognised within ${limit} ms`)), limit);
    });
    try {
      // hOCR rather than `blocks` for the words (hocr-lines.ts).
      const job = started.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { user_defined_dpi: String(Math.round(dpi)), tessedit_char_whitelist: VIETNAMESE_CHARACTERS, pdfTitle: 'VanThu: bản quét có lớp chữ' } as object, { text: true, hocr: true, imageBinary: true, pdf });
      // A page cut short by the worker's end never settles; one that fails after it does is moot.
      job.catch(() => undefined);
      const { data } = await Promise.race([job, interrupted]);
      const binary = typeof data.imageBinary === 'string' ? new Uint8Array(Buffer.from(data.imageBinary.slice(data.imageBinary.indexOf(',') + 1), 'base64')) : null;
      pagesOnWorker += 1;
      return { started, result: { text: data.text, confidence: data.confidence, lines: hocrLines(data.hocr ?? ''), binary, pdf: pdf && data.pdf ? Uint8Array.from(data.pdf) : null } };
    } catch (e) {
      if (signal?.aborted || (e instanceof AppError && e.code === 'INTERNAL')) {
        // The page is still running in the worker: only ending the thread stops it.
        await stop();
        throw e;
      }
      const message = messageOf(e);
      if (isDecodeFailure(message)) throw new AppError('INVALID_INPUT', 'Ảnh quét bị hỏng hoặc không đọc được: không nhận dạng được chữ.', `OCR image decode: ${message}`);
      throw engineFailed(message);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      report = undefined;
    }
  }

  return {
    async recognise(image, options) {
      options.signal?.throwIfAborted();
      worker ??= start();
      const current = worker;
      // Counted from here: a worker is not recycled under a page on its way to it.
      running += 1;
      let page: { started: TesseractWorker; result: EngineResult };
      try {
        page = await readPage(current, image, options);
      } finally {
        running -= 1;
      }
      await recycleIfDue(current, page.started);
      return page.result;
    },
    close: stop,
  };
}
