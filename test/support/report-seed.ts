import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePaperCopy } from '../../src/main/copies/make-copy.ts';
import { distributeIssuance } from '../../src/main/issuance/distribute-step.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { timestamp } from '../../src/main/registry/clock.ts';
import { voidDocument } from '../../src/main/registry/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { recordProcessing } from '../../src/main/registry/processing-record.ts';
import { acceptInbox } from '../../src/main/sync/inbox-actions.ts';
import { makePaperCopyInput } from '../../src/shared/api/schemas/copies.ts';
import { incomingInput, outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { processingRecordInput } from '../../src/shared/api/schemas/processing.ts';
import { draftPdf } from './draft-pdf.ts';
import { issueDocument } from './issued-document.ts';
import type { TestPki } from './test-pki.ts';

// A varied month of a commune's registers for the reports (docs/reports.md), made through the
// registry's own functions day by day: paper and hub incoming documents with instructions, lead
// units and deadlines, done on time, late, reopened, open and overdue; outgoing documents
// registered directly and through the issuance workflow, sent through the hub and on paper, on
// time and late (Art. 18.1), one still waiting; a paper copy; voided rows; documents outside
// the period. The clock is set to 09:00 Vietnam time of each day.
export const REPORT_PERIOD = { from: '2026-03-01', to: '2026-03-15' } as const;
export const REPORT_TODAY = '2026-03-20';

type SetClock = (iso: string) => void;
const at = (set: SetClock, day: string): void => set(`${day}T02:00:00Z`);

let serial = 0;

function incoming(p: Profile, fields: { type?: string; subject: string; attachment?: Buffer }): number {
  serial++;
  return registerIncoming(
    p,
    incomingInput.parse({
      issuingAgency: 'UBND thành phố Đà Nẵng',
      codeNumber: String(100 + serial),
      codeNotation: 'UBND-VP',
      documentDate: '2026-02-20',
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

function instruct(p: Profile, documentId: number, unit: string, dueDate: string): void {
  recordProcessing(
    p,
    processingRecordInput.parse({ kind: 'instruction', documentId, author: 'Chủ tịch UBND xã', assignees: [{ role: 'lead', unit, dueDate }] }),
  );
}

function status(p: Profile, documentId: number, value: 'in_progress' | 'done'): void {
  recordProcessing(p, processingRecordInput.parse({ kind: 'status', documentId, status: value, text: value === 'done' ? 'Đã xử lý' : null }));
}

function direct(p: Profile, fields: { type: string; subject: string; unit?: string }): number {
  return registerOutgoing(
    p,
    outgoingInput.parse({ documentType: fields.type, subject: fields.subject, unitAbbreviation: fields.unit ?? null, signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch' }),
  ).id;
}

export interface ReportSeedIds {
  copied: number;
  hubIncoming: number;
}

const PAPER_ONLY = [{ name: 'Hộ ông Trần Văn Bình', organId: null }];

// One day's registrations, run with the clock on that day.
interface Step {
  readonly day: string;
  run(): void | Promise<void>;
}

// The month without the issuance workflow (no token): what a screen test can seed synchronously.
function monthSteps(p: Profile, attachment: Buffer, ids: { copied: number; hubIncoming: number }): Step[] {
  let late = 0;
  let overdue = 0;
  let reopen = 0;
  let notice = 0;
  return [
    { day: '2026-02-27', run: () => void incoming(p, { subject: 'Đến trước kỳ báo cáo' }) },
    {
      day: '2026-03-02',
      run: () => {
        ids.copied = incoming(p, { subject: 'Kế hoạch phòng chống thiên tai', attachment });
        late = incoming(p, { subject: 'Báo cáo số liệu dân số' });
        instruct(p, ids.copied, 'VP', '2026-03-10');
        instruct(p, late, 'KT', '2026-03-05');
      },
    },
    {
      day: '2026-03-03',
      run: () => {
        instruct(p, incoming(p, { type: 'Quyết định', subject: 'Quyết định phân bổ ngân sách' }), 'KT', '2026-03-25');
        direct(p, { type: 'Công văn', subject: 'Công văn đôn đốc thu thuế', unit: 'VP' });
      },
    },
    {
      day: '2026-03-04',
      run: () => {
        overdue = incoming(p, { type: 'Kế hoạch', subject: 'Kế hoạch tiêm chủng' });
        instruct(p, overdue, 'VP', '2026-03-10');
        status(p, overdue, 'in_progress');
        direct(p, { type: 'Quyết định', subject: 'Quyết định khen thưởng' });
      },
    },
    {
      day: '2026-03-05',
      run: () => {
        incoming(p, { subject: 'Thư mời họp' });
        reopen = incoming(p, { subject: 'Rà soát hộ nghèo' });
        instruct(p, reopen, 'VP', '2026-03-12');
      },
    },
    {
      day: '2026-03-06',
      run: () => {
        ids.hubIncoming = fromHub(p, { type: 'Công văn', subject: 'Triển khai chuyển đổi số' });
        status(p, late, 'done');
      },
    },
    {
      day: '2026-03-09',
      run: () => {
        notice = fromHub(p, { type: 'Thông báo', subject: 'Thông báo lịch tiếp dân' });
        instruct(p, notice, 'KT', '2026-03-13');
        status(p, ids.copied, 'done');
      },
    },
    {
      day: '2026-03-10',
      run: () => {
        instruct(p, fromHub(p, { type: 'Công văn', subject: 'Hướng dẫn bầu cử' }), 'VP', '2026-03-16');
        status(p, reopen, 'done');
      },
    },
    {
      day: '2026-03-11',
      run: () => {
        voidDocument(p, incoming(p, { subject: 'Vào sổ nhầm' }), 'Vào sổ trùng');
        status(p, reopen, 'in_progress');
      },
    },
    {
      day: '2026-03-12',
      run: () => {
        status(p, notice, 'done');
        voidDocument(p, direct(p, { type: 'Công văn', subject: 'Cấp số nhầm', unit: 'KT' }), 'Cấp nhầm số');
      },
    },
    { day: '2026-03-16', run: () => status(p, reopen, 'done') },
    {
      day: '2026-03-17',
      run: () => {
        incoming(p, { subject: 'Đến sau kỳ báo cáo' });
        direct(p, { type: 'Tờ trình', subject: 'Tờ trình sau kỳ báo cáo' });
      },
    },
  ];
}

// Steps of the same day run in the order given; the days in order of date.
function byDay(steps: readonly Step[]): Step[] {
  return steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.day.localeCompare(b.s.day) || a.i - b.i).map(({ s }) => s);
}

export function seedIncomingMonth(p: Profile, set: SetClock, attachment: Buffer): ReportSeedIds {
  const ids = { copied: 0, hubIncoming: 0 };
  for (const step of byDay(monthSteps(p, attachment, ids))) {
    at(set, step.day);
    void step.run();
  }
  at(set, REPORT_TODAY);
  return ids;
}

// The whole month, with the issuance workflow (a software token) and a paper copy.
export async function seedReports(p: Profile, set: SetClock, pki: TestPki, scratch: string): Promise<ReportSeedIds> {
  const attachment = readFileSync(await draftPdf(join(scratch, 'den.pdf'), { pages: 1 }));
  const ids = { copied: 0, hubIncoming: 0 };
  const issued: Record<string, number> = {};
  const issue = async (key: string, fields: Parameters<typeof issueDocument>[3]): Promise<void> => {
    issued[key] = (await issueDocument(p, pki, scratch, fields, 'registered')).id;
  };
  const steps: Step[] = [
    ...monthSteps(p, attachment, ids),
    // Signed Thursday, sent Friday: the next working day (on time).
    { day: '2026-03-05', run: () => issue('onTime', { subject: 'Quyết định thành lập tổ công tác', unitAbbreviation: 'VP' }) },
    { day: '2026-03-06', run: () => void distributeIssuance(p, issued.onTime as number) },
    // Signed Friday, sent Tuesday: Monday was the last day (late); paper recipients only.
    { day: '2026-03-06', run: () => issue('late', { subject: 'Quyết định phê duyệt dự toán', unitAbbreviation: 'KT', recipients: PAPER_ONLY }) },
    // Urgent, signed Monday, sent Tuesday: an urgent one goes the day it is signed (late).
    { day: '2026-03-09', run: () => issue('urgent', { subject: 'Quyết định khẩn phòng dịch', priority: 'khan' }) },
    { day: '2026-03-10', run: () => void distributeIssuance(p, issued.late as number) },
    { day: '2026-03-10', run: () => void distributeIssuance(p, issued.urgent as number) },
    // Signed Thursday 12th, not sent by the 20th.
    { day: '2026-03-12', run: () => issue('waiting', { subject: 'Quyết định chưa phát hành', unitAbbreviation: 'VP' }) },
    {
      day: '2026-03-13',
      run: async () => {
        const file = p.db.prepare('SELECT sha256 FROM document_files WHERE document_id = ? ORDER BY id LIMIT 1').pluck().get(ids.copied) as string;
        await makePaperCopy(
          p,
          programResources(),
          makePaperCopyInput.parse({ documentId: ids.copied, sourceSha256: file, kind: 'sao-y', signerPosition: 'Chánh Văn phòng', signerName: 'Trần Thị Bình', recipients: ['Trạm Y tế xã'] }),
        );
      },
    },
  ];
  for (const step of byDay(steps)) {
    at(set, step.day);
    await step.run();
  }
  at(set, REPORT_TODAY);
  return ids;
}
