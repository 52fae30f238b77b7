import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT, HEADER_LEFT_SHARE, MARGIN, MM, PAGE } from '../../src/main/drafting/draft-layout.ts';
import { renderDraft } from '../../src/main/drafting/render-draft.ts';
import { systemFontHost } from '../../src/main/fonts/legal-font.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { typeName } from '../../src/shared/domain/document-types.ts';
import { signerLines } from '../../src/shared/domain/draft-text.ts';
import { ROOT } from '../support/cli.ts';
import { EXAMPLES_DIR, exampleAgency, exampleDraft, findRun, pdfWords, pixelDifference, REFERENCE_DIR, renderPages, tool } from '../support/draft-layout.ts';
import { TIMES_POSTSCRIPT_NAMES, windowsFontsFolder } from '../support/times-fixture.ts';

// Every example of docs/drafting.md, rendered and measured against Decree 30 Appendix I
// (nd30-rules §8) through the text positions pdftotext reads back, then compared with the
// committed reference images. UPDATE_DRAFT_REFERENCES=1 rewrites the references instead.
// Twice: in the bundled Liberation Serif (what this machine chooses), and in the Times New Roman
// the choice takes from a Windows fonts folder (docs/drafting.md "Font"), here a fixture folder
// of Times-named faces with Liberation's outlines (test/support/times-fixture.ts). The fixture
// proves the chosen files are the ones embedded and that the layout code holds with them; the
// real Times New Roman has the same metrics, which legal-font.ts checks before choosing it.
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'agency.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const UPDATE = process.env.UPDATE_DRAFT_REFERENCES === '1';
const dir = mkdtempSync(join(tmpdir(), 'vanthu-draft-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const windir = join(dir, 'Windows');
windowsFontsFolder(windir);
// The two outcomes of the font choice: a system other than Windows, and a Windows whose fonts
// folder has the four Times New Roman files.
const elsewhere = programResources(join(ROOT, 'resources'), { ...systemFontHost, platform: 'linux' });
const windowsTimes = programResources(join(ROOT, 'resources'), { ...systemFontHost, platform: 'win32', env: { WINDIR: windir } });
const FONTS = [
  { font: 'Liberation Serif', fontsDir: elsewhere.fonts, names: ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic', 'LiberationSerif-BoldItalic'] },
  { font: 'Times New Roman', fontsDir: windowsTimes.fonts, names: TIMES_POSTSCRIPT_NAMES },
];

it('chooses the fixture Windows folder for Times New Roman, and the bundled Liberation Serif elsewhere', () => {
  expect(windowsTimes.legalFont).toMatchObject({ family: 'Times New Roman', source: 'windows', dir: join(windir, 'Fonts'), fallbackVi: null });
  expect(elsewhere.legalFont).toMatchObject({ family: 'Liberation Serif', source: 'bundled', dir: join(ROOT, 'resources', 'fonts') });
});

const agency = exampleAgency();
const leftColumnRight = CONTENT.left + CONTENT.width * HEADER_LEFT_SHARE;
const middle = CONTENT.left + CONTENT.width / 2;
const centre = CONTENT.left + CONTENT.width / 2;
const inside = (rect: readonly number[]): boolean => (rect[0] as number) >= 0 && (rect[1] as number) >= 0 && (rect[2] as number) <= PAGE.width && (rect[3] as number) <= PAGE.height;

it('covers the nine types of the issue, the generic form, and a multi-page draft', () => {
  // The nine types of the issue, plus chỉ thị (the generic form); bao-cao runs to three pages.
  expect(EXAMPLES).toEqual(['bao-cao', 'bien-ban', 'chi-thi', 'cong-van', 'giay-gioi-thieu', 'giay-moi', 'ke-hoach', 'quyet-dinh', 'thong-bao', 'to-trinh']);
});

describe.each(FONTS)('in $font', ({ font, fontsDir, names }) => {
  async function render(name: string) {
    const draft = exampleDraft(name);
    const result = await renderDraft(draft, agency, { year: 2026, fontsDir });
    const path = join(dir, `${name}-${font}.pdf`);
    writeFileSync(path, result.pdf);
    return { draft, result, path, pages: pdfWords(path) };
  }

  describe.each(EXAMPLES)('%s', (name) => {
    it('is a clean PDF with its four fonts embedded and subset', async () => {
      const { path } = await render(name);
      expect(tool('qpdf', '--check', path)).toContain('No syntax or stream encoding errors');
      const fonts = tool('pdffonts', path).trim().split('\n').slice(2);
      expect(fonts.map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([...names].sort());
      for (const line of fonts) {
        expect(line).toMatch(/^[A-Z]{6}\+/);
        expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/); // emb sub uni
      }
    });

    it('keeps every line inside the margins, page numbers only in the top margin from page 2', async () => {
      const { pages, result } = await render(name);
      expect(pages).toHaveLength(result.pages);
      pages.forEach((page, i) => {
        expect(page.width).toBeCloseTo(PAGE.width, 1);
        expect(page.height).toBeCloseTo(PAGE.height, 1);
        const inTopMargin = page.words.filter((w) => w.bottom > PAGE.height - MARGIN.top);
        for (const w of page.words.filter((x) => !inTopMargin.includes(x))) {
          expect(w.left, w.text).toBeGreaterThanOrEqual(MARGIN.left - 0.5);
          expect(w.right, w.text).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
          expect(w.bottom, w.text).toBeGreaterThanOrEqual(MARGIN.bottom - 0.5);
          expect(w.top, w.text).toBeLessThanOrEqual(PAGE.height - MARGIN.top + 0.5);
        }
        if (i === 0) {
          expect(inTopMargin).toEqual([]);
        } else {
          expect(inTopMargin.map((w) => w.text)).toEqual([String(i + 1)]);
          const n = inTopMargin[0];
          expect(((n?.left ?? 0) + (n?.right ?? 0)) / 2).toBeCloseTo(centre, 0);
        }
      });
    });

    it('lays out the header in two columns (44% left) with the number and place-date on one line', async () => {
      const { pages, result } = await render(name);
      const p1 = pages[0] ?? { words: [] as never[], width: 0, height: 0 };
      const nation = findRun(p1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const motto = findRun(p1, 'Độc lập - Tự do - Hạnh phúc');
      const agencyName = findRun(p1, agency.name.toLocaleUpperCase('vi'));
      const so = findRun(p1, 'Số:');
      const header = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', agency.name.toLocaleUpperCase('vi'), 'Số:'];
      expect([nation, motto, agencyName, so].map((run) => run?.text)).toEqual(header);
      expect(nation?.left).toBeGreaterThanOrEqual(leftColumnRight);
      expect(motto?.left).toBeGreaterThanOrEqual(leftColumnRight);
      expect(agencyName?.right).toBeLessThanOrEqual(leftColumnRight);
      expect(so?.right).toBeLessThanOrEqual(leftColumnRight);
      // The agency name and the nation start on the same line, at the top margin.
      expect(Math.abs((nation?.top ?? 0) - (PAGE.height - MARGIN.top))).toBeLessThan(4);
      // Number slot right after "Số:", on its baseline; date slot centred under the motto.
      const { number, date } = result.placeholders;
      expect(number.page).toBe(0);
      // One space of 13 pt Liberation Serif (250/1000 em) after "Số:".
      expect(number.rect[0] - (so?.right ?? 0)).toBeCloseTo(13 * 0.25, 1);
      expect(Math.abs(number.rect[1] - (so?.bottom ?? 0))).toBeLessThan(1);
      expect(date.baseline).toBe(number.baseline);
      expect((date.rect[0] + date.rect[2]) / 2).toBeCloseTo(((motto?.left ?? 0) + (motto?.right ?? 0)) / 2, 0);
      expect(date.size).toBe(13);
      expect(inside(number.rect) && inside(date.rect)).toBe(true);
    });

    it('centres the type name, puts the signature block on the right half and "Nơi nhận" on the left', async () => {
      const { pages, draft, result } = await render(name);
      const p1 = pages[0] ?? { words: [], width: 0, height: 0 };
      if (draft.documentType !== 'cong-van') {
        const title = findRun(p1, typeName(draft.documentType).toLocaleUpperCase('vi'));
        expect(title).toMatchObject({ text: typeName(draft.documentType).toLocaleUpperCase('vi') });
        expect(((title?.left ?? 0) + (title?.right ?? 0)) / 2).toBeCloseTo(centre, 0);
      }
      const { signature, seal } = result.placeholders;
      const last = pages[signature.page] ?? { words: [], width: 0, height: 0 };
      const signerName = findRun(last, draft.signer.fullName);
      expect(signerName).toMatchObject({ text: draft.signer.fullName });
      expect(signerName?.left).toBeGreaterThanOrEqual(middle);
      // The slot is the room between the position line and the name, on the right half.
      expect(signature.rect[0]).toBeGreaterThanOrEqual(middle);
      expect(signature.rect[2]).toBeLessThanOrEqual(PAGE.width - MARGIN.right);
      expect(Math.abs(signature.rect[1] - (signerName?.top ?? 0))).toBeLessThan(3);
      const above = last.words.filter((w) => w.left >= middle && w.bottom >= signature.rect[3] - 1 && w.bottom < signature.rect[3] + 8);
      // Right above the slot: the last line of the signature block, the signer's position (or, where
      // it is too wide for the half page and wraps, as in giay-gioi-thieu, its last wrapped line).
      const position = (signerLines(draft.signer).at(-1) ?? '').split(' ');
      expect(above.map((w) => w.text)).toEqual(name === 'giay-gioi-thieu' ? position.slice(-2) : position);
      expect(last.words.filter((w) => w.bottom > signature.rect[1] && w.top < signature.rect[3] && w.right > signature.rect[0] && w.left < signature.rect[2])).toEqual([]);
      // Seal: 36 mm, its right edge a third into the signature, centred on it vertically.
      expect(seal.page).toBe(signature.page);
      expect(seal.rect[2] - seal.rect[0]).toBeCloseTo(36 * MM, 1);
      expect(seal.rect[3] - seal.rect[1]).toBeCloseTo(36 * MM, 1);
      expect(seal.rect[2]).toBeCloseTo(signature.rect[0] + (signature.rect[2] - signature.rect[0]) / 3, 1);
      expect((seal.rect[1] + seal.rect[3]) / 2).toBeCloseTo((signature.rect[1] + signature.rect[3]) / 2, 1);
      expect(inside(signature.rect) && inside(seal.rect)).toBe(true);
      // "Nơi nhận:" at the left margin; level with the first line of the signature block unless a
      // second signer (biên bản) sits there.
      const label = findRun(last, 'Nơi nhận:');
      expect(label?.left).toBeCloseTo(MARGIN.left, 0);
      const firstWord = signerLines(draft.signer)[0]?.split(' ')[0];
      const firstSignerLine = last.words.filter((w) => w.left >= middle && w.text === firstWord && w.bottom >= signature.rect[3] - 1).sort((a, b) => a.bottom - b.bottom)[0];
      if (!draft.coSigner) expect(Math.abs((label?.bottom ?? 0) - (firstSignerLine?.bottom ?? 0))).toBeLessThan(1.5);
      const lastPlace = last.words.filter((w) => w.text === 'Lưu:');
      expect(lastPlace).toHaveLength(1);
    });

    it('renders the same bytes twice and matches its reference images', async () => {
      const first = await render(name);
      const again = await renderDraft(first.draft, agency, { year: 2026, fontsDir });
      expect(Buffer.from(again.pdf).equals(Buffer.from(first.result.pdf))).toBe(true);
      const images = renderPages(first.path, join(dir, `${name}-${font}`));
      expect(images).toHaveLength(first.result.pages);
      images.forEach((image, i) => {
        const reference = join(REFERENCE_DIR, `${name}-${i + 1}.png`);
        if (UPDATE && font === 'Liberation Serif') {
          copyFileSync(image, reference);
          return;
        }
        expect(existsSync(reference), `${reference} missing: run with UPDATE_DRAFT_REFERENCES=1 (docs/drafting.md)`).toBe(true);
        expect(pixelDifference(readFileSync(image), readFileSync(reference))).toBeLessThan(0.002);
      });
    });
  });

  it('the multi-page example numbers its pages 2, 3… and carries the signature to its last page', async () => {
    const { result, pages } = await render('bao-cao');
    expect(result.pages).toBe(3);
    expect(result.placeholders.signature.page).toBe(result.pages - 1);
    expect(pages[1]?.words.some((w) => w.text === '2' && w.bottom > PAGE.height - MARGIN.top)).toBe(true);
  });
});
