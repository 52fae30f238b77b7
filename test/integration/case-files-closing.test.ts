import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFile, reopenFile } from '../../src/main/casefiles/closing.ts';
import { caseFileDetail } from '../../src/main/casefiles/contents.ts';
import { addDocument, removeDocument } from '../../src/main/casefiles/filing.ts';
import { saveFile } from '../../src/main/casefiles/files.ts';
import { handoverRecordForm } from '../../src/main/casefiles/form-data.ts';
import { dueHandovers, handOver } from '../../src/main/casefiles/handover.ts';
import { filedDocumentParts, fileMetadata } from '../../src/main/casefiles/metadata.ts';
import { approvePlan, createPlan } from '../../src/main/casefiles/plans.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { addAttachment, getDocument, listAttachments, updateDocument, voidDocument } from '../../src/main/registry/documents.ts';
import { addFileRevision } from '../../src/main/registry/file-revisions.ts';
import { approvePlanInput, createPlanInput, handOverInput, saveFileInput, type CaseFileRecord } from '../../src/shared/api/schemas/casefiles.ts';
import { documentPatch } from '../../src/shared/api/schemas/documents.ts';
import { expectAppError, expectAppErrorAsync } from '../support/app-error.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { fixedClock, newProfile, tempDir } from '../support/temp-profile.ts';

const pdf = (path: string) => ({ name: path.split('/').pop() as string, dataBase64: readFileSync(path).toString('base64') });

// Closing, reopening, handing over and the freeze on a real profile with real PDFs (pdf-lib),
// their pages counted by the project's PDF reader.
describe('case files: closing, handover and the freeze', () => {
  const clock = fixedClock('2026-03-10T02:00:00Z');
  const scratch = tempDir('vanthu-casefiles-');
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  let file: CaseFileRecord;
  let other: CaseFileRecord;
  const ids = { paper: 0, twoPdfs: 0, revised: 0, none: 0 };

  beforeAll(async () => {
    t = newProfile(clock);
    p = t.profile;
    const plan = createPlan(p, createPlanInput.parse({ year: 2026 }));
    const vp = plan.headings.find((h) => h.abbreviation === 'VP')!;
    file = saveFile(p, saveFileInput.parse({ headingId: vp.id, title: 'Hồ sơ tổ chức chợ phiên', retentionYears: 10, creator: 'Lê Thị Hoa' }));
    other = saveFile(p, saveFileInput.parse({ headingId: vp.id, title: 'Hồ sơ khác', retentionYears: null, creator: 'Lê Thị Hoa' }));
    approvePlan(p, approvePlanInput.parse({ year: 2026, decisionNumber: '05/QĐ-UBND', decisionDate: '2026-01-05', decisionBy: 'Chủ tịch UBND xã' }));

    const two = await pdfLibSample(join(scratch.dir, 'hai-trang.pdf'), { objectStreams: false, pages: 2 });
    const three = await pdfLibSample(join(scratch.dir, 'ba-trang.pdf'), { objectStreams: true, pages: 3 });
    const one = await draftPdf(join(scratch.dir, 'mot-trang.pdf'));
    // An outgoing document with no PDF and 4 pages in the register, dated first.
    ids.paper = addOutgoing(p, { documentDate: '2026-03-02', subject: 'Kế hoạch', pageCount: 4 }).id;
    // Two PDFs, 2 + 3 pages.
    ids.twoPdfs = addIncoming(p, { documentDate: '2026-03-05', attachments: [pdf(two), pdf(three)] }).id;
    // One PDF of 1 page, then a signed revision of it (same page): counted once.
    ids.revised = addIncoming(p, { documentDate: '2026-03-01', attachments: [pdf(one)] }).id;
    const revision = p.blobs.scratchPath('rev');
    await draftPdf(revision, { place: 'Xã Hòa Tiến,' });
    addFileRevision(p, { documentId: ids.revised, from: listAttachments(p, ids.revised)[0]!, kind: 'attachment', path: revision, details: {} });
    // Nothing to count: no PDF and no page count.
    ids.none = addIncoming(p, { documentDate: '2026-03-06' }).id;
    for (const id of Object.values(ids)) addDocument(p, { caseFileId: file.id, documentId: id });
    addDocument(p, { caseFileId: other.id, documentId: ids.paper });
  });
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  it('closes a file with its dates and totals, the pages counted from the PDFs as they stand', async () => {
    const detail = await caseFileDetail(p, file.id);
    expect(detail.documents.map((d) => [d.documentId, d.pages, d.pageFrom, d.pageTo])).toEqual([
      [ids.revised, 1, 1, 1],
      [ids.paper, 4, 2, 5],
      [ids.twoPdfs, 5, 6, 10],
      [ids.none, 0, null, null],
    ]);
    const closed = await closeFile(p, file.id);
    expect(closed).toMatchObject({ status: 'closed', startDate: '2026-03-01', endDate: '2026-03-06', docTotal: 4, pageTotal: 10, handoverDueDate: '2027-03-10' });
    await expectAppErrorAsync(() => closeFile(p, file.id), 'CONFLICT', /đã kết thúc/);
    // Closed: its documents stay until it is reopened; its form neither.
    expectAppError(() => addDocument(p, { caseFileId: file.id, documentId: addIncoming(p).id }), 'CONFLICT', /mở lại hồ sơ/);
    expectAppError(() => saveFile(p, saveFileInput.parse({ id: file.id, title: 'Khác', retentionYears: 10, creator: 'Lê Thị Hoa' })), 'CONFLICT', /mở lại/);
    // An empty file is not closed.
    const empty = saveFile(p, saveFileInput.parse({ headingId: file.headingId, title: 'Trống', retentionYears: 5, creator: 'Lê Thị Hoa' }));
    await expectAppErrorAsync(() => closeFile(p, empty.id), 'INVALID_INPUT', /chưa có văn bản/);
  });

  it('reopens a closed file with a reason in the audit log and closes it again', async () => {
    const reopened = reopenFile(p, file.id, 'Bổ sung văn bản còn thiếu');
    expect(reopened).toMatchObject({ status: 'open', docTotal: null, pageTotal: null, closedAt: null, handoverDueDate: null });
    const entry = p.audit.list({ entityType: 'caseFile', entityId: String(file.id), limit: 5 })[0]!;
    expect(entry).toMatchObject({ action: 'caseFile.reopen', details: { reason: 'Bổ sung văn bản còn thiếu', closed: { docTotal: 4, pageTotal: 10 } } });
    expectAppError(() => reopenFile(p, file.id, 'Lần nữa'), 'CONFLICT', /chưa kết thúc/);
    // A voided document is taken out before closing (Art. 29.4.b).
    const mistaken = addIncoming(p, { documentDate: '2026-03-07' });
    addDocument(p, { caseFileId: file.id, documentId: mistaken.id });
    voidDocument(p, mistaken.id, 'Trùng');
    await expectAppErrorAsync(() => closeFile(p, file.id), 'CONFLICT', /đã hủy/);
    removeDocument(p, { caseFileId: file.id, documentId: mistaken.id });
    clock.set('2026-04-01T02:00:00Z');
    expect(await closeFile(p, file.id)).toMatchObject({ docTotal: 4, pageTotal: 10, handoverDueDate: '2027-04-01' });
  });

  it('reminds of files due at the archive 30 days ahead, overdue first', async () => {
    clock.set('2027-03-01T02:00:00Z');
    expect(dueHandovers(p, 30).files).toEqual([]);
    clock.set('2027-03-02T02:00:00Z');
    expect(dueHandovers(p, 30).files.map((f) => [f.file.notation, f.dueDate, f.daysLeft])).toEqual([[file.notation, '2027-04-01', 30]]);
    clock.set('2027-04-03T02:00:00Z');
    expect(dueHandovers(p).files.map((f) => f.daysLeft)).toEqual([-2]);
  });

  it('hands closed files over, counting them again, and freezes them and their documents: each attempt refused, in Vietnamese, and audited', async () => {
    // Corrected after closing, before handover: the handover counts the file again.
    updateDocument(p, documentPatch.parse({ id: ids.none, pageCount: 2 }));
    const input = handOverInput.parse({ year: 2026, fileIds: [file.id], giverName: 'Lê Thị Hoa', giverTitle: 'Văn thư', receiverName: 'Trần Văn Lưu', receiverTitle: 'Lưu trữ', condition: 'Đầy đủ' });
    await expectAppErrorAsync(() => handOver(p, { ...input, fileIds: [other.id] }), 'CONFLICT', /chưa kết thúc/);
    await expectAppErrorAsync(() => handOver(p, { ...input, year: 2025 }), 'INVALID_INPUT', /năm 2025/);
    const h = await handOver(p, input);
    expect(h.files.map((f) => [f.notation, f.status, f.pageTotal])).toEqual([[file.notation, 'handed_over', 12]]);
    expect(p.audit.list({ entityType: 'handover', entityId: String(h.id), limit: 1 })[0]!.details).toMatchObject({ recounted: [{ caseFileId: file.id, after: { pageTotal: 12 } }] });
    expect(dueHandovers(p).files).toEqual([]);
    await expectAppErrorAsync(() => handOver(p, input), 'CONFLICT', /đã nộp lưu/);

    const frozen = /đã nộp lưu vào Lưu trữ cơ quan.*IV\.1\.g/;
    const attempts: [string, () => unknown][] = [
      ['document.update', () => updateDocument(p, documentPatch.parse({ id: ids.twoPdfs, subject: 'Sửa sau khi nộp lưu' }))],
      ['document.void', () => voidDocument(p, ids.twoPdfs, 'Hủy')],
      ['document.attach', () => addAttachment(p, { documentId: ids.paper, name: 'them.pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') })],
    ];
    for (const [attempt, run] of attempts) {
      expectAppError(run, 'FORBIDDEN', frozen);
      const last = p.audit.list({ limit: 1 })[0]!;
      expect(last).toMatchObject({ action: 'caseFile.frozen.refused', entityType: 'document', details: { attempt, notation: file.notation, year: 2026 } });
    }
    const revision = p.blobs.scratchPath('rev');
    await draftPdf(revision, { place: 'Xã Khác,' });
    expectAppError(() => addFileRevision(p, { documentId: ids.revised, from: listAttachments(p, ids.revised)[1]!, kind: 'attachment', path: revision, details: {} }), 'FORBIDDEN', frozen);
    expect(getDocument(p, ids.twoPdfs)).toMatchObject({ status: 'active', subject: expect.not.stringContaining('Sửa') });
    expect(listAttachments(p, ids.paper)).toEqual([]);

    const fileAttempts: [string, () => unknown][] = [
      ['caseFile.addDocument', () => addDocument(p, { caseFileId: file.id, documentId: addIncoming(p).id })],
      ['caseFile.removeDocument', () => removeDocument(p, { caseFileId: file.id, documentId: ids.none })],
      ['caseFile.reopen', () => reopenFile(p, file.id, 'Sửa')],
      ['caseFile.save', () => saveFile(p, saveFileInput.parse({ id: file.id, title: 'Khác', retentionYears: 10, creator: 'Lê Thị Hoa' }))],
    ];
    for (const [attempt, run] of fileAttempts) {
      expectAppError(run, 'FORBIDDEN', /đã nộp lưu vào Lưu trữ cơ quan ngày 03\/04\/2027/);
      expect(p.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'caseFile.frozen.refused', entityType: 'caseFile', entityId: String(file.id), details: { attempt } });
    }
    // The same document in a file still open is filed and withdrawn there as before.
    removeDocument(p, { caseFileId: other.id, documentId: ids.paper });
    expect(p.audit.verify().ok).toBe(true);
  });

  it('gives the biên bản and the package their data: the handover facts and the Appendix VI metadata', async () => {
    expect(handoverRecordForm(p, handoverIdOf())).toMatchObject({
      date: '2027-04-03',
      basis: 'Danh mục hồ sơ năm 2026',
      from: '2026-03-01',
      to: '2026-03-06',
      fileCount: 1,
      computerFileCount: 3,
      receiver: { name: 'Trần Văn Lưu', title: 'Lưu trữ' },
      condition: 'Đầy đủ',
    });

    expect(await fileMetadata(p, file.id)).toMatchObject({
      fileCode: { organId: '000.46.24.H17', fileCatalog: 2026, fileNotation: '01.VP' },
      maintenance: '10 năm',
      rights: 'Công khai',
      language: 'Tiếng Việt',
      docTotal: 4,
      pageTotal: 12,
    });
    const parts = await filedDocumentParts(p, file.id);
    expect(parts.map((d) => [d.metadata.docOrdinal, d.metadata.direction, d.metadata.pageAmount, d.pdfs.length])).toEqual([
      [1, 'incoming', 1, 1],
      [2, 'outgoing', 4, 0],
      [3, 'incoming', 5, 2],
      [4, 'incoming', 2, 0],
    ]);
    // The signed revision stands for the file it was made from.
    expect(parts[0]!.pdfs[0]!.revisionKind).toBe('attachment');
  });

  function handoverIdOf(): number {
    return (p.db.prepare('SELECT handover_id FROM case_files WHERE id = ?').pluck().get(file.id) as number);
  }
});
