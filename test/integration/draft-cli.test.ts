import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, vanthu } from '../support/cli.ts';
import { tempDir } from '../support/temp-profile.ts';

// `vanthu draft render` as a clerk runs it: its own process, the draft from a file or from
// standard input, the agency from a file, a bad draft refused with the field named and no PDF.
describe('vanthu draft render', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const examples = join(ROOT, 'resources', 'drafts', 'examples');
  const agency = join(examples, 'agency.json');

  it('renders a draft file and one from standard input', () => {
    const fromFile = vanthu(['draft', 'render', join(examples, 'to-trinh.json'), '--agency', agency, '--out', join(t.dir, 'to-trinh.pdf'), '--json']);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    // The tờ trình example fits on one page, its signature too.
    expect(fromFile.json<{ pages: number; placeholders: { signature: { page: number } } }>()).toMatchObject({ pages: 1, placeholders: { signature: { page: 0 } } });
    expect(readFileSync(join(t.dir, 'to-trinh.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const fromStdin = vanthu(['draft', 'render', '-', '--agency', agency, '--out', join(t.dir, 'cong-van.pdf'), '--json'], { input: readFileSync(join(examples, 'cong-van.json'), 'utf8') });
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(existsSync(join(t.dir, 'cong-van.pdf'))).toBe(true);
  });

  // On this Linux machine the choice is the stand-in; the PDF embeds the font the command names.
  it('says which font the draft is set in, and why it is not Times New Roman', () => {
    const out = join(t.dir, 'giay-moi.pdf');
    const json = vanthu(['draft', 'render', join(examples, 'giay-moi.json'), '--agency', agency, '--out', out, '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(json.json<{ font: unknown }>().font).toEqual({
      family: 'Liberation Serif',
      source: 'bundled',
      labelVi: 'Liberation Serif (thay thế, cùng kích thước chữ)',
      fallbackVi: 'Máy này không chạy Windows nên không có Times New Roman của hệ thống.',
      folder: join(ROOT, 'resources', 'fonts'),
    });
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/^[A-Z]{6}\+LiberationSerif\s/m);
    const text = vanthu(['draft', 'render', join(examples, 'giay-moi.json'), '--agency', agency, '--out', out]);
    expect(text.stdout.split('\n')[1]).toBe('Phông chữ: Liberation Serif (thay thế, cùng kích thước chữ) — Máy này không chạy Windows nên không có Times New Roman của hệ thống.');
  });

  it('refuses a draft without trích yếu, naming the field, and writes nothing', () => {
    const draft = { ...(JSON.parse(readFileSync(join(examples, 'quyet-dinh.json'), 'utf8')) as object), subject: '' };
    const r = vanthu(['draft', 'render', '-', '--agency', agency, '--out', join(t.dir, 'bad.pdf'), '--json'], { input: JSON.stringify(draft) });
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stderr) as { message: string }).message).toMatch(/Trích yếu/);
    expect(existsSync(join(t.dir, 'bad.pdf'))).toBe(false);
  });
});
