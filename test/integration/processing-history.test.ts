import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeProcessingSlip } from '../../src/main/books/slip/write-slip.ts';
import { voidDocument } from '../../src/main/registry/documents.ts';
import { updateProcessing } from '../../src/main/registry/processing.ts';
import { processingHistory, recordProcessing } from '../../src/main/registry/processing-record.ts';
import { unitDeadlines } from '../../src/main/registry/unit-deadlines.ts';
import { processingInput } from '../../src/shared/api/schemas/documents.ts';
import { processingRecordInput, type ProcessingRecordInput } from '../../src/shared/api/schemas/processing.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

const record = (p: Parameters<typeof recordProcessing>[0], input: ProcessingRecordInput) => recordProcessing(p, processingRecordInput.parse(input));

const instruction = (documentId: number, extra: Partial<Extract<ProcessingRecordInput, { kind: 'instruction' }>> = {}): ProcessingRecordInput => ({
  kind: 'instruction',
  documentId,
  author: 'Nguyễn Văn An, Chủ tịch',
  text: 'Kiểm tra, báo cáo kết quả.',
  assignees: [
    { role: 'lead', unit: 'Phòng Kinh tế', dueDate: '2026-03-20' },
    { role: 'coordinate', unit: 'Văn phòng', person: 'Lê Thị Hoa', dueDate: '2026-03-15' },
  ],
  ...extra,
});

describe('processing history (Art. 23–24; Appendix IV phiếu giải quyết; Appendix VI III.5.a)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it("records the leader's instruction with a lead and a coordinating unit, each with its deadline, who and when", () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    const h = record(t.profile, instruction(doc.id, { givenOn: '2026-03-09' }));
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]).toMatchObject({
      kind: 'instruction',
      author: 'Nguyễn Văn An, Chủ tịch',
      givenOn: '2026-03-09',
      status: 'assigned',
      recordedBy: 'test',
      recordedAt: '2026-03-10T02:00:00.000Z',
      assignees: [
        { role: 'lead', unit: 'Phòng Kinh tế', person: null, dueDate: '2026-03-20' },
        { role: 'coordinate', unit: 'Văn phòng', person: 'Lê Thị Hoa', dueDate: '2026-03-15' },
      ],
    });
    // The document's columns follow: the lead and its deadline, status 'assigned'.
    expect(h.document).toMatchObject({ processingStatus: 'assigned', assigneeUnit: 'Phòng Kinh tế', assigneePerson: null, dueDate: '2026-03-20' });
    const audit = t.profile.audit.list({ entityType: 'document', entityId: String(doc.id), limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'processing.record', actor: 'test' });
    expect(audit[0]?.details).toMatchObject({ entryId: h.entries[0]?.id, kind: 'instruction', from: 'pending', to: 'assigned' });
  });

  it('corrects by appending: the earlier entry stays, marked, and the correction is in force', () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    const first = record(t.profile, instruction(doc.id)).entries[0]!;
    const fixed = record(
      t.profile,
      instruction(doc.id, { correctsId: first.id, assignees: [{ role: 'lead', unit: 'Văn phòng', dueDate: '2026-03-18' }] }),
    );
    expect(fixed.entries.map((e) => [e.id, e.correctsId, e.correctedById])).toEqual([
      [first.id, null, fixed.entries[1]!.id],
      [fixed.entries[1]!.id, first.id, null],
    ]);
    expect(fixed.entries[0]!.assignees.map((a) => a.unit)).toEqual(['Phòng Kinh tế', 'Văn phòng']);
    expect(fixed.distribution).toEqual([{ role: 'lead', unit: 'Văn phòng', person: null, dueDate: '2026-03-18', overdue: false }]);
    expect(fixed.document.dueDate).toBe('2026-03-18');
    // The corrected entry cannot be corrected again, nor an entry of another kind or document.
    expectAppError(() => record(t.profile, instruction(doc.id, { correctsId: first.id })), 'CONFLICT');
    expectAppError(() => record(t.profile, { kind: 'proposal', documentId: doc.id, author: 'A', text: 'B', correctsId: fixed.entries[1]!.id }), 'INVALID_INPUT');
    const other = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    expectAppError(() => record(t.profile, instruction(other.id, { correctsId: fixed.entries[1]!.id })), 'INVALID_INPUT');
    // The rows themselves never change.
    expect(() => t.profile.db.prepare("UPDATE processing_entries SET author = 'x' WHERE id = ?").run(first.id)).toThrow(/append-only/);
  });

  it("takes the unit leader's assignment within a unit the leader named, the proposal and the result", () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    record(t.profile, instruction(doc.id));
    const unit = { kind: 'unit_instruction', documentId: doc.id, author: 'Trưởng phòng Kinh tế', person: 'Trần Thị Bình', dueDate: '2026-03-17' } as const;
    expectAppError(() => record(t.profile, { ...unit, unit: 'Phòng Văn hóa' }), 'INVALID_INPUT');
    const h = record(t.profile, { ...unit, unit: 'phòng kinh tế' });
    expect(h.distribution[0]).toMatchObject({ role: 'lead', unit: 'Phòng Kinh tế', person: 'Trần Thị Bình', dueDate: '2026-03-17' });
    expect(h.document).toMatchObject({ assigneePerson: 'Trần Thị Bình', dueDate: '2026-03-17' });

    const proposed = record(t.profile, { kind: 'proposal', documentId: doc.id, author: 'Trần Thị Bình', text: 'Đề nghị trả lời bằng công văn.' });
    expect(proposed.document.processingStatus).toBe('in_progress');
    const done = record(t.profile, { kind: 'status', documentId: doc.id, status: 'done', author: 'Trần Thị Bình', text: 'Đã trả lời.', replyNotation: '15/UBND-KT' });
    expect(done.document).toMatchObject({ processingStatus: 'done', replyNotation: '15/UBND-KT' });
    expect(done.entries.map((e) => [e.kind, e.status])).toEqual([
      ['instruction', 'assigned'],
      ['unit_instruction', 'assigned'],
      ['proposal', 'in_progress'],
      ['status', 'done'],
    ]);
    expectAppError(() => record(t.profile, { kind: 'status', documentId: doc.id, status: 'done' }), 'CONFLICT');
  });

  it('refuses opinions before the arrival or after today, deadlines before the opinion, outgoing and voided documents', () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    expectAppError(() => record(t.profile, instruction(doc.id, { givenOn: '2026-03-08' })), 'INVALID_INPUT');
    expectAppError(() => record(t.profile, instruction(doc.id, { givenOn: '2026-03-11' })), 'INVALID_INPUT');
    expectAppError(() => record(t.profile, instruction(doc.id, { assignees: [{ role: 'lead', unit: 'A', dueDate: '2026-03-09' }] })), 'INVALID_INPUT');
    // Exactly one lead.
    expect(() => processingRecordInput.parse(instruction(doc.id, { assignees: [{ role: 'coordinate', unit: 'A' }] }))).toThrow();
    expect(() => processingRecordInput.parse(instruction(doc.id, { assignees: [{ role: 'lead', unit: 'A' }, { role: 'lead', unit: 'B' }] }))).toThrow();
    expect(processingHistory(t.profile, doc.id).entries).toEqual([]);
    expectAppError(() => record(t.profile, instruction(addOutgoing(t.profile).id)), 'INVALID_INPUT');
    voidDocument(t.profile, doc.id, 'nhầm');
    expectAppError(() => record(t.profile, instruction(doc.id)), 'CONFLICT');
  });

  it('keeps the quick path of one assignee as history entries, coordinating units kept', () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    record(t.profile, instruction(doc.id));
    updateProcessing(t.profile, processingInput.parse({ id: doc.id, assigneeUnit: 'Phòng Văn hóa', dueDate: '2026-03-25' }));
    updateProcessing(t.profile, processingInput.parse({ id: doc.id, status: 'done', replyNotation: '20/UBND-VH' }));
    const h = processingHistory(t.profile, doc.id);
    expect(h.entries.map((e) => e.kind)).toEqual(['instruction', 'instruction', 'status']);
    expect(h.entries[1]!.assignees).toEqual([
      { role: 'lead', unit: 'Phòng Văn hóa', person: null, dueDate: '2026-03-25' },
      { role: 'coordinate', unit: 'Văn phòng', person: 'Lê Thị Hoa', dueDate: '2026-03-15' },
    ]);
    expect(h.document).toMatchObject({ processingStatus: 'done', assigneeUnit: 'Phòng Văn hóa', dueDate: '2026-03-25', replyNotation: '20/UBND-VH' });
  });

  it('counts overdue and due-soon documents per unit, each with its own deadline', () => {
    const clock = fixedClock('2026-03-10T02:00:00Z');
    const t = newProfile(clock);
    cleanup = t.cleanup;
    const a = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05', subject: 'Văn bản A' });
    const b = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05', subject: 'Văn bản B' });
    const c = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05', subject: 'Văn bản C', dueDate: '2026-03-12' });
    record(t.profile, instruction(a.id, { assignees: [{ role: 'lead', unit: 'Phòng Kinh tế', dueDate: '2026-03-11' }, { role: 'coordinate', unit: 'Văn phòng', dueDate: '2026-03-30' }] }));
    record(t.profile, instruction(b.id, { assignees: [{ role: 'lead', unit: 'Văn phòng', dueDate: '2026-03-13' }, { role: 'coordinate', unit: 'Phòng Kinh tế' }] }));
    const done = addIncoming(t.profile, { arrivalDate: '2026-03-09', documentDate: '2026-03-05' });
    record(t.profile, instruction(done.id, { assignees: [{ role: 'lead', unit: 'Phòng Kinh tế', dueDate: '2026-03-10' }] }));
    record(t.profile, { kind: 'status', documentId: done.id, status: 'done' });
    clock.set('2026-03-12T02:00:00Z');

    const r = unitDeadlines(t.profile, 3);
    expect(r.today).toBe('2026-03-12');
    const summary = r.units.map((u) => ({ unit: u.unit, overdue: u.overdue, dueSoon: u.dueSoon, docs: u.documents.map((d) => [d.documentId, d.role, d.dueDate, d.overdue]) }));
    expect(summary).toEqual([
      // A's lead deadline passed; B's coordinating unit has B's deadline (the document's).
      { unit: 'Phòng Kinh tế', overdue: 1, dueSoon: 1, docs: [[a.id, 'lead', '2026-03-11', true], [b.id, 'coordinate', '2026-03-13', false]] },
      { unit: 'Chưa giao đơn vị', overdue: 0, dueSoon: 1, docs: [[c.id, 'lead', '2026-03-12', false]] },
      { unit: 'Văn phòng', overdue: 0, dueSoon: 1, docs: [[b.id, 'lead', '2026-03-13', false]] },
    ]);
    expect(unitDeadlines(t.profile, 0).units.map((u) => [u.unit, u.overdue + u.dueSoon])).toEqual([
      ['Phòng Kinh tế', 1],
      ['Chưa giao đơn vị', 1],
    ]);
  });

  it('prints the phiếu giải quyết văn bản đến of Appendix IV, filled from the history, in embedded Vietnamese fonts', async () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, {
      arrivalDate: '2026-03-09',
      documentDate: '2026-03-05',
      documentType: 'Công văn',
      codeNumber: '45',
      codeNotation: 'UBND-VP',
      subject: 'Về việc đôn đốc nộp báo cáo thống kê',
    });
    const first = record(t.profile, instruction(doc.id, { givenOn: '2026-03-09' })).entries[0]!;
    record(t.profile, instruction(doc.id, { givenOn: '2026-03-10', correctsId: first.id, text: 'Khẩn trương kiểm tra, báo cáo.' }));
    record(t.profile, { kind: 'unit_instruction', documentId: doc.id, author: 'Trưởng phòng Kinh tế', unit: 'Phòng Kinh tế', person: 'Trần Thị Bình', dueDate: '2026-03-18' });
    record(t.profile, { kind: 'proposal', documentId: doc.id, author: 'Trần Thị Bình', text: 'Đề nghị giao Văn phòng tổng hợp số liệu.' });
    const path = join(t.dir, 'phieu.pdf');
    await writeProcessingSlip(t.profile, doc.id, path);

    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'ỦY BAN NHÂN DÂN XÃ HÒA TIẾN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Xã Hòa Tiến, ngày 10 tháng 3 năm 2026',
      'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN',
      'Công văn số 45/UBND-VP ngày 05/03/2026 của Ủy ban nhân dân tỉnh Quảng Nam',
      'Trích yếu: Về việc đôn đốc nộp báo cáo thống kê',
      '1. Ý kiến của lãnh đạo cơ quan, tổ chức',
      'Khẩn trương kiểm tra, báo cáo.',
      '- Giao đơn vị, cá nhân chủ trì: Phòng Kinh tế',
      '- Giao các đơn vị, cá nhân tham gia phối hợp giải quyết: Văn phòng — Lê Thị Hoa',
      'Phòng Kinh tế: 20/03/2026; Văn phòng — Lê Thị Hoa: 15/03/2026',
      '- Ngày tháng cho ý kiến phân phối, giải quyết: 10/03/2026',
      '2. Ý kiến của lãnh đạo đơn vị',
      '- Giao cho cá nhân: Trần Thị Bình (Phòng Kinh tế); thời hạn giải quyết: 18/03/2026',
      '3. Ý kiến đề xuất của người giải quyết',
      '- Đề nghị giao Văn phòng tổng hợp số liệu.',
      '- Ngày, tháng, năm đề xuất ý kiến: 10/03/2026 — Trần Thị Bình',
    ]) {
      expect(text).toContain(expected);
    }
    // The corrected instruction is not on the form (its text and date are in the history only).
    expect(text).not.toContain('Kiểm tra, báo cáo kết quả.');
    expect(text).not.toContain('09/03/2026 —');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(3);
    for (const line of fonts) {
      const [name, ...cols] = line.split(/\s+/);
      expect(name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic)?$/);
      expect(cols.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });
});
