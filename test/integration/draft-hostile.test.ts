import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftRender } from '../../src/main/cli/commands/draft.ts';
import { MARGIN, PAGE } from '../../src/main/drafting/draft-layout.ts';
import { renderDraft } from '../../src/main/drafting/render-draft.ts';
import { parseDraft } from '../../src/shared/api/schemas/draft.ts';
import { AppError } from '../../src/shared/errors.ts';
import { EXAMPLES_DIR, exampleAgency, pdfWords, tool } from '../support/draft-layout.ts';

// Drafts a clerk (or a pasted Word file) can produce that the renderer must refuse with a
// Vietnamese message or render correctly — never crash.
const dir = mkdtempSync(join(tmpdir(), 'vanthu-draft-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const agency = exampleAgency();
const base = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'cong-van.json'), 'utf8')) as Record<string, unknown>;

function refusal(value: unknown): AppError {
  try {
    parseDraft(value);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the draft was accepted');
}

async function renderChecked(value: unknown, name: string) {
  const result = await renderDraft(parseDraft(value), agency, { year: 2026 });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, result.pdf);
  expect(tool('qpdf', '--check', path)).toContain('No syntax or stream encoding errors');
  const pages = pdfWords(path);
  for (const page of pages) {
    for (const w of page.words.filter((x) => x.bottom <= PAGE.height - MARGIN.top)) {
      expect(w.left).toBeGreaterThanOrEqual(MARGIN.left - 0.5);
      expect(w.right).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
    }
  }
  return { result, pages, text: tool('pdftotext', path, '-') };
}

describe('refused with a Vietnamese message naming the field', () => {
  it('an empty trích yếu', () => {
    const e = refusal({ ...base(), subject: '   ' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.messageVi).toContain('Trích yếu: không được để trống');
  });

  it('an unknown document type', () => {
    const e = refusal({ ...base(), documentType: 'thu-tinh' });
    expect(e.messageVi).toContain('Loại văn bản: không phải loại văn bản hành chính');
  });

  it('a copy type, which is made from an issued document and never drafted', () => {
    expect(refusal({ ...base(), documentType: 'ban-sao-y' }).messageVi).toContain('Loại văn bản');
  });

  it('a KT. signer without the authority line, and an empty body', () => {
    const e = refusal({ ...base(), signer: { competence: 'KT', position: 'Phó Chủ tịch', fullName: 'A' }, body: [] });
    expect(e.messageVi).toContain('Người ký › Dòng thẩm quyền');
    expect(e.messageVi).toContain('Nội dung: cần ít nhất một đoạn nội dung');
  });

  it('a công văn without a drafting unit, and a clause with neither title nor text', () => {
    const e = refusal({ ...base(), unitAbbreviation: null, body: [{ type: 'article', title: 'X', clauses: [{}] }] });
    expect(e.messageVi).toContain('Đơn vị soạn thảo');
    expect(e.messageVi).toContain('Nội dung (mục 1) › Khoản (mục 1)');
  });
});

describe('rendered correctly', () => {
  it('a 10,000-letter word without spaces is cut between letters, inside the margins', async () => {
    const word = 'Nghiêng'.repeat(1429).slice(0, 10_000);
    const { text, result } = await renderChecked({ ...base(), body: [{ type: 'paragraph', text: `Mở đầu ${word} kết thúc.` }] }, 'long-word');
    // Cut between letters, the 10,000 letters run over four pages.
    expect(result.pages).toBe(4);
    expect(text.replace(/\s+/g, '')).toContain(word.slice(0, 2000));
    expect(text).toContain('kết thúc.');
  });

  it('control characters are dropped and a decomposed (NFD) text prints as NFC', async () => {
    const nfd = 'Hòa Tiến thực hiện nghiêm túc'.normalize('NFD');
    const draft = { ...base(), subject: `triển\u0000 khai\u0007 công\u000b tác`, body: [{ type: 'paragraph', text: `${nfd}\u001b\u200b\ufeff.` }] };
    expect(parseDraft(draft).subject).toBe('triển khai công tác');
    const { text } = await renderChecked(draft, 'control');
    expect(text).toContain('V/v triển khai công tác');
    expect(text).toContain('Hòa Tiến thực hiện nghiêm túc');
    expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
  });

  it('characters the font lacks (emoji, CJK) do not stop the render', async () => {
    await renderChecked({ ...base(), body: [{ type: 'paragraph', text: 'Chúc mừng 🎉 năm mới 新年.' }] }, 'emoji');
  });

  it('a type given by name or abbreviation, and a 30-article decision over several pages', async () => {
    const articles = Array.from({ length: 30 }, (_, i) => ({ type: 'article', title: `Nội dung điều ${i + 1}`, clauses: [{ text: 'Khoản một của điều này.', points: ['điểm thứ nhất;', 'điểm thứ hai.'] }] }));
    const draft = parseDraft({ ...base(), documentType: 'QĐ', subject: 'Ban hành quy chế', body: articles });
    expect(draft.documentType).toBe('quyet-dinh');
    const { text, result } = await renderChecked(draft, 'articles');
    expect(result.pages).toBe(5);
    expect(text).toContain('Điều 30. Nội dung điều 30');
    expect(text).toContain('b) điểm thứ hai.');
  });
});

describe('vanthu draft render (draftRender)', () => {
  it('renders a JSON file with an agency file and reports the placeholders', async () => {
    const out = join(dir, 'cli.pdf');
    const result = await draftRender([join(EXAMPLES_DIR, 'to-trinh.json'), '--out', out, '--agency', join(EXAMPLES_DIR, 'agency.json'), '--year', '2026', '--json']);
    const json = result.json as { output: string; pages: number; placeholders: { number: { page: number; rect: number[] } } };
    expect(json.output).toBe(out);
    expect(json.pages).toBe(1);
    expect(json.placeholders.number.rect).toHaveLength(4);
    expect(tool('pdfinfo', out)).toMatch(/Pages:\s+1\n/);
  });

  it('refuses to guess the agency: exactly one of --profile and --agency', async () => {
    await expect(draftRender([join(EXAMPLES_DIR, 'to-trinh.json'), '--out', join(dir, 'x.pdf')])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a draft that is not valid gives the field messages, and no file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...base(), subject: '' }));
    await expect(draftRender([bad, '--out', join(dir, 'bad.pdf'), '--agency', join(EXAMPLES_DIR, 'agency.json')])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(() => readFileSync(join(dir, 'bad.pdf'))).toThrow();
  });
});
