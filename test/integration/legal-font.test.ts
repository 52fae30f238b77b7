import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { renderDraft } from '../../src/main/drafting/render-draft.ts';
import { type FontHost, LIBERATION_LABEL, systemFontHost } from '../../src/main/fonts/legal-font.ts';
import { addTextStamps } from '../../src/main/pdf/stamp-text.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { ROOT } from '../support/cli.ts';
import { exampleAgency, exampleDraft } from '../support/draft-layout.ts';
import { pdfLibSample, qpdfCheck } from '../support/pdf-samples.ts';
import { tempDir } from '../support/temp-profile.ts';
import { timesFace, windowsFontsFolder } from '../support/times-fixture.ts';

// The font choice seen from the documents: what a PDF embeds is what was chosen, and a Windows
// font file that cannot be used leaves drafting working in Liberation Serif. The layouts in
// either font: draft-layout.test.ts; register books: books-pdf.test.ts.
let work: { dir: string; cleanup: () => void };
beforeEach(() => {
  work = tempDir('vanthu-legal-font-');
});
afterEach(() => work.cleanup());

const windows = (windir: string): FontHost => ({ ...systemFontHost, platform: 'win32', env: { WINDIR: windir } });

// The fonts pdffonts lists, without their subset tags, and whether each is embedded, subset and
// mapped to Unicode.
function embeddedFonts(path: string): { name: string; embedded: string }[] {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const cols = line.split(/\s+/);
      return { name: (cols[0] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded: cols.slice(-5, -2).join(' ') };
    });
}

describe('the legal font in the documents', () => {
  it('a broken times.ttf does not stop drafting: the draft is set in Liberation Serif and the reason is kept', async () => {
    const windir = join(work.dir, 'Windows');
    windowsFontsFolder(windir, { regular: timesFace('regular').subarray(0, 4096) });
    const resources = programResources(join(ROOT, 'resources'), windows(windir));
    expect(resources.legalFont).toMatchObject({ family: 'Liberation Serif', source: 'bundled', fallbackVi: expect.stringMatching(/times\.ttf chưa dùng được/) });
    expect(resources.fonts).toBe(join(ROOT, 'resources', 'fonts'));

    const rendered = await renderDraft(exampleDraft('quyet-dinh'), exampleAgency(), { year: 2026, fontsDir: resources.fonts });
    const path = join(work.dir, 'quyet-dinh.pdf');
    writeFileSync(path, rendered.pdf);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    expect(embeddedFonts(path).map((f) => f.name).sort()).toEqual(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-BoldItalic', 'LiberationSerif-Italic']);
  });

  it('writes the number and the italic date line in the Times New Roman chosen from Windows', async () => {
    const windir = join(work.dir, 'Windows');
    windowsFontsFolder(windir);
    const resources = programResources(join(ROOT, 'resources'), windows(windir));
    expect(resources.legalFont.family).toBe('Times New Roman');
    const input = await pdfLibSample(join(work.dir, 'draft.pdf'), { objectStreams: false });
    const output = join(work.dir, 'numbered.pdf');
    await addTextStamps({
      input,
      output,
      fontsDir: resources.fonts,
      stamps: [
        { page: 0, x: 100, y: 700, text: 'Số: 15/QĐ-UBND', size: 13 },
        { page: 0, x: 330, y: 700, text: 'Hòa Tiến, ngày 04 tháng 3 năm 2026', size: 13, face: 'italic' },
      ],
    });
    expect(qpdfCheck(output)).toMatch(/No syntax or stream encoding errors/);
    expect(embeddedFonts(output).filter((f) => f.name.startsWith('TimesNewRoman'))).toEqual([
      { name: 'TimesNewRomanPSMT', embedded: 'yes yes yes' },
      { name: 'TimesNewRomanPS-ItalicMT', embedded: 'yes yes yes' },
    ]);
    const text = execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số: 15/QĐ-UBND');
    expect(text).toContain('Hòa Tiến, ngày 04 tháng 3 năm 2026');
  });

  // This suite runs on Linux (pdffonts, SoftHSM…), where the choice is always the fallback.
  it('answers fonts.legal through the dispatcher, and logs the choice once when the services start', async () => {
    const services = createBridgeServices({ profileDir: join(work.dir, 'profile') });
    try {
      expect(await services.dispatch('fonts.legal', {})).toEqual({
        ok: true,
        value: {
          family: 'Liberation Serif',
          source: 'bundled',
          labelVi: LIBERATION_LABEL,
          fallbackVi: 'Máy này không chạy Windows nên không có Times New Roman của hệ thống.',
          folder: join(ROOT, 'resources', 'fonts'),
        },
      });
    } finally {
      await services.close();
    }
    const logged = readFileSync(join(work.dir, 'profile', 'logs', 'vanthu.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string })
      .filter((entry) => entry.event === 'fonts.legal');
    expect(logged).toEqual([expect.objectContaining({ level: 'info', family: 'Liberation Serif', source: 'bundled', fallback: `platform ${process.platform}: Times New Roman is taken only from Windows` })]);
  });
});
