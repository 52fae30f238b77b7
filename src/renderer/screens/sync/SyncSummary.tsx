import type { SyncSummaryView } from '../../../shared/api/schemas/sync.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { showBytes, showCount } from '../../util/format.ts';
import { OUTCOME_TONES } from './sync-words.ts';

// The end of a run as the clerk reads it: what went out, what came in, and each failure with
// what to do about it.
export function SyncSummary({ run }: { readonly run: SyncSummaryView }) {
  return (
    <section className="panel sync-summary" aria-labelledby="sync-summary-title">
      <h2 id="sync-summary-title">Kết quả đồng bộ lúc {showDateTime(run.finishedAt)}</h2>
      <Notice tone={OUTCOME_TONES[run.outcome]}>{run.messageVi}</Notice>
      <dl className="sync-summary__facts" data-testid="sync-summary">
        <dt>Đã gửi</dt>
        <dd>
          {showCount(run.sent)} văn bản, {showCount(run.statusesSent)} trạng thái ({showBytes(run.outgoing.bytes)})
        </dd>
        <dt>Đã nhận</dt>
        <dd>
          {showCount(run.received)} văn bản, {showCount(run.statusesReceived)} trạng thái ({showBytes(run.incoming.bytes)})
        </dd>
        {run.duplicates > 0 ? (
          <>
            <dt>Gói tin trùng (đã bỏ qua)</dt>
            <dd>{showCount(run.duplicates)}</dd>
          </>
        ) : null}
      </dl>
      {run.failures.length > 0 ? (
        <table className="table">
          <caption>Chưa xong</caption>
          <thead>
            <tr>
              <th scope="col">Việc</th>
              <th scope="col">Lý do</th>
              <th scope="col">Cần làm</th>
            </tr>
          </thead>
          <tbody>
            {run.failures.map((f, i) => (
              <tr key={i}>
                <td>{f.what}</td>
                <td>{f.reasonVi}</td>
                <td>{f.actionVi}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
