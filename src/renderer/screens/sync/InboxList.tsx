import { useState } from 'react';
import type { InboxSummary } from '../../../shared/api/schemas/sync.ts';
import { useOffsetPages } from '../../api/paging.ts';
import { useApp } from '../../app/app-context.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { showDate, showDateTime } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { BUSINESS_NAMES, INBOX_FILTERS, INBOX_STATE_NAMES, VERDICT_BADGES } from './sync-words.ts';

const PAGE = 50;
type Filter = (typeof INBOX_FILTERS)[number]['value'];

export function VerdictBadge({ verdict }: { readonly verdict: InboxSummary['verdict'] }) {
  const v = VERDICT_BADGES[verdict];
  return <span className={`badge badge--${v.badge}`}>{v.label}</span>;
}

export function numberOf(row: Pick<InboxSummary, 'codeNumber' | 'codeNotation'>): string {
  return [row.codeNumber, row.codeNotation].filter(Boolean).join('/');
}

// Văn bản đến qua trục: newest first, those waiting for the clerk by default. It is read again
// when a sync ends (use-sync-state.ts), so what the run brought shows up.
export function InboxList({ awaiting }: { readonly awaiting: number | null }) {
  const { navigate } = useApp();
  const [filter, setFilter] = useState<Filter>('received');
  const { rows, total, error, hasMore, loadingMore, loadMore } = useOffsetPages('inbox.list', { state: filter }, PAGE);

  return (
    <section className="panel" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Văn bản đến qua trục{awaiting ? ` (${showCount(awaiting)} chờ tiếp nhận)` : ''}</h2>
      <div className="form__grid">
        <SelectInput label="Hiển thị" name="inbox-state" value={filter} options={INBOX_FILTERS} onChange={(v) => setFilter(v as Filter)} />
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {total === 0 ? <p className="muted">Không có văn bản nào.</p> : null}
      {rows.length > 0 ? (
        <table className="table inbox-list">
          <thead>
            <tr>
              <th scope="col">Nơi gửi</th>
              <th scope="col">Số, ký hiệu</th>
              <th scope="col">Ngày</th>
              <th scope="col">Trích yếu</th>
              <th scope="col">Loại</th>
              <th scope="col">Chữ ký số</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Nhận lúc</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.fromName || r.fromOrganId}</td>
                <td>{numberOf(r)}</td>
                <td>{r.documentDate ? showDate(r.documentDate) : ''}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'sync', inboxId: r.id })}>
                    {r.subject || '(không có trích yếu)'}
                  </button>
                </td>
                <td>{r.businessType === 'new' ? r.documentTypeName : <span className="badge badge--urgent">{BUSINESS_NAMES[r.businessType]}</span>}</td>
                <td>
                  <VerdictBadge verdict={r.verdict} />
                </td>
                <td>{INBOX_STATE_NAMES[r.state]}</td>
                <td>{showDateTime(r.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hasMore ? (
        <button type="button" className="button" disabled={loadingMore} onClick={loadMore}>
          Xem thêm ({rows.length}/{total})
        </button>
      ) : null}
    </section>
  );
}
