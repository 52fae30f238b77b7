import type { TodaySummary } from '../../../shared/api/schemas/today.ts';
import { isUrgent, priorityLabel } from '../../../shared/domain/priority.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { BUSINESS_NAMES } from '../sync/sync-words.ts';
import { TodayPanel } from './TodayPanel.tsx';
import { deadlineWords } from './today-words.ts';

function Urgency({ priority }: { readonly priority: TodaySummary['urgent']['rows'][number]['priority'] }) {
  return isUrgent(priority) ? <span className="badge badge--urgent">{priorityLabel(priority)}</span> : null;
}

const notation = (r: { readonly codeNumber: string; readonly codeNotation: string }) => [r.codeNumber, r.codeNotation].filter(Boolean).join('/');

// What came in: packages from the hub waiting for Tiếp nhận, urgent documents not yet presented
// (Art. 23.1), and deadlines overdue or due within the horizon.
export function IncomingPanels({ summary }: { readonly summary: TodaySummary }) {
  const { navigate } = useApp();
  const { inbox, urgent, deadlines } = summary;
  return (
    <>
      <TodayPanel
        id="today-inbox"
        title="Chờ tiếp nhận từ trục liên thông"
        count={inbox.total}
        shown={inbox.rows.length}
        emptyText="Không có văn bản nào chờ tiếp nhận."
        more={{ label: 'Xem tất cả trong Liên thông', onOpen: () => navigate({ name: 'sync' }) }}
      >
        {inbox.rows.map((r) => (
          <li key={r.id}>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'sync', inboxId: r.id })}>
              {r.subject || '(không có trích yếu)'}
            </button>{' '}
            <Urgency priority={r.priority} />
            <span className="muted">
              {r.businessType === 'new' ? '' : `${BUSINESS_NAMES[r.businessType]} · `}
              {notation(r)} · {r.fromName || r.fromOrganId} · nhận lúc {showDateTime(r.receivedAt)}
            </span>
          </li>
        ))}
      </TodayPanel>
      <TodayPanel
        id="today-urgent"
        title="Văn bản khẩn chưa trình"
        count={urgent.total}
        shown={urgent.rows.length}
        emptyText="Không có văn bản khẩn nào chờ trình."
        more={{ label: 'Xem trong Cần xử lý', onOpen: () => navigate({ name: 'processing' }) }}
      >
        {urgent.rows.map((d) => (
          <li key={d.id}>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'document', id: d.id })}>
              Số đến {d.number}/{d.year}: {d.subject}
            </button>{' '}
            <Urgency priority={d.priority} />
            <span className="muted">
              {d.issuingAgency} · đến ngày {showDate(d.registerDate)}
            </span>
          </li>
        ))}
      </TodayPanel>
      <TodayPanel
        id="today-deadlines"
        title={`Hạn xử lý: ${showCount(deadlines.overdue)} quá hạn, ${showCount(deadlines.dueSoon)} đến hạn đến ${showDate(summary.horizonEnd)}`}
        count={deadlines.overdue + deadlines.dueSoon}
        shown={deadlines.rows.length}
        emptyText="Không có văn bản nào quá hạn hay sắp đến hạn."
        more={{ label: 'Xem tất cả trong Cần xử lý', onOpen: () => navigate({ name: 'processing' }) }}
      >
        {deadlines.rows.map((d) => (
          <li key={`${d.id}-${d.unit ?? ''}`} className={d.overdue ? 'today-list__overdue' : undefined}>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'document', id: d.id })}>
              Số đến {d.number}/{d.year}: {d.subject}
            </button>{' '}
            {d.overdue ? <span className="badge badge--overdue">Quá hạn</span> : null}
            <Urgency priority={d.priority} />
            <span className="muted">
              Hạn {showDate(d.dueDate)} ({deadlineWords(d)}){d.unit ? ` · ${d.unit}` : ' · chưa giao'}
            </span>
          </li>
        ))}
      </TodayPanel>
    </>
  );
}
