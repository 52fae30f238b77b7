import { todayInput } from '../../../shared/api/schemas/today.ts';
import type { TodaySummary } from '../../../shared/api/schemas/today.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';
import { priorityLabel } from '../../../shared/domain/priority.ts';
import { todaySummaryOf } from '../../services/today-handlers.ts';
import { createSyncService } from '../../sync/sync-service.ts';
import { optional, parse } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

function lines(s: TodaySummary): string[] {
  const d = formatVietnameseDate;
  const section = <T>(title: string, total: number, rows: readonly T[], line: (r: T) => string): string[] =>
    total === 0 ? [] : [`${title}: ${total}`, ...rows.map((r) => `  ${line(r)}`), ...(total > rows.length ? [`  … và ${total - rows.length} nữa`] : [])];
  const lastRun = s.sync.lastRun;
  return [
    `Hôm nay ${d(s.today)} — hạn xử lý trong ${s.horizonDays} ngày làm việc (đến ${d(s.horizonEnd)})`,
    ...section('Chờ tiếp nhận (trục liên thông)', s.inbox.total, s.inbox.rows, (r) => `gói ${r.id}: ${numberNotation(r)} của ${r.fromName || r.fromOrganId}: ${r.subject}`),
    ...section('Văn bản khẩn chưa trình', s.urgent.total, s.urgent.rows, (r) => `số đến ${r.number}/${r.year} [${priorityLabel(r.priority)}]: ${r.subject}`),
    ...section(`Hạn xử lý (quá hạn ${s.deadlines.overdue}, sắp đến hạn ${s.deadlines.dueSoon})`, s.deadlines.overdue + s.deadlines.dueSoon, s.deadlines.rows, (r) =>
      `số đến ${r.number}/${r.year} hạn ${d(r.dueDate)}${r.overdue ? ' QUÁ HẠN' : ''}${r.unit ? ` — ${r.unit}` : ''}: ${r.subject}`,
    ),
    ...section(`Đã ký duyệt, chưa phát hành (trễ ${s.unissued.late})`, s.unissued.total, s.unissued.rows, (r) =>
      `phát hành ${r.issuanceId}: ký ${d(r.approvedOn)}, hạn ${d(r.issueBy)}${r.late ? ' TRỄ' : ''}: ${r.subject}`,
    ),
    ...section(`Chờ gửi qua trục (và ${s.outbox.statuses} trạng thái)`, s.outbox.documents, s.outbox.rows, (r) => `${numberNotation(r)} tới ${r.recipients} nơi: ${r.subject}`),
    lastRun ? `Đồng bộ lần cuối: ${lastRun.finishedAt} — ${lastRun.messageVi}` : 'Chưa đồng bộ lần nào.',
  ];
}

// `vanthu today --profile DIR [--days N]`: Hôm nay, as the app's home screen shows it. The
// command holds no sync, so "running" is false and the network unknown; the last run is the
// profile's.
export async function today(args: string[]): Promise<CommandResult> {
  const p = parse(args, { days: { type: 'string' } });
  const days = optional(p, 'days');
  const input = parseOrThrow(todayInput, days === undefined ? {} : { horizonDays: Number(days) }, 'today');
  // state() reads the profile only; the hub client is made for a run or a probe, never here.
  const sync = createSyncService({
    clientFor: () => {
      throw new Error('vanthu today never contacts the hub');
    },
  });
  return withProfile(p, (profile) => {
    const summary = todaySummaryOf(profile, sync, input.horizonDays);
    return { json: summary, text: lines(summary).join('\n') };
  });
}
