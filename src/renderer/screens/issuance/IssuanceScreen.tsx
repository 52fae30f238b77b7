import { useState } from 'react';
import { ISSUANCE_STATES, type IssuanceState } from '../../../shared/api/schemas/issuance.ts';
import { useOffsetPages } from '../../api/paging.ts';
import { useApp } from '../../app/app-context.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { IssuanceDetail } from './IssuanceDetail.tsx';
import { STATE_NAMES } from './issuance-words.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

const PAGE = 50;
const STATE_OPTIONS = [{ value: '', label: 'Tất cả' }, ...ISSUANCE_STATES.map((s) => ({ value: s, label: STATE_NAMES[s] }))];

export function IssuanceScreen({ id }: { readonly id: number | undefined }) {
  return id === undefined ? <IssuanceList /> : <IssuanceDetail id={id} />;
}

// Phát hành: the documents of the workflow, newest first, filtered by state; each opens its
// detail. "Xem thêm" loads the next page.
function IssuanceList() {
  const { navigate } = useApp();
  const [state, setState] = useState<IssuanceState | ''>('');
  const { rows, total, error, hasMore, loadingMore, loadMore } = useOffsetPages('issuance.list', state ? { state } : {}, PAGE);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Phát hành văn bản
        </h1>
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'drafting' })}>
          Soạn văn bản mới
        </button>
      </header>
      <div className="form__grid">
        <SelectInput label="Trạng thái" name="state" value={state} options={STATE_OPTIONS} onChange={(v) => setState(v as IssuanceState | '')} />
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {total === 0 ? <p className="muted">Chưa có văn bản nào{state ? ` ở trạng thái "${STATE_NAMES[state]}"` : ''}.</p> : null}
      {rows.length > 0 ? (
        <table className="table issuance-list">
          <thead>
            <tr>
              <th scope="col">Loại</th>
              <th scope="col">Trích yếu</th>
              <th scope="col">Số, ký hiệu</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Cập nhật</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.documentTypeName}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'issuance', id: r.id })}>
                    {r.subject}
                  </button>
                </td>
                <td>{numberNotation(r) ?? ''}</td>
                <td>
                  <span className={`badge badge--${r.state === 'void' ? 'void' : r.state === 'distributed' ? 'done' : 'pending'}`}>{STATE_NAMES[r.state]}</span>
                </td>
                <td>{showDateTime(r.updatedAt)}</td>
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
