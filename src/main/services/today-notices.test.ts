import { describe, expect, it } from 'vitest';
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

describe('what the desktop announces', () => {
  it('at start: no "new document" for what was already waiting, the day\'s deadlines once', () => {
    const first = decideNotices(null, summary('2026-06-05', [delivery(7, 'Cũ')], [deadline(1, true, -2), deadline(2, false, 0), deadline(3, false, 2)]));
    expect(first.notices).toEqual([{ kind: 'deadline', title: 'Hạn xử lý văn bản đến', body: '1 văn bản quá hạn xử lý, 1 văn bản đến hạn hôm nay. Xem trên màn hình Hôm nay.' }]);
    expect(first.state).toEqual({ newestInboxId: 7, deadlineDay: '2026-06-05' });
    // The same day, nothing new: silence.
    expect(decideNotices(first.state, summary('2026-06-05', [delivery(7, 'Cũ')], [deadline(1, true, -2)])).notices).toEqual([]);
  });

  it('a delivery newer than any seen is announced, with its urgency and what else waits', () => {
    const seen = { newestInboxId: 7, deadlineDay: '2026-06-05' };
    const next = decideNotices(seen, summary('2026-06-05', [delivery(7, 'Cũ'), delivery(9, 'Phòng chống bão số 3', 'hoa-toc')]));
    expect(next.notices).toEqual([
      { kind: 'new-document', title: 'Văn bản mới từ trục liên thông (Hỏa tốc)', body: 'Phòng chống bão số 3 — Sở Nội vụ. Đang chờ tiếp nhận: 2 văn bản.' },
    ]);
    expect(next.state.newestInboxId).toBe(9);
    // Accepted since: the newest waiting is an older one, nothing is announced again.
    expect(decideNotices(next.state, summary('2026-06-05', [delivery(7, 'Cũ')])).notices).toEqual([]);
    expect(decideNotices(next.state, summary('2026-06-05', [])).state.newestInboxId).toBe(9);
  });

  it('the deadlines again when the day turns, none when nothing is due', () => {
    const seen = { newestInboxId: 0, deadlineDay: '2026-06-05' };
    expect(decideNotices(seen, summary('2026-06-08', [], [deadline(1, true, -3)])).notices.map((n) => n.body)).toEqual([
      '1 văn bản quá hạn xử lý. Xem trên màn hình Hôm nay.',
    ]);
    expect(decideNotices(seen, summary('2026-06-08', [], [deadline(3, false, 2)]))).toEqual({ notices: [], state: { newestInboxId: 0, deadlineDay: '2026-06-08' } });
  });

  it('counts on the icon what waits or is late, not what is merely due soon', () => {
    expect(attentionCount(summary('2026-06-05', [delivery(1, 'a'), delivery(2, 'b')], [deadline(1, true, -1), deadline(2, false, 0)], { urgent: 1, late: 1 }))).toBe(5);
    expect(attentionCount(summary('2026-06-05', [], [deadline(2, false, 1)]))).toBe(0);
  });
});
