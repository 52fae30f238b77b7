import { ISSUANCE_STATE_NAMES } from '../../../shared/api/schemas/issuance.ts';
import type { TodaySummary } from '../../../shared/api/schemas/today.ts';
import { isUrgent, priorityLabel } from '../../../shared/domain/priority.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { TodayPanel } from './TodayPanel.tsx';

// What goes out: documents the leader signed that have not been sent (Art. 18.1: the same day,
// at the latest the next working day; an urgent one at once), and packages waiting for the network.
export function OutgoingPanels({ summary }: { readonly summary: TodaySummary }) {
  const { navigate } = useApp();
  const { unissued, outbox } = summary;
  return (
    <>
      <TodayPanel
        id="today-unissued"
        title={`Đã ký duyệt, chưa phát hành${unissued.late ? ` (${showCount(unissued.late)} trễ hạn)` : ''}`}
        count={unissued.total}
        shown={unissued.rows.length}
        emptyText="Không có văn bản nào đã ký duyệt mà chưa phát hành."
        more={{ label: 'Xem tất cả trong Phát hành', onOpen: () => navigate({ name: 'issuance' }) }}
      >
        {unissued.rows.map((r) => (
          <li key={r.issuanceId} className={r.late ? 'today-list__overdue' : undefined}>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'issuance', id: r.issuanceId })}>
              {r.documentTypeName}
              {r.codeNumber && r.codeNotation ? ` số ${r.codeNumber}/${r.codeNotation}` : ''}: {r.subject}
            </button>{' '}
            {r.late ? <span className="badge badge--overdue">Trễ hạn phát hành</span> : null}
            {isUrgent(r.priority) ? <span className="badge badge--urgent">{priorityLabel(r.priority)}</span> : null}
            <span className="muted">
              {ISSUANCE_STATE_NAMES[r.state]} · ký duyệt {showDate(r.approvedOn)} · phát hành chậm nhất {showDate(r.issueBy)}
            </span>
          </li>
        ))}
      </TodayPanel>
      <TodayPanel
        id="today-outbox"
        title={`Chờ gửi qua trục${outbox.statuses ? ` (và ${showCount(outbox.statuses)} trạng thái)` : ''}`}
        count={outbox.documents}
        shown={outbox.rows.length}
        emptyText={outbox.statuses ? `Không có văn bản nào chờ gửi; ${showCount(outbox.statuses)} trạng thái chờ gửi.` : 'Không có gì chờ gửi.'}
        more={{ label: 'Xem trong Liên thông', onOpen: () => navigate({ name: 'sync' }) }}
      >
        {outbox.rows.map((r) => (
          <li key={r.sendId}>
            <button
              type="button"
              className="link-button"
              onClick={() => navigate(r.issuanceId !== null ? { name: 'issuance', id: r.issuanceId } : { name: 'document', id: r.documentId })}
            >
              Số {r.codeNumber}/{r.codeNotation}: {r.subject}
            </button>{' '}
            <span className="muted">
              tới {showCount(r.recipients)} nơi nhận · chờ từ {showDateTime(r.queuedAt)}
              {r.state === 'sending' ? ' · đang đối chiếu với trục' : ''}
              {r.lastError ? ` · lần trước: ${r.lastError}` : ''}
            </span>
          </li>
        ))}
      </TodayPanel>
    </>
  );
}
