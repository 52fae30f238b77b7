import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { seededRandom } from '../../bench/lib/random.ts';
import type { CorpusCase } from './prefill-corpus.ts';
import { renderNumberedDraft } from './prefill-drafts.ts';
import { degradePage, type Degradation, randomDegradation } from './scan-degrade.ts';

// A corpus case as a paper document that was printed, signed and scanned back (bench:ocr and the
// OCR tests): the app's numbered draft rasterised by pdftoppm at the scanner's density, each page
// degraded (scan-degrade.ts) and saved as JPEG, the pages put into one PDF as scanners and
// image-to-PDF tools do (one JPEG drawn over each A4 page).

const A4 = [595.28, 841.89] as const;

// pdftoppm's grey PNGs of every page of a PDF.
export function rasterise(pdf: Uint8Array, dpi: number): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function jpegsToPdf(jpegs: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const data of jpegs) {
    const image = await doc.embedJpg(data);
    const page = doc.addPage([A4[0], A4[1]]);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return doc.save();
}

export interface ScannedDraft {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly degradations: readonly Degradation[];
}

// `seed`: the same case at the same density is degraded the same way on every run.
export async function scannedDraft(c: CorpusCase, dpi: number, seed: number, clean = false): Promise<ScannedDraft> {
  const r = seededRandom(seed);
  const pages = rasterise(await renderNumberedDraft(c), dpi);
  const degradations = pages.map(() => (clean ? { skewDegrees: 0, paper: 255, noise: 0, specks: 0, jpegQuality: 92 } : randomDegradation(r)));
  const jpegs = pages.map((png, i) => degradePage(png, degradations[i] as Degradation, r));
  return { pdf: await jpegsToPdf(jpegs), pages: pages.length, degradations };
}
