import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeFile } from '../../src/main/casefiles/closing.ts';
import { addDocument } from '../../src/main/casefiles/filing.ts';
import { saveFile } from '../../src/main/casefiles/files.ts';
import { handOver } from '../../src/main/casefiles/handover.ts';
import { approvePlan, createPlan } from '../../src/main/casefiles/plans.ts';
import { digitise } from '../../src/main/copies/digitise.ts';
import { makeElectronicCopy, makePaperCopy } from '../../src/main/copies/make-copy.ts';
import { distributeIssuance } from '../../src/main/issuance/distribute-step.ts';
import { saveIssuanceSettings } from '../../src/main/issuance/issuance-settings.ts';
import { voidIssuance } from '../../src/main/issuance/void-issuance.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { timestamp } from '../../src/main/registry/clock.ts';
import { voidDocument } from '../../src/main/registry/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { recordProcessing } from '../../src/main/registry/processing-record.ts';
import { linkReply } from '../../src/main/registry/replies.ts';
import { registerSecretIncoming } from '../../src/main/registry/secret-incoming.ts';
import { saveSeries } from '../../src/main/registry/series-repo.ts';
import { acceptInbox } from '../../src/main/sync/inbox-actions.ts';
import { approvePlanInput, createPlanInput, handOverInput, saveFileInput } from '../../src/shared/api/schemas/casefiles.ts';
import { digitiseInput, makeElectronicCopyInput, makePaperCopyInput, secretIncomingInput } from '../../src/shared/api/schemas/copies.ts';
import { incomingInput, outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { processingRecordInput } from '../../src/shared/api/schemas/processing.ts';
import { replyLinkInput } from '../../src/shared/api/schemas/replies.ts';
import { seriesInput } from '../../src/shared/api/schemas/series.ts';
import { draftPdf } from './draft-pdf.ts';
import { issueDocument, softwareToken } from './issued-document.ts';
import { base64Of, scanImages } from './scans.ts';
import type { TestPki } from './test-pki.ts';

// A varied stretch of a commune's registers for the reports (docs/reports.md), made through the
// registry's own functions day by day, with the clock at 09:00 Vietnam time of each day: paper
// and hub incoming documents with instructions, lead units (by abbreviation, by the declared
// name as the instruction form proposes it, a person only) and deadlines, done on time, late,
// reopened, corrected, answered by a reply, open and overdue; secret incoming documents in their
// own register; outgoing documents registered directly and through the issuance workflow, sent
// through the hub and on paper, on time and late (Art. 18.1), waiting, secret; copies on paper
// and electronic; voided rows; documents on the first and last day of the period and just
// outside it, and in the year before; case files compiled, closed and handed over.
export const REPORT_PERIOD = { from: '2026-03-01', to: '2026-03-15' } as const;
export const REPORT_TODAY = '2026-03-20';

type SetClock = (iso: string) => void;
const at = (set: SetClock, day: string): void => set(`${day}T02:00:00Z`);

// The declared units of test/support/temp-profile.ts SAMPLE_AGENCY, and the name the
// instruction form proposes for the first.
const VP_NAME = 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân';

let serial = 0;

function incoming(p: Profile, day: string, fields: { type?: string; subject: string; attachment?: Buffer }): number {
  serial++;
  return registerIncoming(
    p,
    incomingInput.parse({
      issuingAgency: 'UBND thành phố Đà Nẵng',
      codeNumber: String(100 + serial),
      codeNotation: 'UBND-VP',
      documentDate: day,
      documentType: fields.type ?? 'Công văn',
      subject: fields.subject,
      attachments: fields.attachment ? [{ name: 'van-ban.pdf', dataBase64: fields.attachment.toString('base64') }] : [],
    }),
  ).id;
}

// A package as the sync's receive step records it, then accepted by the real inbox action.
function fromHub(p: Profile, fields: { type: string; subject: string }): number {
  serial++;
  const sha = createHash('sha256').update(`report package ${serial}`).digest('hex');
  const now = timestamp(p.clock);
  p.db.prepare('INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, 0, ?)').run(sha, now);
  const header = { header: { signer: { fullName: 'Lê Văn Cường', position: 'Giám đốc' }, dueDate: null } };
  const info = p.db
    .prepare(
      `INSERT INTO inbox (hub_doc_id, package_sha256, from_organ_id, from_name, edxml_document_id, business_type, code_number, code_notation,
         document_date, document_type_name, subject, priority, header_json, verdict, state, received_at, updated_at)
       VALUES (?, ?, '000.00.12.H17', 'Sở Nội vụ thành phố Đà Nẵng', ?, 0, ?, 'SNV-VP', '2026-02-25', ?, ?, 0, ?, 'valid', 'received', ?, ?)`,
    )
    .run(`hub-report-${serial}`, sha, `000.00.12.H17,2026/02/25,${serial}/SNV-VP`, String(serial), fields.type, fields.subject, JSON.stringify(header), now, now);
  return acceptInbox(p, Number(info.lastInsertRowid)).id;
}

function secretIncoming(p: Profile, subject: string): void {
  serial++;
  registerSecretIncoming(
    p,
    secretIncomingInput.parse({ secrecy: 'mat', issuingAgency: 'Công an thành phố Đà Nẵng', codeNumber: String(serial), codeNotation: 'CATP-PV01', documentDate: '2026-02-20', documentType: 'Công văn', subject }),
  );
}

type Lead = { readonly unit: string; readonly person?: never } | { readonly person: string; readonly unit?: never };

function instruct(p: Profile, documentId: number, lead: Lead, dueDate: string | null): void {
  recordProcessing(
    p,
    processingRecordInput.parse({ kind: 'instruction', documentId, author: 'Chủ tịch UBND xã', assignees: [{ role: 'lead', ...lead, dueDate }] }),
  );
}

function status(p: Profile, documentId: number, value: 'in_progress' | 'done', more: { givenOn?: string; correctsId?: number } = {}): void {
  recordProcessing(p, processingRecordInput.parse({ kind: 'status', documentId, status: value, text: value === 'done' ? 'Đã xử lý' : null, ...more }));
}

function lastEntryId(p: Profile, documentId: number): number {
  return p.db.prepare('SELECT max(id) FROM processing_entries WHERE document_id = ?').pluck().get(documentId) as number;
}

function direct(p: Profile, fields: { type: string; subject: string; unit?: string }): number {
  return registerOutgoing(
    p,
    outgoingInput.parse({ documentType: fields.type, subject: fields.subject, unitAbbreviation: fields.unit ?? null, signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch' }),
  ).id;
}

export interface ReportSeedIds {
  // Incoming documents with a PDF: copied, and looked at in the views report's tests.
  copied: number;
  hubIncoming: number;
  firstDay: number;
  lastDay: number;
  // A paper letter digitised and copied electronically; the incoming document of the year before.
  paperLetter: number;
  lastYear: number;
}

const PAPER_ONLY = [{ name: 'Hộ ông Trần Văn Bình', organId: null }];

// One day's registrations, run with the clock on that day.
interface Step {
  readonly day: string;
  run(): void | Promise<void>;
}

// The registers' part: incoming documents and their handling, outgoing documents registered
// directly, secret incoming ones, voided rows.
function registerSteps(p: Profile, attachment: Buffer, ids: ReportSeedIds): Step[] {
  const handles: Record<string, number> = {};
  const keep = (key: string, id: number): number => (handles[key] = id);
  const h = (key: string): number => handles[key] as number;
  return [
    {
      day: '2025-12-30',
      run: () => {
        ids.lastYear = incoming(p, '2025-12-30', { subject: 'Đến năm trước', attachment });
        instruct(p, ids.lastYear, { unit: 'VP' }, '2026-01-05');
        direct(p, { type: 'Quyết định', subject: 'Quyết định năm trước' });
      },
    },
    { day: '2026-02-28', run: () => void incoming(p, '2026-02-28', { subject: 'Đến ngày trước kỳ báo cáo' }) },
    {
      day: '2026-03-01',
      run: () => {
        ids.firstDay = incoming(p, '2026-03-01', { type: 'Tờ trình', subject: 'Đến ngày đầu kỳ báo cáo', attachment });
        direct(p, { type: 'Công văn', subject: 'Công văn ngày đầu kỳ', unit: 'KT' });
      },
    },
    {
      day: '2026-03-02',
      run: () => {
        ids.copied = incoming(p, '2026-03-02', { subject: 'Kế hoạch phòng chống thiên tai', attachment });
        ids.paperLetter = keep('late', incoming(p, '2026-03-02', { subject: 'Báo cáo số liệu dân số' }));
        instruct(p, ids.copied, { unit: 'VP' }, '2026-03-10');
        instruct(p, h('late'), { unit: 'KT' }, '2026-03-05');
      },
    },
    {
      day: '2026-03-03',
      run: () => {
        instruct(p, incoming(p, '2026-03-03', { type: 'Quyết định', subject: 'Quyết định phân bổ ngân sách' }), { unit: 'KT' }, '2026-03-25');
        // Done on the 9th, then corrected: it was done on the 5th, before its deadline.
        instruct(p, keep('corrected', incoming(p, '2026-03-03', { subject: 'Rà soát đất công' })), { unit: 'KT' }, '2026-03-06');
        direct(p, { type: 'Công văn', subject: 'Công văn đôn đốc thu thuế', unit: 'VP' });
      },
    },
    {
      day: '2026-03-04',
      run: () => {
        keep('overdue', incoming(p, '2026-03-04', { type: 'Kế hoạch', subject: 'Kế hoạch tiêm chủng' }));
        instruct(p, h('overdue'), { unit: VP_NAME }, '2026-03-10');
        status(p, h('overdue'), 'in_progress');
        direct(p, { type: 'Quyết định', subject: 'Quyết định khen thưởng' });
      },
    },
    {
      day: '2026-03-05',
      run: () => {
        incoming(p, '2026-03-05', { subject: 'Thư mời họp' });
        keep('reopen', incoming(p, '2026-03-05', { subject: 'Rà soát hộ nghèo' }));
        instruct(p, h('reopen'), { unit: 'VP' }, '2026-03-12');
        secretIncoming(p, 'Phương án bảo vệ mục tiêu A');
      },
    },
    {
      day: '2026-03-06',
      run: () => {
        ids.hubIncoming = fromHub(p, { type: 'Công văn', subject: 'Triển khai chuyển đổi số' });
        status(p, h('late'), 'done');
      },
    },
    {
      day: '2026-03-09',
      run: () => {
        keep('notice', fromHub(p, { type: 'Thông báo', subject: 'Thông báo lịch tiếp dân' }));
        instruct(p, h('notice'), { unit: 'KT' }, '2026-03-13');
        status(p, ids.copied, 'done');
        status(p, h('corrected'), 'done');
        keep('answered', incoming(p, '2026-03-09', { subject: 'Đề nghị cung cấp số liệu' }));
        instruct(p, h('answered'), { unit: 'KT' }, '2026-03-11');
      },
    },
    {
      day: '2026-03-10',
      run: () => {
        instruct(p, fromHub(p, { type: 'Công văn', subject: 'Hướng dẫn bầu cử' }), { unit: 'VP' }, '2026-03-16');
        status(p, h('reopen'), 'done');
        status(p, h('corrected'), 'done', { givenOn: '2026-03-05', correctsId: lastEntryId(p, h('corrected')) });
      },
    },
    {
      day: '2026-03-11',
      run: () => {
        voidDocument(p, incoming(p, '2026-03-11', { subject: 'Vào sổ nhầm' }), 'Vào sổ trùng');
        status(p, h('reopen'), 'in_progress');
      },
    },
    {
      day: '2026-03-12',
      run: () => {
        status(p, h('notice'), 'done');
        voidDocument(p, direct(p, { type: 'Công văn', subject: 'Cấp số nhầm', unit: 'KT' }), 'Cấp nhầm số');
        // Answered a day after its deadline: the reply closes it (a 'reply' entry).
        linkReply(p, replyLinkInput.parse({ incomingId: h('answered'), outgoingId: direct(p, { type: 'Công văn', subject: 'Cung cấp số liệu', unit: 'KT' }) }));
      },
    },
    {
      day: '2026-03-15',
      run: () => {
        ids.lastDay = incoming(p, '2026-03-15', { type: 'Báo cáo', subject: 'Đến ngày cuối kỳ báo cáo', attachment });
        instruct(p, ids.lastDay, { unit: VP_NAME.toLocaleUpperCase('vi') }, '2026-03-18');
        instruct(p, incoming(p, '2026-03-15', { subject: 'Giao trực tiếp cho cá nhân' }), { person: 'Lê Văn Tám' }, null);
        direct(p, { type: 'Công văn', subject: 'Công văn ngày cuối kỳ', unit: 'KT' });
        secretIncoming(p, 'Phương án bảo vệ mục tiêu B');
      },
    },
    { day: '2026-03-16', run: () => status(p, h('reopen'), 'done') },
    {
      day: '2026-03-17',
      run: () => {
        incoming(p, '2026-03-17', { subject: 'Đến sau kỳ báo cáo' });
        direct(p, { type: 'Tờ trình', subject: 'Tờ trình sau kỳ báo cáo' });
      },
    },
  ];
}

// Steps of the same day run in the order given; the days in order of date.
function byDay(steps: readonly Step[]): Step[] {
  return steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.day.localeCompare(b.s.day) || a.i - b.i).map(({ s }) => s);
}

// The secret registers exist and the machine is cleared for secret documents (nd30-rules §2, §6).
function secretRegisters(p: Profile): void {
  saveIssuanceSettings(p, { allowSecretDrafts: true });
  saveSeries(p, seriesInput.parse({ name: 'Sổ văn bản mật đến', direction: 'incoming', secret: true }));
  saveSeries(p, seriesInput.parse({ name: 'Sổ văn bản mật đi', direction: 'outgoing', secret: true }));
}

const emptyIds = (): ReportSeedIds => ({ copied: 0, hubIncoming: 0, firstDay: 0, lastDay: 0, paperLetter: 0, lastYear: 0 });

// The registers' part alone (no token, no copies, no case files): what a screen or CLI test seeds
// in a second or two.
export async function seedRegisters(p: Profile, set: SetClock, scratch: string): Promise<ReportSeedIds> {
  const attachment = readFileSync(await draftPdf(join(scratch, 'den.pdf'), { pages: 1 }));
  const ids = emptyIds();
  at(set, '2025-12-30');
  secretRegisters(p);
  for (const step of byDay(registerSteps(p, attachment, ids))) {
    at(set, step.day);
    await step.run();
  }
  at(set, REPORT_TODAY);
  return ids;
}

// The files of two plans: 2025's, one file closed in 2025 and handed over at 06:00 on 1 January
// 2026 (still 31 December in UTC); 2026's, one file handed over on 13 March, one closed, one open
// with a document, one empty (planned, not compiled). Case files of the year are counted by their
// plan's year, handovers by the Vietnam day.
function caseFileSteps(p: Profile, set: SetClock, ids: ReportSeedIds): Step[] {
  const files: Record<string, number> = {};
  const headings: Record<number, number> = {};
  const plan = (year: number): void => {
    headings[year] = createPlan(p, createPlanInput.parse({ year })).headings[0]!.id;
  };
  const newFile = (year: number, key: string, title: string): void => {
    files[key] = saveFile(p, saveFileInput.parse({ headingId: headings[year], title, retentionYears: 10, creator: 'Lê Thị Hoa' })).id;
  };
  const file = (key: string, documentId: number): void => void addDocument(p, { caseFileId: files[key] as number, documentId });
  const close = async (key: string): Promise<void> => void (await closeFile(p, files[key] as number));
  const approve = (year: number): void => void approvePlan(p, approvePlanInput.parse({ year, decisionNumber: '01/QĐ-UBND', decisionDate: `${year}-01-02`, decisionBy: 'Chủ tịch UBND xã' }));
  const handover = (year: number, key: string): Promise<unknown> =>
    handOver(p, handOverInput.parse({ year, fileIds: [files[key]], giverName: 'Lê Thị Hoa', receiverName: 'Trần Văn Lưu' }));
  return [
    {
      day: '2025-12-30',
      run: () => {
        plan(2025);
        newFile(2025, 'old', 'Hồ sơ năm trước');
        approve(2025);
        file('old', ids.lastYear);
      },
    },
    { day: '2025-12-31', run: () => close('old') },
    {
      day: '2026-01-01',
      run: () => {
        set('2025-12-31T23:00:00Z');
        return handover(2025, 'old');
      },
    },
    {
      day: '2026-03-02',
      run: () => {
        plan(2026);
        newFile(2026, 'handed', 'Hồ sơ kế hoạch phòng chống thiên tai');
        newFile(2026, 'closed', 'Hồ sơ tiếp dân');
        newFile(2026, 'open', 'Hồ sơ dân số');
        newFile(2026, 'empty', 'Hồ sơ chưa có văn bản');
        approve(2026);
        file('handed', ids.copied);
        file('closed', ids.firstDay);
      },
    },
    { day: '2026-03-09', run: () => file('open', ids.hubIncoming) },
    { day: '2026-03-12', run: () => close('handed') },
    { day: '2026-03-13', run: () => handover(2026, 'handed') },
    { day: '2026-03-16', run: () => close('closed') },
  ];
}

// The whole stretch, with the issuance workflow (a software token), copies and case files.
export async function seedReports(p: Profile, set: SetClock, pki: TestPki, scratch: string): Promise<ReportSeedIds> {
  const attachment = readFileSync(await draftPdf(join(scratch, 'den.pdf'), { pages: 1 }));
  const ids = emptyIds();
  const issued: Record<string, number> = {};
  const issue = async (key: string, fields: Parameters<typeof issueDocument>[3], until: 'approved' | 'numbered' | 'registered' = 'registered'): Promise<void> => {
    issued[key] = (await issueDocument(p, pki, scratch, fields, until)).id;
  };
  const send = (key: string): void => void distributeIssuance(p, issued[key] as number);
  const sourceFile = (documentId: number): string => p.db.prepare('SELECT sha256 FROM document_files WHERE document_id = ? ORDER BY id LIMIT 1').pluck().get(documentId) as string;
  const paperCopy = (documentId: number) =>
    makePaperCopy(
      p,
      programResources(),
      makePaperCopyInput.parse({ documentId, sourceSha256: sourceFile(documentId), kind: 'sao-y', signerPosition: 'Chánh Văn phòng', signerName: 'Trần Thị Bình', recipients: ['Trạm Y tế xã'] }),
    );
  const steps: Step[] = [
    ...registerSteps(p, attachment, ids),
    ...caseFileSteps(p, set, ids),
    // Signed Thursday, sent Friday: the next working day (on time); to the hub and on paper.
    { day: '2026-03-05', run: () => issue('onTime', { subject: 'Quyết định thành lập tổ công tác', unitAbbreviation: 'VP' }) },
    { day: '2026-03-06', run: () => send('onTime') },
    // Signed Friday, sent Tuesday at 06:00 (still Monday in UTC): Monday was the last day (late);
    // paper recipients only.
    { day: '2026-03-06', run: () => issue('late', { subject: 'Quyết định phê duyệt dự toán', unitAbbreviation: 'KT', recipients: PAPER_ONLY }) },
    // Urgent, signed Monday, sent Tuesday: an urgent one goes the day it is signed (late).
    { day: '2026-03-09', run: () => issue('urgent', { subject: 'Quyết định khẩn phòng dịch', priority: 'khan' }) },
    {
      day: '2026-03-10',
      run: () => {
        set('2026-03-09T23:00:00Z');
        send('late');
      },
    },
    { day: '2026-03-10', run: () => send('urgent') },
    // Secret, signed and sent on paper the same day (on time).
    { day: '2026-03-11', run: () => issue('secret', { subject: 'Quyết định mật', secrecy: 'mat', unitAbbreviation: 'KT', recipients: PAPER_ONLY }) },
    { day: '2026-03-11', run: () => send('secret') },
    // Numbered, then voided: its number stays in the register, out of the counts.
    { day: '2026-03-11', run: () => issue('voided', { subject: 'Quyết định cấp số nhầm' }, 'numbered') },
    { day: '2026-03-11', run: () => void voidIssuance(p, issued.voided as number, 'Cấp nhầm số') },
    // Signed Thursday 12th, not sent by the 20th (late); approved, never numbered: not in the register.
    { day: '2026-03-12', run: () => issue('waiting', { subject: 'Quyết định chưa phát hành', unitAbbreviation: 'VP' }) },
    { day: '2026-03-12', run: () => issue('approvedOnly', { subject: 'Quyết định chưa cấp số' }, 'approved') },
    {
      day: '2026-03-13',
      run: async () => {
        await paperCopy(ids.copied);
        await paperCopy(ids.lastYear);
        // A copy voided: not a copy made.
        voidDocument(p, (await paperCopy(ids.firstDay)).copyDocumentId, 'Sao nhầm');
        // Paper to electronic (Art. 25.1.c): the paper letter digitised, copied with the agency key.
        const pages = await scanImages(scratch, 'report-scan', { dpi: 200, format: 'png' });
        const made = await digitise(p, digitiseInput.parse({ documentId: ids.paperLetter, paperKind: 'original', images: pages.map((f, i) => ({ name: `trang-${i + 1}.png`, dataBase64: base64Of(f) })) }));
        const { access, resources } = softwareToken(pki.agency, [pki.root]);
        await makeElectronicCopy(
          p,
          access,
          resources,
          makeElectronicCopyInput.parse({ documentId: ids.paperLetter, sourceSha256: made.file.sha256, kind: 'sao-y', modulePath: 'software', tokenSerial: 'software', certificateId: '01', pin: null }),
        );
      },
    },
    // Signed Thursday 19th and waiting on the 20th: still within its day (a later period).
    { day: '2026-03-19', run: () => issue('waitingInTime', { subject: 'Quyết định chờ phát hành', unitAbbreviation: 'KT' }) },
  ];
  at(set, '2025-12-30');
  secretRegisters(p);
  for (const step of byDay(steps)) {
    at(set, step.day);
    await step.run();
  }
  at(set, REPORT_TODAY);
  return ids;
}
