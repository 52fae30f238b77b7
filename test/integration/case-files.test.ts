import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument, filesOfDocument, removeDocument } from '../../src/main/casefiles/filing.ts';
import { listCaseFiles } from '../../src/main/casefiles/file-list.ts';
import { saveFile } from '../../src/main/casefiles/files.ts';
import { saveHeading } from '../../src/main/casefiles/headings.ts';
import { approvePlan, createPlan, setNumbering } from '../../src/main/casefiles/plans.ts';
import { readPlan } from '../../src/main/casefiles/plan-read.ts';
import { caseFileDetail } from '../../src/main/casefiles/contents.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { getDocument, voidDocument } from '../../src/main/registry/documents.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { saveSeries } from '../../src/main/registry/series-repo.ts';
import {
  approvePlanInput,
  caseFileListInput,
  createPlanInput,
  saveFileInput,
  saveHeadingInput,
  type CreatePlanInput,
  type SaveFileInput,
  type SaveHeadingInput,
} from '../../src/shared/api/schemas/casefiles.ts';
import { listQuery, outgoingInput, type ListQuery } from '../../src/shared/api/schemas/documents.ts';
import { seriesInput } from '../../src/shared/api/schemas/series.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, addOutgoing, outgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

// The file plan and filing on a real profile (SQLite file, the real registers): both ways of
// numbering, next year's plan from this year's, one document in two files, DocOrdinal, the
// notation in the registers' rows, filter and search.
describe('case files: the plan and filing', () => {
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  const create = (input: CreatePlanInput) => createPlan(p, createPlanInput.parse(input));
  const heading = (input: SaveHeadingInput) => saveHeading(p, saveHeadingInput.parse(input));
  const file = (input: SaveFileInput) => saveFile(p, saveFileInput.parse(input));
  const list = (input: ListQuery) => listDocuments(p, listQuery.parse(input));
  const notations = (year: number) => readPlan(p, year)?.files.map((f) => `${f.notation} ${f.title}`);

  beforeAll(() => {
    t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    p = t.profile;
  });
  afterAll(() => t.cleanup());

  it('makes the year plan from the default headings, numbers files within each heading or across the plan, and fixes the numbers once approved', () => {
    const plan = create({ year: 2026 });
    expect(plan.numbering).toBe('heading');
    const tops = plan.headings.filter((h) => h.parentId === null);
    expect(tops.slice(0, 3).map((h) => `${h.numeral}. ${h.title} (${h.abbreviation})`)).toEqual(['I. TỔNG HỢP (TH)', 'II. VĂN PHÒNG (VP)', 'III. NỘI VỤ, TỔ CHỨC CÁN BỘ (NV)']);
    const vp = tops[1]!;
    const vpSubs = plan.headings.filter((h) => h.parentId === vp.id);
    expect(vpSubs.map((h) => `${h.numeral}. ${h.title}`)).toEqual(['1. Hành chính, văn thư, lưu trữ', '2. Thi đua, khen thưởng', '3. Thống kê']);
    // The sub-headings follow their top heading in the plan's order.
    expect(plan.headings.findIndex((h) => h.id === vpSubs[0]!.id)).toBe(plan.headings.findIndex((h) => h.id === vp.id) + 1);

    const th = tops[0]!;
    file({ headingId: vpSubs[0]!.id, title: 'Hồ sơ công tác văn thư', retentionYears: 10, creator: 'Lê Thị Hoa' });
    file({ headingId: vp.id, title: 'Tập lưu văn bản đi', retentionYears: null, creator: 'Lê Thị Hoa' });
    file({ headingId: th.id, title: 'Báo cáo tổng kết năm', retentionYears: null, creator: 'Trần Văn Nam' });
    // Within each heading; under VP its own file first, then its sub-headings' files.
    expect(notations(2026)).toEqual(['01.TH Báo cáo tổng kết năm', '01.VP Tập lưu văn bản đi', '02.VP Hồ sơ công tác văn thư']);
    expect(readPlan(p, 2026)!.counts).toEqual({ total: 3, permanent: 2, term: 1 });

    setNumbering(p, { year: 2026, numbering: 'plan' });
    expect(notations(2026)).toEqual(['01.TH Báo cáo tổng kết năm', '02.VP Tập lưu văn bản đi', '03.VP Hồ sơ công tác văn thư']);
    // Moving VP before TH gives the numbers again in the new order.
    heading({ planId: plan.id, id: vp.id, title: 'VĂN PHÒNG', position: 1 });
    expect(notations(2026)).toEqual(['01.VP Tập lưu văn bản đi', '02.VP Hồ sơ công tác văn thư', '03.TH Báo cáo tổng kết năm']);
    expect(readPlan(p, 2026)!.headings.filter((h) => h.parentId === null).slice(0, 2).map((h) => h.numeral + h.abbreviation)).toEqual(['IVP', 'IITH']);
    // A new top heading needs its own abbreviation.
    expectAppError(() => heading({ planId: plan.id, title: 'KINH TẾ' }), 'INVALID_INPUT', /chữ viết tắt/);
    expectAppError(() => heading({ planId: plan.id, title: 'KINH TẾ', abbreviation: 'VP' }), 'CONFLICT', /đã dùng/);
    const kt = heading({ planId: plan.id, title: 'KINH TẾ', abbreviation: 'KT' }).headings.find((h) => h.abbreviation === 'KT')!;
    expect(kt.numeral).toBe('IX');

    approvePlan(p, approvePlanInput.parse({ year: 2026, decisionNumber: '05/QĐ-UBND', decisionDate: '2026-01-05', decisionBy: 'Chủ tịch UBND xã Hòa Tiến' }));
    expectAppError(() => setNumbering(p, { year: 2026, numbering: 'heading' }), 'CONFLICT', /đã phê duyệt/);
    expectAppError(() => heading({ planId: plan.id, id: vp.id, title: 'VĂN PHÒNG', abbreviation: 'VPUB' }), 'CONFLICT', /đã phê duyệt/);
    // After approval a file outside the plan (Art. 29.2.c) takes the next number; reordering keeps numbers.
    const late = file({ headingId: kt.id, title: 'Hồ sơ chợ phiên', retentionYears: 5, creator: 'Phạm Văn Bình' });
    expect(late.notation).toBe('04.KT');
    heading({ planId: plan.id, id: kt.id, title: 'KINH TẾ', position: 1 });
    expect(notations(2026)).toEqual(['04.KT Hồ sơ chợ phiên', '01.VP Tập lưu văn bản đi', '02.VP Hồ sơ công tác văn thư', '03.TH Báo cáo tổng kết năm']);
    const audit = p.audit.list({ entityType: 'filePlan', entityId: String(plan.id), limit: 50 }).map((e) => e.action);
    expect(audit).toContain('caseFile.plan.approve');
    expect(audit).toContain('caseFile.plan.numbering');
  });

  it("starts next year's plan from this year's: headings and files, open and empty, numbered again", async () => {
    const filed = addIncoming(p);
    const source = readPlan(p, 2026)!;
    addDocument(p, { caseFileId: source.files[3]!.id, documentId: filed.id });
    expectAppError(() => create({ year: 2026 }), 'CONFLICT', /Đã có/);
    expectAppError(() => create({ year: 2029, from: 'previous' }), 'NOT_FOUND', /2028/);
    const next = create({ year: 2027, from: 'previous' });
    expect(next.numbering).toBe('plan');
    expect(next.decisionNumber).toBeNull();
    expect(next.headings.map((h) => `${h.numeral} ${h.title} ${h.abbreviation}`)).toEqual(source.headings.map((h) => `${h.numeral} ${h.title} ${h.abbreviation}`));
    // Not approved yet: numbered again in the plan's order.
    expect(notations(2027)).toEqual(['01.KT Hồ sơ chợ phiên', '02.VP Tập lưu văn bản đi', '03.VP Hồ sơ công tác văn thư', '04.TH Báo cáo tổng kết năm']);
    expect(next.files.every((f) => f.status === 'open' && f.documentCount === 0 && f.year === 2027)).toBe(true);
    expect(next.files.map((f) => [f.retentionYears, f.creator])).toEqual(source.files.map((f) => [f.retentionYears, f.creator]));
    expect((await caseFileDetail(p, source.files[3]!.id)).documents).toHaveLength(1);
  });

  it('files one document in two files without copying it, orders each file by document date then registration, shows and finds the notation', async () => {
    const files = readPlan(p, 2026)!.files;
    const [chợ, tậpLưu] = [files[0]!, files[1]!];
    const earliest = addOutgoing(p, { documentDate: '2026-03-02', subject: 'Kế hoạch chợ phiên' });
    const later = addIncoming(p, { documentDate: '2026-03-05', subject: 'Về chợ phiên tháng 3' });
    const first = addIncoming(p, { documentDate: '2026-03-01', subject: 'Về địa điểm chợ' });
    const sameDay = addIncoming(p, { documentDate: '2026-03-05', subject: 'Cùng ngày, vào sổ sau' });
    for (const d of [later, sameDay, earliest, first]) addDocument(p, { caseFileId: chợ.id, documentId: d.id });
    addDocument(p, { caseFileId: tậpLưu.id, documentId: earliest.id });
    expectAppError(() => addDocument(p, { caseFileId: chợ.id, documentId: later.id }), 'CONFLICT', /đã có trong hồ sơ 04\.KT/);

    const detail = await caseFileDetail(p, chợ.id);
    expect(detail.documents.map((d) => [d.docOrdinal, d.documentId])).toEqual([
      [1, first.id],
      [2, earliest.id],
      [3, later.id],
      [4, sameDay.id],
    ]);
    // The same register row in both files: one document, two notations.
    expect(getDocument(p, earliest.id).caseFiles).toEqual(['01.VP', '04.KT']);
    expect(filesOfDocument(p, earliest.id).map((f) => f.notation)).toEqual(['04.KT', '01.VP']);
    expect(p.db.prepare('SELECT count(*) FROM documents WHERE subject = ?').pluck().get('Kế hoạch chợ phiên')).toBe(1);
    expect(list({ direction: 'outgoing' }).rows.find((r) => r.id === earliest.id)?.caseFiles).toEqual(['01.VP', '04.KT']);

    // The register filtered by file (id or notation), and the search box given a notation.
    expect(list({ direction: 'incoming', caseFile: chợ.id, sort: 'documentDate', order: 'asc' }).rows.map((r) => r.id)).toEqual([first.id, later.id, sameDay.id]);
    expect(list({ direction: 'incoming', caseFile: '04.kt' }).total).toBe(3);
    expect(list({ direction: 'outgoing', query: '01.VP' }).rows.map((r) => r.id)).toEqual([earliest.id]);
    // The other year's 04.KT (empty, in the 2027 plan) adds nothing; an unknown notation is searched as words.
    expect(list({ direction: 'incoming', query: '04.KT' }).total).toBe(3);
    expect(list({ direction: 'incoming', query: '99.ZZ' }).total).toBe(0);

    // Withdrawn, never deleted; filed again later.
    removeDocument(p, { caseFileId: chợ.id, documentId: sameDay.id });
    expect(getDocument(p, sameDay.id).caseFiles).toEqual([]);
    expectAppError(() => removeDocument(p, { caseFileId: chợ.id, documentId: sameDay.id }), 'NOT_FOUND');
    addDocument(p, { caseFileId: chợ.id, documentId: sameDay.id });
    expect(p.db.prepare('SELECT count(*) FROM case_file_documents WHERE document_id = ?').pluck().get(sameDay.id)).toBe(2);
    const actions = p.audit.list({ entityType: 'caseFile', entityId: String(chợ.id), limit: 20 }).map((e) => e.action);
    expect(actions.filter((a) => a === 'caseFile.addDocument')).toHaveLength(5);
    expect(actions).toContain('caseFile.removeDocument');
    expect(listCaseFiles(p, caseFileListInput.parse({ year: 2026, query: 'cho phien' })).map((f) => f.notation)).toEqual(['04.KT']);
    expect(listCaseFiles(p, caseFileListInput.parse({ query: '01.vp' })).map((f) => `${f.year} ${f.notation}`)).toEqual(['2026 01.VP']);
  });

  it('refuses void and secret documents', () => {
    const target = readPlan(p, 2026)!.files[2]!;
    const voided = addIncoming(p);
    voidDocument(p, voided.id, 'Vào sổ nhầm');
    expectAppError(() => addDocument(p, { caseFileId: target.id, documentId: voided.id }), 'CONFLICT', /đã bị hủy/);
    saveSeries(p, seriesInput.parse({ name: 'Sổ văn bản mật đi', direction: 'outgoing', secret: true }));
    const secret = registerOutgoing(p, { ...outgoingInput.parse(outgoing({ subject: 'Mật' })), secret: true });
    expectAppError(() => addDocument(p, { caseFileId: target.id, documentId: secret.id }), 'FORBIDDEN', /Văn bản mật/);
    expect(readPlan(p, 2026)!.files[2]!.documentCount).toBe(0);
  });
});
