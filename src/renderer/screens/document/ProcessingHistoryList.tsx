import type { DistributionRow, ProcessingEntry } from '../../../shared/api/schemas/processing.ts';
import { assigneeName, ENTRY_KIND_LABELS, ROLE_LABELS } from '../../../shared/domain/processing-history.ts';
import { processingStatusLabel } from '../../../shared/domain/processing.ts';
import { showDate, showDateTime } from '../../util/dates.ts';

// Who has the document now (the instruction in force, with the unit leaders' persons).
export function DistributionTable({ rows }: { readonly rows: readonly DistributionRow[] }) {
  if (rows.length === 0) return <p className="muted">Chưa có ý kiến chỉ đạo, phân phối.</p>;
  return (
    <table className="table" data-testid="distribution">
      <caption>Đang giao xử lý</caption>
      <thead>
        <tr>
          <th scope="col">Vai trò</th>
          <th scope="col">Đơn vị, cá nhân</th>
          <th scope="col">Hạn xử lý</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.role}-${i}`} className={r.overdue ? 'row--overdue' : undefined}>
            <td>{ROLE_LABELS[r.role]}</td>
            <td>{assigneeName(r)}</td>
            <td>
              {showDate(r.dueDate)}
              {r.overdue ? ' (quá hạn)' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CORRECTABLE = new Set<ProcessingEntry['kind']>(['instruction', 'unit_instruction', 'proposal', 'status']);

// The history, oldest first, as it was recorded: nothing in it is edited; "Sửa" starts a new
// entry that names the one it corrects.
export function ProcessingHistoryList({ entries, onCorrect }: { readonly entries: readonly ProcessingEntry[]; readonly onCorrect?: ((e: ProcessingEntry) => void) | undefined }) {
  if (entries.length === 0) return null;
  return (
    <ol className="timeline timeline--processing" aria-label="Quá trình giải quyết" data-testid="processing-history">
      {entries.map((e) => (
        <li key={e.id} className={e.correctedById ? 'muted' : undefined}>
          <strong>{ENTRY_KIND_LABELS[e.kind]}</strong>
          {e.givenOn ? ` — ngày ${showDate(e.givenOn)}` : ''}
          {e.author ? ` — ${e.author}` : ''}
          {e.correctsId ? <span> (sửa mục #{e.correctsId})</span> : null}
          {e.correctedById ? <span> (đã được sửa bởi mục #{e.correctedById})</span> : null}
          {e.assignees.length > 0 ? (
            <ul>
              {e.assignees.map((a, i) => (
                <li key={i}>
                  {ROLE_LABELS[a.role]}: {assigneeName(a)}
                  {a.dueDate ? `, hạn ${showDate(a.dueDate)}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {e.text ? <p>{e.text}</p> : null}
          <p className="muted">
            #{e.id} · {processingStatusLabel(e.status)}
            {e.replyNotation ? ` · văn bản trả lời số ${e.replyNotation}` : ''} · ghi lúc {showDateTime(e.recordedAt)} bởi {e.recordedBy}
          </p>
          {onCorrect && CORRECTABLE.has(e.kind) && !e.correctedById ? (
            <button type="button" className="button button--quiet" onClick={() => onCorrect(e)}>
              Sửa mục #{e.id}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
