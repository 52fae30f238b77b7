import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { isUrgent, priorityLabel } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { errorMessage } from '../../api/api-error.ts';
import { useOffsetPages } from '../../api/paging.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { DocumentBadges } from '../../components/badges.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { UnitDeadlinesPanel } from './UnitDeadlinesPanel.tsx';

type Filter = 'open' | 'overdue' | 'all';
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'open', label: 'Chưa xong' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'all', label: 'Tất cả' },
];
const PAGE = 50;

// Cần xử lý: incoming documents in the order the server gives (overdue, then most urgent, then
// nearest deadline), with the quick steps a clerk takes without opening the document. Each filter
// is its own query, so an answer for another filter never shows; after a step the list is read
// again with as many rows as were loaded (useOffsetPages).
export function ProcessingScreen() {
  const { navigate } = useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const list = useOffsetPages('processing.list', { filter }, PAGE);
  const { rows, total } = list;
  const [stepError, setStepError] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const rescueFocus = useFocusRescue();
  const error = stepError ?? list.error;

  // The clicked button usually goes with the step (a done document leaves "Chưa xong"), so the
  // focus is put back on the heading once the list was read again.
  const setStatus = (doc: DocumentRecord, status: ProcessingStatus) =>
    run(async () => {
      setStepError(null);
      try {
        await write('processing.update', { id: doc.id, status });
      } catch (e) {
        setStepError(errorMessage(e));
      }
      rescueFocus();
    });

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Cần xử lý
        </h1>
        <div className="segmented" role="group" aria-label="Lọc">
          {FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              className="button"
              aria-pressed={filter === f.value}
              onClick={() => {
                setFilter(f.value);
                setStepError(null);
              }}
            >
              {f.label}
            </button>
          ))}
        </div>
      </header>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <p className="list-count">{total === null ? 'Đang tải…' : `${showCount(total)} văn bản`}</p>
      <table className="table table--processing" data-testid="processing-table">
        <thead>
          <tr>
            <th scope="col">Số đến</th>
            <th scope="col">Trích yếu</th>
            <th scope="col">Cơ quan ban hành</th>
            <th scope="col">Độ khẩn</th>
            <th scope="col">Hạn xử lý</th>
            <th scope="col">Đơn vị xử lý</th>
            <th scope="col">Tình trạng</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className={d.overdue ? 'row--overdue' : isUrgent(d.priority) ? 'row--urgent' : undefined}>
              <td>
                {d.number}/{d.year}
              </td>
              <td>{d.subject}</td>
              <td>{d.issuingAgency}</td>
              <td>{priorityLabel(d.priority)}</td>
              <td>{showDate(d.dueDate)}</td>
              <td>{[d.assigneeUnit, d.assigneePerson].filter(Boolean).join(' — ')}</td>
              <td>
                <DocumentBadges doc={d} />
              </td>
              <td className="actions">
                <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: d.id })}>
                  Mở
                </button>
                {d.processingStatus !== 'in_progress' && d.processingStatus !== 'done' ? (
                  <button type="button" className="button button--quiet" disabled={busy} onClick={() => void setStatus(d, 'in_progress')}>
                    Đang xử lý
                  </button>
                ) : null}
                {d.processingStatus !== 'done' ? (
                  <button type="button" className="button button--quiet" disabled={busy} onClick={() => void setStatus(d, 'done')}>
                    Hoàn thành
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.hasMore ? (
        <button type="button" className="button" disabled={busy || list.loadingMore} onClick={list.loadMore}>
          Xem thêm
        </button>
      ) : null}
      <UnitDeadlinesPanel />
    </section>
  );
}
