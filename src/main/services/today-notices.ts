import type { DueHandovers } from '../../shared/api/schemas/casefiles.ts';
import type { TodaySummary } from '../../shared/api/schemas/today.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { isUrgent, priorityLabel } from '../../shared/domain/priority.ts';

// What the desktop tells the clerk, decided from two Hôm nay summaries in a row (the last one
// seen and the one just read): pure, so the shell only shows what this says (docs/ui.md "Thông
// báo"). Appendix VI III.1.i asks the system to announce a new document; deadlines are announced
// once a day, and so are the case files due at the agency archive (Appendix VI III.5.b: 30 days
// before the due date of Art. 30.2.b, and every day once overdue).

export interface DesktopNotice {
  readonly kind: 'new-document' | 'deadline' | 'handover';
  readonly title: string;
  readonly body: string;
}

// What is remembered between two summaries.
export interface NoticeState {
  // The newest delivery already announced (or there when watching started).
  readonly newestInboxId: number;
  // The Vietnam day of the last summary: deadlines and the files due at the archive are announced
  // at the first one of each day (at start, or when the day turns while the app stays open), not
  // again when one is set or closed later.
  readonly deadlineDay: string | null;
}

// The taskbar count: what waits for the clerk or is past its time limit. Deliveries to accept,
// urgent documents not presented, overdue deadlines, approved documents past the day they had
// to go out and files past their handover date; what is merely due soon is on the screen, not on
// the icon.
export function attentionCount(s: TodaySummary, due: DueHandovers): number {
  return s.inbox.total + s.urgent.total + s.deadlines.overdue + s.unissued.late + due.files.filter((f) => f.daysLeft < 0).length;
}

function newDocumentNotice(s: TodaySummary, previous: number): DesktopNotice | null {
  const newest = s.inbox.newest;
  if (!newest || newest.id <= previous) return null;
  const urgency = isUrgent(newest.priority) ? ` (${priorityLabel(newest.priority)})` : '';
  const others = s.inbox.total - 1;
  return {
    kind: 'new-document',
    title: `Văn bản mới từ trục liên thông${urgency}`,
    body: `${newest.subject || '(không có trích yếu)'} — ${newest.fromName || newest.fromOrganId}.${others > 0 ? ` Đang chờ tiếp nhận: ${others + 1} văn bản.` : ''}`,
  };
}

function deadlineNotice(s: TodaySummary): DesktopNotice | null {
  const dueToday = s.deadlines.rows.filter((r) => !r.overdue && r.workingDaysLeft === 0).length;
  const overdue = s.deadlines.overdue;
  if (overdue === 0 && dueToday === 0) return null;
  const parts = [overdue > 0 ? `${overdue} văn bản quá hạn xử lý` : null, dueToday > 0 ? `${dueToday} văn bản đến hạn hôm nay` : null].filter(Boolean);
  return { kind: 'deadline', title: 'Hạn xử lý văn bản đến', body: `${parts.join(', ')}. Xem trên màn hình Hôm nay.` };
}

// One file is named; more are counted, overdue first as Hôm nay lists them.
function handoverNotice(due: DueHandovers): DesktopNotice | null {
  const [first] = due.files;
  if (!first) return null;
  const title = 'Hồ sơ đến hạn nộp lưu';
  if (due.files.length === 1) {
    const when = first.daysLeft < 0 ? `quá hạn nộp lưu từ ngày ${formatVietnameseDate(first.dueDate)}` : `đến hạn nộp lưu ngày ${formatVietnameseDate(first.dueDate)}`;
    return { kind: 'handover', title, body: `Hồ sơ ${first.file.notation} năm ${first.file.year} (${first.file.title}) ${when}. Xem trên màn hình Hôm nay.` };
  }
  const overdue = due.files.filter((f) => f.daysLeft < 0).length;
  const soon = due.files.length - overdue;
  const parts = [overdue > 0 ? `${overdue} hồ sơ quá hạn nộp lưu` : null, soon > 0 ? `${soon} hồ sơ đến hạn nộp lưu trong ${due.withinDays} ngày tới` : null].filter(Boolean);
  return { kind: 'handover', title, body: `${parts.join(', ')}. Xem trên màn hình Hôm nay.` };
}

// The first summary after start only sets what is known: the documents already waiting were
// there before the clerk opened the app, and the screen shows them. Its deadlines and the files
// due at the archive are announced, once for the day.
export function decideNotices(previous: NoticeState | null, s: TodaySummary, due: DueHandovers): { notices: DesktopNotice[]; state: NoticeState } {
  const newestInboxId = Math.max(previous?.newestInboxId ?? 0, s.inbox.newest?.id ?? 0);
  const fresh = previous ? newDocumentNotice(s, previous.newestInboxId) : null;
  const newDay = previous?.deadlineDay !== s.today;
  const deadline = newDay ? deadlineNotice(s) : null;
  const handover = newDay ? handoverNotice(due) : null;
  const notices = [fresh, deadline, handover].filter((n): n is DesktopNotice => n !== null);
  return { notices, state: { newestInboxId, deadlineDay: s.today } };
}
