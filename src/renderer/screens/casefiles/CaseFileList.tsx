import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CaseFileStatus } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { showDate, showInstantDate } from '../../util/dates.ts';
import { useDebounced } from '../../util/use-debounced.ts';
import { CaseFileBadge } from './CaseFileBadge.tsx';
import { closingWords, STATUS_OPTIONS } from './casefile-words.ts';

// The year's files found by words of the title or by notation (diacritics ignored by the server),
// and by status: đang lập, đã kết thúc, đã nộp lưu.
export function CaseFileList({ year }: { readonly year: number }) {
  const { navigate } = useApp();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const list = useQuery({
    ...apiQuery('caseFiles.list', { year, ...(settled ? { query: settled } : {}), ...(status ? { status: status as CaseFileStatus } : {}) }),
    placeholderData: keepPreviousData,
  });
  const files = list.data ?? [];
  return (
    <section className="panel" aria-labelledby="file-list-title">
      <h2 id="file-list-title">Tìm hồ sơ năm {year}</h2>
      <div className="filters" role="search">
        <div className="field field--search">
          <label htmlFor={searchId}>Tiêu đề hoặc số và ký hiệu hồ sơ</label>
          <input id={searchId} type="search" value={query} placeholder="Ví dụ: thi đua, 01.VP (gõ không dấu được)" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <SelectInput label="Tình trạng" name="file-status" value={status} options={STATUS_OPTIONS} onChange={setStatus} />
      </div>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      <p className="list-count" aria-live="polite">
        {list.data ? `${files.length} hồ sơ` : 'Đang tải…'}
      </p>
      {files.length > 0 ? (
        <table className="table" data-testid="case-file-list">
          <thead>
            <tr>
              <th scope="col">Số và ký hiệu</th>
              <th scope="col">Tiêu đề hồ sơ</th>
              <th scope="col">Tình trạng</th>
              <th scope="col">Văn bản</th>
              <th scope="col">Thời hạn bảo quản</th>
              <th scope="col">Kết thúc, nộp lưu</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>{f.notation}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'case-file', id: f.id })}>
                    {f.title}
                  </button>
                </td>
                <td>
                  <CaseFileBadge status={f.status} />
                </td>
                <td>{f.documentCount}</td>
                <td>{f.retentionLabel}</td>
                <td>
                  {closingWords(f) ?? ''}
                  {f.handedOverAt ? `; nộp lưu ngày ${showInstantDate(f.handedOverAt)}` : f.handoverDueDate ? `; hạn nộp lưu ${showDate(f.handoverDueDate)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list.data ? (
        <p className="muted">Không có hồ sơ nào theo điều kiện này.</p>
      ) : null}
    </section>
  );
}
