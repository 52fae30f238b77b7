import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CrlRefreshResult } from '../../../shared/api/schemas/revocation.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { apiQuery } from '../../api/queries.ts';
import { refresh } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showBytes, showCount } from '../../util/format.ts';
import { showDateTime } from '../../util/dates.ts';
import { commonName } from './token-choice.ts';

type Message = { readonly tone: 'error' | 'success' | 'warning'; readonly text: string; readonly failures: readonly string[] };

// What a refresh did, in one sentence, and each point that failed with its reason: a failure
// keeps the list already kept, so it is a warning, not an error, unless nothing answered at all.
function outcomeMessage(r: CrlRefreshResult): Message {
  const failures = r.results.filter((x) => x.outcome === 'failed').map((x) => `${x.url}: ${x.reasonVi ?? ''}${x.thisUpdate ? ' (vẫn dùng bản đã lưu)' : ''}`);
  if (r.results.length === 0) return { tone: 'warning', text: 'Không có nơi phát hành danh sách thu hồi nào để tải.', failures };
  const text = `Đã cập nhật danh sách thu hồi: tải mới ${showCount(r.fetched)}, không đổi ${showCount(r.unchanged)}, lỗi ${showCount(r.failed)}.`;
  const tone = r.failed === 0 ? 'success' : r.fetched + r.unchanged > 0 ? 'warning' : 'error';
  return { tone, text, failures };
}

// Cài đặt → Ký số → Danh sách thu hồi: the revocation lists (CRLs) of the CAs kept in the profile,
// with which signatures are checked when there is no network. They are refreshed after each sync
// that reached the hub; the button asks every CA's server now.
export function RevocationPanel() {
  const status = useQuery(apiQuery('trust.revocationStatus', {}));
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();

  const update = () =>
    void run(async () => {
      setMessage(null);
      try {
        setMessage(outcomeMessage(await call('trust.refreshRevocation', {})));
      } catch (e) {
        setMessage({ tone: 'error', text: `${errorMessage(e)} Các danh sách đã lưu vẫn được dùng.`, failures: [] });
      } finally {
        // A newer list can change what a verification says.
        await refresh(['trust.revocationStatus', 'signing.verify', 'issuance.verifyFile', 'inbox.get']);
      }
    });

  const crls = status.data?.crls ?? [];
  return (
    <section className="revocation" aria-labelledby="revocation-title" aria-busy={busy || status.isFetching}>
      <h3 id="revocation-title">Danh sách thu hồi chứng thư</h3>
      <p className="muted">
        Dùng để kiểm tra chứng thư của người ký có bị thu hồi không khi máy không có mạng. Chương trình tự cập nhật sau mỗi lần đồng bộ với trục.
      </p>
      {status.error ? <Notice tone="error">{`Chưa đọc được danh sách thu hồi đã lưu: ${errorMessage(status.error)}`}</Notice> : null}
      {message ? (
        <Notice tone={message.tone}>
          {message.text}
          {message.failures.length > 0 ? (
            <ul>
              {message.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {status.data && crls.length === 0 ? <p data-testid="revocation-empty">Chưa lưu danh sách thu hồi nào.</p> : null}
      {crls.length > 0 ? (
        <table className="table" data-testid="revocation-table">
          <thead>
            <tr>
              <th scope="col">Tổ chức cấp</th>
              <th scope="col">Ban hành</th>
              <th scope="col">Cập nhật tiếp</th>
              <th scope="col">Tải lúc</th>
              <th scope="col">Tình trạng</th>
            </tr>
          </thead>
          <tbody>
            {crls.map((c) => (
              <tr key={c.url}>
                <td title={`${c.issuer}\n${c.url}`}>{commonName(c.issuer)}</td>
                <td>{showDateTime(c.thisUpdate)}</td>
                <td>{c.nextUpdate ? showDateTime(c.nextUpdate) : 'không ghi'}</td>
                <td>
                  {showDateTime(c.fetchedAt)} ({showBytes(c.size)})
                </td>
                <td>
                  {!c.present ? 'Tệp không còn, sẽ tải lại' : c.stale ? <span className="badge badge--overdue">Đã quá hạn cập nhật</span> : 'Còn hiệu lực'}
                  {c.lastFailure ? <span className="muted">{` · lần cập nhật ${showDateTime(c.lastFailure.at)} lỗi: ${c.lastFailure.reasonVi}`}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {status.data && status.data.missingUrls.length > 0 ? (
        <p className="muted" data-testid="revocation-missing">{`Chưa có danh sách của ${showCount(status.data.missingUrls.length)} nơi phát hành.`}</p>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={update}>
        {busy ? 'Đang cập nhật…' : 'Cập nhật danh sách thu hồi'}
      </button>
    </section>
  );
}
