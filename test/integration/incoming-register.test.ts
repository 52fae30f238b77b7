import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { documentPatch, incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { getDocumentDetail, readAttachment, addAttachment, updateDocument } from '../../src/main/registry/documents.ts';
import { findDuplicates, registerIncoming } from '../../src/main/registry/incoming.ts';
import { checkProfile } from '../../src/main/backup/check-profile.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, incoming } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

describe('incoming registration', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup(at = '2026-03-10T03:00:00Z') {
    const clock = fixedClock(at);
    const t = newProfile(clock);
    cleanup = t.cleanup;
    return { ...t, clock };
  }

  it('assigns số đến in order of arrival and restarts each year', () => {
    const { profile, clock } = setup('2026-12-31T10:00:00Z');
    expect(addIncoming(profile, { documentDate: '2026-12-30' }).number).toBe(1);
    expect(addIncoming(profile, { documentDate: '2026-12-30' }).number).toBe(2);
    clock.set('2027-01-02T02:00:00Z');
    const next = addIncoming(profile, { documentDate: '2026-12-30' });
    expect(next).toMatchObject({ number: 1, year: 2027, registerDate: '2027-01-02', processingStatus: 'pending' });
  });

  it('fills every Appendix IV field it is given', () => {
    const { profile } = setup();
    const doc = addIncoming(profile, {
      documentType: 'QĐ',
      priority: 'Hỏa tốc',
      dueDate: '2026-03-20',
      recipientUnit: 'Văn phòng',
      notes: 'Gửi kèm bản giấy',
      signerName: 'Trần Thị B',
      documentIdentifier: '000.00.00.H17,2026/03/01,15/QĐ-UBND',
      transferDate: '2026-03-10',
      receivedBy: 'Nguyễn Thị Lan',
    });
    expect(doc).toMatchObject({
      direction: 'incoming',
      documentType: 'quyet-dinh',
      documentTypeName: 'Quyết định',
      priority: 'hoa-toc',
      dueDate: '2026-03-20',
      recipientUnit: 'Văn phòng',
      notes: 'Gửi kèm bản giấy',
      signerName: 'Trần Thị B',
      registerDate: '2026-03-10',
      arrivalAt: '2026-03-10T10:00:00+07:00',
      transferDate: '2026-03-10',
      receivedBy: 'Nguyễn Thị Lan',
    });
  });

  it('flags the same number+notation+agency before saving, whatever the spelling', () => {
    const { profile } = setup();
    const first = addIncoming(profile, { codeNumber: '07', codeNotation: 'QĐ-UBND', issuingAgency: 'UBND tỉnh Đồng Nai' });
    const dupes = findDuplicates(profile, { codeNumber: '7', codeNotation: 'qđ - ubnd', issuingAgency: 'ubnd tinh dong nai' });
    expect(dupes.map((d) => [d.id, d.reason])).toEqual([[first.id, 'same-number-notation-agency']]);
    const error = expectAppError(
      () => addIncoming(profile, { codeNumber: '7', codeNotation: 'QĐ-UBND', issuingAgency: 'UBND TỈNH ĐỒNG NAI' }),
      'DUPLICATE_SUSPECTED',
      /số đến 1\/2026/,
    );
    expect((error.data as { duplicates: unknown[] }).duplicates).toHaveLength(1);
    const again = addIncoming(profile, { codeNumber: '7', codeNotation: 'QĐ-UBND', issuingAgency: 'UBND tỉnh Đồng Nai', allowDuplicate: true });
    expect(again.number).toBe(2);
  });

  it('flags the same document identifier', () => {
    const { profile } = setup();
    addIncoming(profile, { documentIdentifier: 'H17,2026/03/01,15/QĐ-UBND' });
    const dupes = findDuplicates(profile, { codeNumber: '999', codeNotation: 'X', issuingAgency: 'Y', documentIdentifier: 'H17,2026/03/01,15/QĐ-UBND' });
    expect(dupes.map((d) => d.reason)).toEqual(['same-document-identifier']);
  });

  it('refuses impossible dates with the field named', () => {
    const { profile } = setup();
    const future = expectAppError(() => addIncoming(profile, { arrivalDate: '2026-03-11' }), 'INVALID_INPUT');
    expect(future.data).toEqual({ issues: [{ path: 'arrivalDate', message: 'không được sau hôm nay' }] });
    expectAppError(() => addIncoming(profile, { documentDate: '2026-03-10', arrivalDate: '2026-03-09' }), 'INVALID_INPUT', /sau ngày đến/);
    expectAppError(() => addIncoming(profile, { dueDate: '2026-03-01' }), 'INVALID_INPUT', /Hạn xử lý/);
    addIncoming(profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-01' });
    expectAppError(() => addIncoming(profile, { arrivalDate: '2026-03-08', documentDate: '2026-03-01' }), 'INVALID_INPUT', /thứ tự đến/);
  });

  it('applies the same date rules to corrections, and changes nothing when they fail', () => {
    const { profile } = setup();
    const doc = addIncoming(profile, { documentDate: '2026-03-01' });
    expectAppError(() => updateDocument(profile, documentPatch.parse({ id: doc.id, documentDate: '2026-03-11' })), 'INVALID_INPUT', /sau hôm nay/);
    expectAppError(() => updateDocument(profile, documentPatch.parse({ id: doc.id, documentDate: '2026-03-10', transferDate: '2026-03-09' })), 'INVALID_INPUT', /Ngày chuyển không được trước ngày đến/);
    expect(getDocumentDetail(profile, doc.id)).toMatchObject({ documentDate: '2026-03-01', transferDate: null });
    expect(updateDocument(profile, documentPatch.parse({ id: doc.id, transferDate: '2026-03-10' })).transferDate).toBe('2026-03-10');
  });

  it('stores attachments once by SHA-256 and never loses them', () => {
    const { profile } = setup();
    const data = pdf('same content');
    const a = registerIncoming(profile, incomingInput.parse(incoming({ attachments: [{ name: 'C:\\Users\\x\\qd.pdf', dataBase64: data }] })));
    const b = registerIncoming(profile, incomingInput.parse(incoming({ attachments: [{ name: 'ban-sao.pdf', dataBase64: data }] })));
    const files = profile.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number };
    expect(files.n).toBe(1);
    const detail = getDocumentDetail(profile, a.id);
    expect(detail.attachments).toMatchObject([{ name: 'qd.pdf', present: true }]);
    expect(readAttachment(profile, b.id, detail.attachments[0]!.sha256).data.toString('base64')).toBe(data);
    expect(() => profile.db.prepare('DELETE FROM document_files').run()).toThrow(/never loses its files/);
  });

  it('reports a missing attachment file with the way forward', async () => {
    const { profile } = setup();
    const doc = addIncoming(profile);
    const att = addAttachment(profile, { documentId: doc.id, name: 'a.pdf', dataBase64: pdf('x') });
    rmSync(profile.blobs.pathOf(att.sha256));
    expect(getDocumentDetail(profile, doc.id).attachments[0]!.present).toBe(false);
    expectAppError(() => readAttachment(profile, doc.id, att.sha256), 'FILE_MISSING', /khôi phục từ bản sao lưu/);
    expect((await checkProfile(profile)).files.missing).toEqual([att.sha256]);
  });

  it('repairs a damaged stored file when the same content is attached again', () => {
    const { profile } = setup();
    const doc = addIncoming(profile);
    const data = pdf('bản gốc');
    const att = addAttachment(profile, { documentId: doc.id, name: 'a.pdf', dataBase64: data });
    writeFileSync(profile.blobs.pathOf(att.sha256), Buffer.from(data, 'base64').fill(0x20, 0, 4));
    expect(profile.blobs.check(att.sha256, att.size)).toBe('corrupt');
    addAttachment(profile, { documentId: addIncoming(profile).id, name: 'b.pdf', dataBase64: data });
    expect(profile.blobs.check(att.sha256, att.size)).toBe('ok');
  });

  it('refuses an empty attachment and writes nothing', () => {
    const { profile } = setup();
    expectAppError(() => registerIncoming(profile, incomingInput.parse(incoming({ attachments: [{ name: 'a.pdf', dataBase64: '' }] }))), 'INVALID_INPUT');
    expect((profile.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(0);
  });
});
