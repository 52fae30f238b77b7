import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Services } from '../../src/main/services/create-services.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import type { OcrJobState } from '../../src/shared/api/schemas/ocr.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { scannedDraft } from '../support/scanned-drafts.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { until } from '../support/until.ts';

// OCR as the registration form uses it (docs/ocr.md "In the app"), through the one dispatcher
// the app and the bridge share: a real 200-dpi scan recognised by the real engine, page by page;
// the fields proposed with the words they came from; the scan registered; then found by a word
// only its body holds, and its searchable PDF stored beside the untouched original.

const corpus = prefillCorpus(12);
const cv = corpus.find((c) => c.documentType === 'cong-van' && c.paragraphs.length <= 3) ?? corpus[2];
if (!cv) throw new Error('corpus without a công văn');

describe('ocr.* through the dispatcher', () => {
  const t = tempDir('vanthu-ocr-app-');
  const profileDir = join(t.dir, 'profile');
  let services: Services;
  let scan: Uint8Array;
  let scanPages: number;
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const e = (await services.dispatch(name, input)) as Envelope<OutputOf<K>>;
    if (!e.ok) throw new Error(`${name}: ${e.error.code} ${e.error.message}`);
    return e.value;
  };
  const search = async (query: string) => (await call('documents.list', { direction: 'incoming', query })).rows.map((r) => r.id);

  beforeAll(async () => {
    initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' }).close();
    services = createBridgeServices({ profileDir });
    const scanned = await scannedDraft(cv, 200, 21);
    scan = scanned.pdf;
    scanPages = scanned.pages;
  }, 60_000);
  afterAll(async () => {
    await services.close();
    t.cleanup();
  });

  it('recognises a scan page by page, proposes the fields with their words, and the registered scan is found by a word of its body', async () => {
    const started = await call('ocr.start', { fileName: 'cong-van-den.pdf', dataBase64: Buffer.from(scan).toString('base64'), searchablePdf: true });
    expect(started).toMatchObject({ status: 'running', fraction: 0, fields: null });
    const seen: OcrJobState[] = [];
    const done = await until('the recognition to end', async () => {
      const s = await call('ocr.state', { jobId: started.jobId });
      seen.push(s);
      return s.status === 'running' ? undefined : s;
    }, 120_000);
    // The form's progress bar: a page part-way through, before the end.
    expect(seen.some((s) => s.status === 'running' && s.pages > 0 && s.pageFraction > 0 && s.pageFraction < 1)).toBe(true);
    expect(done).toMatchObject({ status: 'done', fraction: 1, recorded: true, searchablePdf: true, messageVi: null });
    const expected = expectedOf(cv);
    const p = done.fields?.proposals;
    expect([p?.codeNumber?.value, p?.codeNotation?.value, p?.documentDate?.value, p?.subject?.value]).toEqual([expected.codeNumber, expected.codeNotation, expected.documentDate, expected.subject]);
    expect(done.text?.replace(/\s+/g, ' ')).toContain('Cổng dịch vụ công quốc gia');

    // The page the highlights are drawn on, in the pixels the boxes are measured in.
    const image = await call('ocr.pageImage', { jobId: started.jobId, page: 1 });
    expect(image).toMatchObject({ page: 1, mimeType: 'image/jpeg', widthPx: 1654, heightPx: 2339 });
    expect(Buffer.from(image.dataBase64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    for (const b of p?.codeNumber?.boxes ?? []) expect(b.x1 <= image.widthPx && b.y1 <= image.heightPx && b.x0 < b.x1).toBe(true);
    expect(p?.codeNumber?.boxes?.length).toBeGreaterThan(0);

    // Nothing is registered by recognising: the body's words find nothing yet.
    expect(await search('cong dich vu cong quoc gia')).toEqual([]);
    // The clerk corrects one field and registers, the scan attached.
    const doc = await call('incoming.register', {
      issuingAgency: p?.issuingAgency?.value ?? 'UBND',
      codeNumber: p?.codeNumber?.value ?? '',
      codeNotation: p?.codeNotation?.value ?? '',
      documentDate: p?.documentDate?.value ?? '',
      documentType: p?.documentType?.value ?? 'Công văn',
      subject: `${p?.subject?.value ?? ''} (bản quét)`,
      attachments: [{ name: 'cong-van-den.pdf', dataBase64: Buffer.from(scan).toString('base64') }],
    });
    expect(doc.subject).not.toContain('Cổng dịch vụ công');
    expect(await search('cong dich vu cong quoc gia')).toEqual([doc.id]);
    expect(await search('Cổng dịch vụ công')).toEqual([doc.id]);
    expect(await search('tien do va chat luong')).toEqual([doc.id]);
    expect(await search('dich vu hoa toc khong co')).toEqual([]);

    // The original untouched; the searchable PDF beside it, its text under the page images.
    const detail = await call('documents.get', { id: doc.id });
    const sha = createHash('sha256').update(scan).digest('hex');
    expect(detail.attachments.map((a) => a.name)).toEqual(['cong-van-den.pdf', 'cong-van-den-tim-kiem.pdf']);
    expect(detail.attachments[0]?.sha256).toBe(sha);
    expect(detail.attachments[1]?.revisionOf).toBe(sha);
    const searchable = await call('documents.readAttachment', { documentId: doc.id, sha256: detail.attachments[1]?.sha256 ?? '' });
    const file = join(t.dir, 'tim-kiem.pdf');
    writeFileSync(file, Buffer.from(searchable.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('Cổng dịch vụ công');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${scanPages}\\b`));
    // One image a page: the scan's, with the text invisible under it.
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /^\s+\d+\s+\d+\s+image\b/.test(l))).toHaveLength(scanPages);

    // A correction of the register entry keeps the body in the index.
    await call('documents.update', { id: doc.id, subject: 'Về việc rà soát thủ tục (đã sửa)' });
    expect(await search('cong dich vu cong quoc gia')).toEqual([doc.id]);
  }, 180_000);

  it('cancels at once with a message, a newer scan replaces a running one, and a forgotten job says so', async () => {
    const data = Buffer.from(scan).toString('base64');
    const first = await call('ocr.start', { fileName: 'a.pdf', dataBase64: data });
    const second = await call('ocr.start', { fileName: 'b.pdf', dataBase64: data });
    const ended = (jobId: string, what: string, ms: number) =>
      until(what, async () => {
        const s = await call('ocr.state', { jobId });
        return s.status === 'running' ? undefined : s;
      }, ms);
    const replaced = await ended(first.jobId, 'the first job to stop', 30_000);
    expect(replaced).toMatchObject({ status: 'cancelled', messageVi: 'Đã dừng nhận dạng chữ: một tệp quét khác được chọn.', fields: null });
    await until('the second job to be part-way through a page', async () => ((await call('ocr.state', { jobId: second.jobId })).pageFraction > 0 ? true : undefined), 60_000);
    const stopping = await call('ocr.cancel', { jobId: second.jobId });
    expect(stopping.jobId).toBe(second.jobId);
    const stopped = await ended(second.jobId, 'the cancelled job to stop', 5_000);
    expect(stopped).toMatchObject({ status: 'cancelled', messageVi: 'Đã dừng nhận dạng chữ.' });
    const pageRefused = await services.dispatch('ocr.pageImage', { jobId: second.jobId, page: 1 });
    expect(pageRefused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await services.dispatch('ocr.state', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Không còn kết quả nhận dạng này: hãy chọn lại tệp quét.' } });
    const bad = await services.dispatch('ocr.start', { fileName: 'x.txt', dataBase64: Buffer.from('Kính gửi').toString('base64') });
    expect(bad).toMatchObject({ ok: true, value: { status: 'running' } });
    const failed = await ended((bad as Envelope<OcrJobState> & { ok: true }).value.jobId, 'the bad file to fail', 10_000);
    expect(failed.status).toBe('failed');
    expect(failed.messageVi).toMatch(/không phải ảnh quét đọc được/);
  }, 120_000);
});
