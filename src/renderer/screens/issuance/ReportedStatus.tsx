import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { hubStatusName } from '../../../shared/domain/hub-status.ts';
import { showDateTime } from '../../util/dates.ts';

// The last status a recipient reported through the hub (Đã đến, Đã tiếp nhận, Từ chối tiếp nhận
// with its reason, …), with the time it gave.
export function ReportedStatus({ entry }: { readonly entry: IssuanceRecord['outbox'][number] }) {
  if (!entry.receiveStatus) return <span className="muted">{entry.status === 'sent' ? 'Chưa báo' : ''}</span>;
  const refused = entry.receiveStatus === '02' || entry.receiveStatus === '16';
  return (
    <>
      <span className={`badge badge--${refused ? 'overdue' : entry.receiveStatus === '06' ? 'done' : 'in_progress'}`}>{hubStatusName(entry.receiveStatus)}</span>
      {entry.receiveStatusAt ? <span className="muted"> {showDateTime(entry.receiveStatusAt)}</span> : null}
      {entry.receiveDescription ? <div className="muted">{entry.receiveDescription}</div> : null}
    </>
  );
}
