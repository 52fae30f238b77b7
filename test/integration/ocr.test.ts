import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine, type Recycled } from '../../src/main/ocr/ocr-engine.ts';
import { proposeFromScan } from '../../src/main/ocr/propose-from-scan.ts';
import { type OcrDocument, type OcrProgress, recogniseScan } from '../../src/main/ocr/recognise.ts';
import type { WordBox } from '../../src/shared/api/schemas/prefill.ts';
import { AppError } from '../../src/shared/errors.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { renderNumberedDraft } from '../support/prefill-drafts.ts';
import { seededRandom } from '../../bench/lib/random.ts';
import { degradePage, readGreyPng } from '../support/scan-degrade.ts';
import { rasterise, scannedDraft } from '../support/scanned-drafts.ts';
import { tempDir } from '../support/temp-profile.ts';
import { greyTiff } from '../support/tiff-writer.ts';

// OCR of real scans (docs/ocr.md): the app's own numbered drafts rasterised by pdftoppm, degraded
// as a scanner would (test/support/scan-degrade.ts) and recognised by the real engine and model.
// A handful of pages in all: the machine's two cores are shared.

const MODEL_DIR = join(ROOT, 'resources', 'ocr');
const files = tempDir('vanthu-ocr-');
const corpus = prefillCorpus(12);
const cv = corpus.find((c) => c.documentType === 'cong-van' && c.paragraphs.length <= 3) ?? corpus[2];
const qd = corpus.find((c) => c.documentType === 'quyet-dinh') ?? corpus[0];
if (!cv || !qd) throw new Error('corpus without a công văn or a quyết định');

let engine: OcrEngine;
beforeAll(() => {
  engine = createOcrEngine({ modelDir: MODEL_DIR });
});
afterAll(async () => {
  await engine.close();
  files.cleanup();
});

// The text of the recognised word a box points at.
function wordAt(doc: OcrDocument, box: WordBox): string | undefined {
  const page = doc.pages[box.page - 1];
  return page?.lines.flatMap((l) => l.words).find((w) => w.bbox.x0 === box.x0 && w.bbox.y0 === box.y0 && w.bbox.x1 === box.x1 && w.bbox.y1 === box.y1)?.text;
}

describe('a degraded 200-dpi scanned PDF of a công văn', () => {
  let doc: OcrDocument;
  const progress: OcrProgress[] = [];

  beforeAll(async () => {
    const scan = await scannedDraft(cv, 200, 14);
    doc = await recogniseScan('cong-van.pdf', scan.pdf, { engine, onProgress: (p) => progress.push(p) });
  });

  it('recognises every page with its density from the page size, and the body text', () => {
    expect(doc.kind).toBe('pdf');
    expect(doc.pages.every((p) => p.status === 'recognised' && p.dpi === 200 && !p.dpiAssumed)).toBe(true);
    expect(doc.pages[0]?.text).toContain('Cổng dịch vụ công quốc');
    expect(doc.pages[0]?.widthPx).toBe(1654);
  });

  it('reports progress through each page, ending at the whole file', () => {
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ page: doc.pages.length, pages: doc.pages.length, pageFraction: 1, fraction: 1 });
    expect(progress.some((p) => p.pageFraction > 0 && p.pageFraction < 1)).toBe(true);
  });

  it('proposes số, ký hiệu, ngày, loại and trích yếu, each pointing at the words it came from', () => {
    const result = proposeFromScan(doc);
    const expected = expectedOf(cv);
    expect(result.status).toBe('read');
    const p = result.proposals;
    expect([p.codeNumber?.value, p.codeNotation?.value, p.documentDate?.value, p.documentType?.value, p.subject?.value]).toEqual([
      expected.codeNumber,
      expected.codeNotation,
      expected.documentDate,
      'Công văn',
      expected.subject,
    ]);
    // The number's highlight is on "05/UBND-VP", not on "Số:".
    const numberBoxes = p.codeNumber?.boxes ?? [];
    expect(numberBoxes.map((b) => wordAt(doc, b))).toEqual([`${expected.codeNumber}/${expected.codeNotation}`]);
    // The date's from "ngày" to the year, without the place before it.
    const dateWords = (p.documentDate?.boxes ?? []).map((b) => wordAt(doc, b));
    expect(dateWords[0]).toBe('ngày');
    expect(dateWords.at(-1)).toBe(expected.documentDate.slice(0, 4));
    for (const f of ['codeNumber', 'documentDate', 'subject', 'issuingAgency'] as const) {
      const boxes = p[f]?.boxes ?? [];
      expect(boxes.length, f).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.page).toBe(1);
        expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 1654 && b.y1 <= 2339 && b.x1 > b.x0 && b.y1 > b.y0, `${f} box inside the page image`).toBe(true);
        // The header: the top third of the page.
        expect(b.y1, f).toBeLessThan(2339 / 3);
      }
    }
  });
});

describe('page images', () => {
  it('reads a 300-dpi PNG of a quyết định: the number, notation, date, type and issuing agency', async () => {
    const [page] = rasterise(await renderNumberedDraft(qd), 300);
    if (!page) throw new Error('no page');
    const doc = await recogniseScan('qd.png', page, { engine });
    expect(doc).toMatchObject({ kind: 'png', pages: [{ status: 'recognised', widthPx: 2481, heightPx: 3508 }] });
    const p = proposeFromScan(doc).proposals;
    const expected = expectedOf(qd);
    expect([p.codeNumber?.value, p.codeNotation?.value, p.documentDate?.value, p.documentType?.value, p.issuingAgency?.value]).toEqual([
      expected.codeNumber,
      expected.codeNotation,
      expected.documentDate,
      expected.documentType,
      expected.issuingAgency,
    ]);
  });

  it('reads each page of a multi-page TIFF at the density it declares', async () => {
    const pages = rasterise(await renderNumberedDraft(cv), 200).map(readGreyPng);
    const tiff = greyTiff(pages, 200);
    const doc = await recogniseScan('cv.tif', tiff, { engine });
    expect(doc.kind).toBe('tiff');
    expect(doc.pages.map((p) => [p.index, p.dpi, p.dpiAssumed, p.widthPx])).toEqual(pages.map((_, i) => [i, 200, false, 1654]));
    // Each page is its own: the signer is on the last one only.
    expect(doc.pages.at(-1)?.text).toContain(cv.signer.fullName);
    if (doc.pages.length > 1) expect(doc.pages[0]?.text).not.toContain(cv.signer.fullName);
    expect(proposeFromScan(doc).proposals.signerName?.value).toBe(cv.signer.fullName);
  });
});

describe('cancel', () => {
  it('stops a page being recognised at once, with the signal’s reason, and the engine goes on after', async () => {
    const scan = await scannedDraft(cv, 200, 15);
    const stop = new AbortController();
    let abortedAt = 0;
    const run = recogniseScan('cv.pdf', scan.pdf, {
      engine,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.pageFraction > 0 && !stop.signal.aborted) {
          abortedAt = performance.now();
          stop.abort(new AppError('INTERNAL', 'Đã dừng.', 'cancelled by the test'));
        }
      },
    });
    await expect(run).rejects.toMatchObject({ message: 'cancelled by the test' });
    expect(performance.now() - abortedAt).toBeLessThan(1500);

    // A JPEG page, as a phone or a scanner saves one, on the same engine: a fresh worker.
    const [clean] = rasterise(await renderNumberedDraft(cv), 200);
    const jpeg = degradePage(clean as Uint8Array, { skewDegrees: 1.5, paper: 225, noise: 6, specks: 0, jpegQuality: 70 }, seededRandom(16));
    const doc = await recogniseScan('cv.jpg', jpeg, { engine });
    expect(doc.kind).toBe('jpeg');
    // No density in the file: taken as an A4 sheet.
    expect(doc.pages[0]).toMatchObject({ dpiAssumed: true, dpi: 200 });
    expect(proposeFromScan(doc).proposals.codeNumber?.value).toBe(expectedOf(cv).codeNumber);
  });

  it('refuses to start when the signal is already aborted', async () => {
    await expect(recogniseScan('x.png', new Uint8Array(8), { engine, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('worker recycling', () => {
  // A 150-dpi page: enough to grow the WebAssembly heap, quick to read twice.
  const page = async (): Promise<Uint8Array> => {
    const [png] = rasterise(await renderNumberedDraft(cv), 150);
    if (!png) throw new Error('no page');
    return png;
  };

  it('ends the worker once its memory passed the limit; the next page is read as well by a fresh one', async () => {
    const recycled: Recycled[] = [];
    const small = createOcrEngine({ modelDir: MODEL_DIR, recycle: { aboveMb: 20 }, onRecycle: (r) => recycled.push(r) });
    try {
      const png = await page();
      const first = await small.recognise(png, { dpi: 150 });
      // Told after the thread has exited, with the memory it had reached.
      expect(recycled).toEqual([{ reason: 'memory', pages: 1, memoryMb: expect.any(Number) }]);
      expect(recycled[0]?.memoryMb).toBeGreaterThan(20);
      const second = await small.recognise(png, { dpi: 150 });
      expect(second.text).toContain(expectedOf(cv).codeNotation);
      expect(second.text).toBe(first.text);
      expect(second.lines.flatMap((l) => l.words)).toEqual(first.lines.flatMap((l) => l.words));
      // Its page count started again: a new worker read it.
      expect(recycled.map((r) => [r.reason, r.pages])).toEqual([
        ['memory', 1],
        ['memory', 1],
      ]);
    } finally {
      await small.close();
    }
  });

  it('ends it after so many pages whatever its memory; the page after is read by a fresh one', async () => {
    const recycled: Recycled[] = [];
    const counted = createOcrEngine({ modelDir: MODEL_DIR, recycle: { aboveMb: 4096, afterPages: 2 }, onRecycle: (r) => recycled.push(r) });
    try {
      const png = await page();
      await counted.recognise(png, { dpi: 150 });
      expect(recycled).toEqual([]);
      await counted.recognise(png, { dpi: 150 });
      expect(recycled.map((r) => [r.reason, r.pages])).toEqual([['pages', 2]]);
      const third = await counted.recognise(png, { dpi: 150 });
      expect(third.text).toContain(expectedOf(cv).codeNotation);
      expect(recycled).toHaveLength(1);
    } finally {
      await counted.close();
    }
  });
});

describe('bad input', () => {
  const expectRefused = async (name: string, bytes: Uint8Array, pattern: RegExp): Promise<void> => {
    const e = await recogniseScan(name, bytes, { engine }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    expect((e as AppError).messageVi).toMatch(pattern);
  };

  it('a PNG whose pixels are damaged gets a clear Vietnamese message', async () => {
    const [page] = rasterise(await renderNumberedDraft(cv), 50);
    const damaged = Buffer.from(page as Uint8Array);
    // Keep the header (IHDR), ruin the compressed pixels after it.
    damaged.fill(0x5a, 60, damaged.length - 12);
    await expectRefused('hong.png', damaged, /Ảnh quét bị hỏng hoặc không đọc được/);
  });

  it('a file that is no image, an empty one and a broken PDF are refused before any worker runs', async () => {
    await expectRefused('ghi-chu.txt', new TextEncoder().encode('Kính gửi: các thôn'), /không phải ảnh quét đọc được \(PNG, JPEG, TIFF\)/);
    await expectRefused('rong.png', new Uint8Array(0), /rỗng/);
    await expectRefused('hong.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'), /Tệp PDF bị hỏng/);
    await expectRefused('cut.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /không phải ảnh quét đọc được/);
  });

  it('a damaged model file fails the start with a message, instead of waiting for ever', async () => {
    const broken = join(files.dir, 'broken-model');
    mkdirSync(broken);
    writeFileSync(join(broken, 'vie.traineddata'), Buffer.alloc(4096, 7));
    const bad = createOcrEngine({ modelDir: broken });
    const [page] = rasterise(await renderNumberedDraft(cv), 50);
    try {
      await expect(recogniseScan('p.png', page as Uint8Array, { engine: bad })).rejects.toMatchObject({ code: 'INTERNAL', messageVi: expect.stringContaining('Bộ nhận dạng chữ (OCR) không chạy được') });
    } finally {
      await bad.close();
    }
  });

  it('a PDF page with no scan on it is reported as such, not recognised', async () => {
    const doc = await recogniseScan('typed.pdf', await renderNumberedDraft(cv), { engine });
    expect(doc.pages.every((p) => p.status === 'no-image' && p.lines.length === 0)).toBe(true);
    expect(proposeFromScan(doc).status).toBe('no-text');
  });
});

describe('offline', () => {
  it('ships the Vietnamese model its README names, with its licence', () => {
    const readme = readFileSync(join(MODEL_DIR, 'README.md'), 'utf8');
    const sha = createHash('sha256').update(readFileSync(join(MODEL_DIR, 'vie.traineddata'))).digest('hex');
    expect(readme).toContain(sha);
    expect(readFileSync(join(MODEL_DIR, 'LICENSE-vie.traineddata.txt'), 'utf8')).toContain('Apache License');
  });

  it('the worker cannot fetch: a model URL gets no request out, and the start fails', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests += 1;
      res.end(readFileSync(join(MODEL_DIR, 'vie.traineddata')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const require = createRequire(import.meta.url);
    const tesseract = require('tesseract.js') as typeof import('tesseract.js');
    try {
      const { port } = server.address() as AddressInfo;
      // tesseract.js tells a failed start to its error handler only.
      const failure = await new Promise<unknown>((resolve) => {
        void tesseract.createWorker('vie', 1, {
          langPath: `http://127.0.0.1:${port}`,
          cacheMethod: 'none',
          workerPath: fileURLToPath(new URL('../../src/main/ocr/ocr-worker.ts', import.meta.url)),
          errorHandler: resolve,
        });
      });
      expect(String(failure)).toMatch(/network access refused in the OCR worker: http:\/\/127\.0\.0\.1/);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe('vanthu ocr', () => {
  it('prints the text and the proposed fields of a scan; --json gives the pages and the proposals', async () => {
    const [page] = rasterise(await renderNumberedDraft(qd), 200);
    const file = join(files.dir, 'qd.png');
    writeFileSync(file, page as Uint8Array);
    const text = vanthu(['ocr', file]);
    expect(text.status).toBe(0);
    // pdftoppm writes the density into the PNG (pHYs).
    expect(text.stdout).toContain('--- Trang 1 (200 dpi, độ tin cậy');
    expect(text.stdout).toContain(`Số: ${expectedOf(qd).codeNumber}`);
    expect(text.stdout).toContain(`Ký hiệu: ${expectedOf(qd).codeNotation}`);
    expect(text.stderr).toContain('Trang 1/1: xong.');
    const json = vanthu(['ocr', file, '--json']).json<{ kind: string; pages: { text: string }[]; fields: { proposals: { codeNotation: { value: string; boxes: WordBox[] } } } }>();
    expect(json.kind).toBe('png');
    expect(json.pages[0]?.text).toContain('QUYẾT ĐỊNH');
    expect(json.fields.proposals.codeNotation.value).toBe(expectedOf(qd).codeNotation);
    expect(json.fields.proposals.codeNotation.boxes).toHaveLength(1);
  });

  it('--searchable writes the scan with its text under it; --profile keeps the text, so the registered scan is found by a word of its body', async () => {
    const profile = join(files.dir, 'profile');
    expect(vanthu(['init', '--profile', profile, '--agency', join(ROOT, 'resources', 'demo', 'agency.json')]).status).toBe(0);
    const scan = join(files.dir, 'cv-quet.pdf');
    writeFileSync(scan, (await scannedDraft(cv, 200, 5)).pdf);
    const out = join(files.dir, 'cv-tim-kiem.pdf');
    const r = vanthu(['ocr', scan, '--searchable', out, '--profile', profile, '--json']);
    expect(r.status).toBe(0);
    expect(r.json<{ searchablePdf: string; kept: boolean }>()).toMatchObject({ searchablePdf: out, kept: true });
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Cổng dịch vụ công');
    const found = () => vanthu(['search', '--profile', profile, 'cong dich vu cong quoc gia', '--json']).json<{ results: { rows: { id: number }[] }[] }>().results.flatMap((x) => x.rows);
    expect(found()).toEqual([]);
    const e = expectedOf(cv);
    writeFileSync(join(files.dir, 'in.json'), JSON.stringify({ issuingAgency: e.issuingAgency, codeNumber: e.codeNumber, codeNotation: e.codeNotation, documentDate: e.documentDate, documentType: 'Công văn', subject: e.subject, files: ['cv-quet.pdf'] }));
    expect(vanthu(['incoming', 'add', '--profile', profile, join(files.dir, 'in.json')]).status).toBe(0);
    expect(found()).toHaveLength(1);
  });

  it('a file that is not a scan is bad input (exit 2) with the Vietnamese message', () => {
    const file = join(files.dir, 'note.txt');
    writeFileSync(file, 'không phải ảnh');
    const r = vanthu(['ocr', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('không phải ảnh quét đọc được');
  });
});
