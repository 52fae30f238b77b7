import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Draft, parseDraft } from '../../src/shared/api/schemas/draft.ts';
import { type AgencyProfile, agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { ROOT } from './cli.ts';

export const EXAMPLES_DIR = join(ROOT, 'resources', 'drafts', 'examples');
export const REFERENCE_DIR = join(ROOT, 'test', 'fixtures', 'drafts');

export function exampleAgency(): AgencyProfile {
  return agencyProfileInput.parse(JSON.parse(readFileSync(join(EXAMPLES_DIR, 'agency.json'), 'utf8')));
}

export function exampleDraft(name: string): Draft {
  return parseDraft(JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')));
}

// A word as pdftotext sees it, in PDF space (points, origin bottom left): `bottom` is the lower
// edge of the glyph box (about the baseline minus the descent), `top` the upper edge.
export interface PdfWord {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

export interface PdfPageWords {
  readonly width: number;
  readonly height: number;
  readonly words: PdfWord[];
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function pdfWords(path: string): PdfPageWords[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pages: PdfPageWords[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
    const height = Number(size?.[2]);
    const words: PdfWord[] = [];
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ text: unescape(m[5] as string), left: Number(m[1]), right: Number(m[3]), top: height - Number(m[2]), bottom: height - Number(m[4]) });
    }
    pages.push({ width: Number(size?.[1]), height, words });
  }
  return pages;
}

// The words of a run of text on one page, found in order (e.g. "CỘNG HÒA XÃ HỘI"), and their
// union box.
export function findRun(page: PdfPageWords, run: string): PdfWord | null {
  const wanted = run.split(' ');
  for (let i = 0; i + wanted.length <= page.words.length; i++) {
    if (wanted.every((w, k) => page.words[i + k]?.text === w)) {
      const ws = page.words.slice(i, i + wanted.length);
      return {
        text: run,
        left: Math.min(...ws.map((w) => w.left)),
        right: Math.max(...ws.map((w) => w.right)),
        bottom: Math.min(...ws.map((w) => w.bottom)),
        top: Math.max(...ws.map((w) => w.top)),
      };
    }
  }
  return null;
}

export function tool(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

// Grey PNGs of each page at a low resolution: enough to see any moved line, small to commit.
export const REFERENCE_DPI = 24;

export function renderPages(pdfPath: string, outPrefix: string): string[] {
  execFileSync('pdftoppm', ['-r', String(REFERENCE_DPI), '-gray', '-png', pdfPath, outPrefix]);
  const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', pdfPath))?.[1]);
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${outPrefix}-${String(i + 1).padStart(digits, '0')}.png`);
}

// Share of pixels whose grey level differs by more than 64 of 255 (0 for identical images, 1
// when the sizes differ).
export function pixelDifference(a: Uint8Array, b: Uint8Array): number {
  const pa = PNG.sync.read(Buffer.from(a));
  const pb = PNG.sync.read(Buffer.from(b));
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differing = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs((pa.data[i] as number) - (pb.data[i] as number)) > 64) differing++;
  }
  return differing / (pa.width * pa.height);
}
