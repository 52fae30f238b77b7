import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { proposeFields } from '../../src/main/prefill/propose-fields.ts';
import { MAX_PREFILL_BYTES, PREFILL_FIELDS, type ProposeFieldsResult } from '../../src/shared/api/schemas/prefill.ts';
import { vanthu } from '../support/cli.ts';
import { convertWithLibreOffice, findLibreOffice } from '../support/libreoffice-batch.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { renderNumberedDraft } from '../support/prefill-drafts.ts';
import { corpusFodt } from '../support/prefill-fodt.ts';
import { tempDir } from '../support/temp-profile.ts';

const values = (r: ProposeFieldsResult) => Object.fromEntries(PREFILL_FIELDS.map((f) => [f, r.proposals[f]?.value ?? null]));
const files = tempDir('vanthu-prefill-');
afterAll(() => files.cleanup());

// One case of each type and layout the corpus has, and every agency of it: 12 documents.
const corpus = prefillCorpus(12);

describe('proposals from the drafts this app renders and numbers', () => {
  it('reads every field of each draft as the clerk would type it', async () => {
    for (const c of corpus) {
      const result = await proposeFields(await renderNumberedDraft(c));
      expect({ id: c.id, status: result.status, ...values(result) }).toEqual({ id: c.id, status: 'read', ...expectedOf(c) });
    }
  });

  it('says where each value was read: the line and the page', async () => {
    const c = corpus[1] as (typeof corpus)[number];
    const result = await proposeFields(await renderNumberedDraft(c));
    expect(result.proposals.codeNumber?.source).toBe(`Số: ${expectedOf(c).codeNumber}/${expectedOf(c).codeNotation}`);
    expect(result.proposals.documentDate?.page).toBe(1);
    expect(result.proposals.signerName?.page).toBe(result.pages);
  });
});

const soffice = findLibreOffice();
if (!soffice) console.log('prefill: LibreOffice (soffice) is not installed: the LibreOffice-converted documents are not tested');

describe.skipIf(!soffice)('proposals from PDFs LibreOffice makes from Word-like documents', () => {
  it('reads every field in each of the three header layouts', async () => {
    const cases = corpus.slice(0, 6);
    const pdfs = convertWithLibreOffice(cases.map((c, i) => ({ name: `${c.id}.fodt`, data: corpusFodt(c, i % 3) })), soffice as string);
    expect(pdfs.size).toBe(cases.length);
    for (const c of cases) {
      const result = await proposeFields(pdfs.get(`${c.id}.fodt`) as Uint8Array);
      expect({ id: c.id, ...values(result) }).toEqual({ id: c.id, ...expectedOf(c) });
    }
  });
});

describe('files that give no proposals', () => {
  const none = Object.fromEntries(PREFILL_FIELDS.map((f) => [f, null]));

  it('a file that is not a PDF, a truncated PDF, garbage after the header: a message, no throw', async () => {
    const good = await renderNumberedDraft(corpus[0] as (typeof corpus)[number]);
    const inputs = [Buffer.from('không phải PDF'), good.subarray(0, 400), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0xff)]), new Uint8Array(0)];
    for (const bytes of inputs) {
      const result = await proposeFields(new Uint8Array(bytes));
      expect(result.status).toBe('unreadable');
      expect(result.proposals).toEqual(none);
      expect(result.messageVi).toMatch(/không (phải PDF|đọc được)|bị hỏng/);
    }
  });

  it('a scan without a text layer says so', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const result = await proposeFields(await doc.save());
    expect(result).toEqual({ status: 'no-text', messageVi: 'Tệp PDF không có lớp chữ (bản quét): không có đề xuất; hãy nhập các ô.', pages: 1, proposals: none });
  });

  it('a file over the bound is not read', async () => {
    const result = await proposeFields(new Uint8Array(MAX_PREFILL_BYTES + 1));
    expect(result.status).toBe('unreadable');
    expect(result.messageVi).toBe('Tệp lớn quá 20 MB: không đọc nội dung để đề xuất; hãy nhập các ô.');
  });
});

describe('vanthu propose', () => {
  it('prints the proposals as JSON, and the fields in Vietnamese without --json', async () => {
    const c = corpus[0] as (typeof corpus)[number];
    const file = join(files.dir, 'den.pdf');
    writeFileSync(file, await renderNumberedDraft(c));
    const json = vanthu(['propose', file, '--json']);
    expect(json.status).toBe(0);
    expect(values(json.json<ProposeFieldsResult>())).toEqual(expectedOf(c));
    const text = vanthu(['propose', file]);
    expect(text.stdout).toContain(`Cơ quan ban hành: ${c.agency.name}`);
    expect(text.stdout).toContain(`Ký hiệu: ${expectedOf(c).codeNotation}`);
  });

  it('exits 1 with the message for a broken PDF and 2 without a file', () => {
    const broken = join(files.dir, 'hong.pdf');
    writeFileSync(broken, readFileSync(join(files.dir, 'den.pdf')).subarray(0, 300));
    const r = vanthu(['propose', broken, '--json']);
    expect(r.status).toBe(1);
    expect(r.json<ProposeFieldsResult>().status).toBe('unreadable');
    expect(vanthu(['propose']).status).toBe(2);
    expect(vanthu(['propose', join(files.dir, 'khong-co.pdf')]).status).toBe(2);
  });
});
