import { describe, expect, it } from 'vitest';
import type { CaseFileRecord, DueHandovers } from '../../shared/api/schemas/casefiles.ts';
import type { TodaySummary } from '../../shared/api/schemas/today.ts';
import { attentionCount, decideNotices } from './today-notices.ts';

type Inbox = TodaySummary['inbox']['rows'][number];
type Deadline = TodaySummary['deadlines']['rows'][number];

const delivery = (id: number, subject: string, priority: Inbox['priority'] = 'thuong'): Inbox => ({
  id,
  businessType: 'new',
  fromName: 'Sở Nội vụ',
  fromOrganId: '000.00.12.H17',
  codeNumber: String(id),
  codeNotation: 'SNV-VP',
  subject,
  priority,
  receivedAt: '2026-06-05T02:00:00.000Z',
});

const deadline = (id: number, overdue: boolean, workingDaysLeft: number): Deadline => ({
  id,
  year: 2026,
  number: id,
  registerDate: '2026-06-01',
  codeNumber: '1',
  codeNotation: 'UBND',
  subject: `Văn bản ${id}`,
  issuingAgency: 'UBND tỉnh',
  priority: 'thuong',
  processingStatus: 'assigned',
  dueDate: '2026-06-05',
  unit: null,
  overdue,
  workingDaysLeft,
});

function summary(day: string, inbox: Inbox[], deadlines: Deadline[] = [], extra: { urgent?: number; late?: number } = {}): TodaySummary {
  const overdue = deadlines.filter((d) => d.overdue).length;
  return {
    today: day,
    horizonDays: 3,
    horizonEnd: day,
    inbox: { total: inbox.length, rows: inbox, newest: inbox.at(-1) ?? null },
    urgent: { total: extra.urgent ?? 0, rows: [] },
    deadlines: { overdue, dueSoon: deadlines.length - overdue, rows: deadlines },
    unissued: { total: extra.late ?? 0, late: extra.late ?? 0, rows: [] },
    outbox: { documents: 0, statuses: 0, rows: [] },
    sync: { configured: true, running: false, lastRun: null, lastSuccessAt: null, network: null },
  };
}

// A closed file due at the agency archive in `daysLeft` days (negative: overdue).
function dueFile(id: number, notation: string, dueDate: string, daysLeft: number): DueHandovers['files'][number] {
  const file: CaseFileRecord = {
    id,
    planId: 1,
    year: 2025,
    headingId: 1,
    topHeadingId: 1,
    position: id,
    number: id,
    notation,
    fileCode: `000.46.24.H17.2025.${notation}`,
    title: `Hồ sơ ${notation}`,
    retentionYears: null,
    retentionLabel: 'Vĩnh viễn',
    creator: 'Lê Thị Hoa',
    rights: null,
    language: null,
    description: null,
    note: null,
    status: 'closed',
    documentCount: 2,
    startDate: '2025-03-01',
    endDate: '2025-06-01',
    docTotal: 2,
    pageTotal: 3,
    closedAt: '2025-06-20T03:00:00.000Z',
    handoverDueDate: dueDate,
    handoverId: null,
    handedOverAt: null,
    createdAt: '2025-01-02T03:00:00.000Z',
  };
  return { file, dueDate, daysLeft };
}

const due = (today: string, ...files: DueHandovers['files']): DueHandovers => ({ today, withinDays: 30, files });
const NONE = due('2026-06-05');

describe('what the desktop announces', () => {
  it('at start: no "new document" for what was already waiting, the day\'s deadlines once', () => {
    const first = decideNotices(null, summary('2026-06-05', [delivery(7, 'Cũ')], [deadline(1, true, -2), deadline(2, false, 0), deadline(3, false, 2)]), NONE);
    expect(first.notices).toEqual([{ kind: 'deadline', title: 'Hạn xử lý văn bản đến', body: '1 văn bản quá hạn xử lý, 1 văn bản đến hạn hôm nay. Xem trên màn hình Hôm nay.' }]);
    expect(first.state).toEqual({ newestInboxId: 7, deadlineDay: '2026-06-05' });
    // The same day, nothing new: silence.
    expect(decideNotices(first.state, summary('2026-06-05', [delivery(7, 'Cũ')], [deadline(1, true, -2)]), NONE).notices).toEqual([]);
  });

  it('a delivery newer than any seen is announced, with its urgency and what else waits', () => {
    const seen = { newestInboxId: 7, deadlineDay: '2026-06-05' };
    const next = decideNotices(seen, summary('2026-06-05', [delivery(7, 'Cũ'), delivery(9, 'Phòng chống bão số 3', 'hoa-toc')]), NONE);
    expect(next.notices).toEqual([
      { kind: 'new-document', title: 'Văn bản mới từ trục liên thông (Hỏa tốc)', body: 'Phòng chống bão số 3 — Sở Nội vụ. Đang chờ tiếp nhận: 2 văn bản.' },
    ]);
    expect(next.state.newestInboxId).toBe(9);
    // Accepted since: the newest waiting is an older one, nothing is announced again.
    expect(decideNotices(next.state, summary('2026-06-05', [delivery(7, 'Cũ')]), NONE).notices).toEqual([]);
    expect(decideNotices(next.state, summary('2026-06-05', []), NONE).state.newestInboxId).toBe(9);
  });

  it('the deadlines again when the day turns, none when nothing is due', () => {
    const seen = { newestInboxId: 0, deadlineDay: '2026-06-05' };
    expect(decideNotices(seen, summary('2026-06-08', [], [deadline(1, true, -3)]), NONE).notices.map((n) => n.body)).toEqual([
      '1 văn bản quá hạn xử lý. Xem trên màn hình Hôm nay.',
    ]);
    expect(decideNotices(seen, summary('2026-06-08', [], [deadline(3, false, 2)]), NONE)).toEqual({ notices: [], state: { newestInboxId: 0, deadlineDay: '2026-06-08' } });
  });

  it('counts on the icon what waits or is late, not what is merely due soon', () => {
    expect(attentionCount(summary('2026-06-05', [delivery(1, 'a'), delivery(2, 'b')], [deadline(1, true, -1), deadline(2, false, 0)], { urgent: 1, late: 1 }), NONE)).toBe(5);
    expect(attentionCount(summary('2026-06-05', [], [deadline(2, false, 1)]), NONE)).toBe(0);
    // A file past its handover date counts; one merely due within the 30 days does not.
    expect(attentionCount(summary('2026-06-05', []), due('2026-06-05', dueFile(1, '01.VP', '2026-06-01', -4), dueFile(2, '02.VP', '2026-06-20', 15)))).toBe(1);
  });

  it('names the one file due at the archive, once a day, from the first summary on', () => {
    const oneDue = due('2026-06-05', dueFile(3, '03.TP', '2026-06-20', 15));
    const first = decideNotices(null, summary('2026-06-05', []), oneDue);
    expect(first.notices).toEqual([
      { kind: 'handover', title: 'Hồ sơ đến hạn nộp lưu', body: 'Hồ sơ 03.TP năm 2025 (Hồ sơ 03.TP) đến hạn nộp lưu ngày 20/06/2026. Xem trên màn hình Hôm nay.' },
    ]);
    // Later the same day, or a file closed since: not again until tomorrow.
    expect(decideNotices(first.state, summary('2026-06-05', []), due('2026-06-05', dueFile(3, '03.TP', '2026-06-20', 15), dueFile(4, '04.TP', '2026-06-06', 1))).notices).toEqual([]);
    const overdue = decideNotices(first.state, summary('2026-06-21', []), due('2026-06-21', dueFile(3, '03.TP', '2026-06-20', -1)));
    expect(overdue.notices.map((n) => n.body)).toEqual(['Hồ sơ 03.TP năm 2025 (Hồ sơ 03.TP) quá hạn nộp lưu từ ngày 20/06/2026. Xem trên màn hình Hôm nay.']);
  });

  it('counts several files, overdue and due soon, after the day\'s deadlines', () => {
    const several = due('2026-06-08', dueFile(1, '01.VP', '2026-06-01', -7), dueFile(2, '02.VP', '2026-06-02', -6), dueFile(5, '05.TC', '2026-07-01', 23));
    const decided = decideNotices({ newestInboxId: 0, deadlineDay: '2026-06-05' }, summary('2026-06-08', [], [deadline(1, true, -3)]), several);
    expect(decided.notices.map((n) => [n.kind, n.body])).toEqual([
      ['deadline', '1 văn bản quá hạn xử lý. Xem trên màn hình Hôm nay.'],
      ['handover', '2 hồ sơ quá hạn nộp lưu, 1 hồ sơ đến hạn nộp lưu trong 30 ngày tới. Xem trên màn hình Hôm nay.'],
    ]);
    expect(decideNotices(null, summary('2026-06-08', []), due('2026-06-08', dueFile(5, '05.TC', '2026-07-01', 23), dueFile(6, '06.TC', '2026-07-02', 24))).notices[0]?.body).toBe(
      '2 hồ sơ đến hạn nộp lưu trong 30 ngày tới. Xem trên màn hình Hôm nay.',
    );
  });
});
