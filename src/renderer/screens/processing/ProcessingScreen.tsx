import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { isUrgent, priorityLabel } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { DocumentBadges } from '../../components/badges.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';

type Filter = 'open' | 'overdue' | 'all';
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'open', label: 'Chưa xong' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'all', label: 'Tất cả' },
];
const PAGE = 50;
// The most processing.list gives in one answer.
const MAX_LIMIT = 500;

// The first `length` rows of the filter (at least a page), asked for in answers of up to
// MAX_LIMIT rows, so a refresh keeps as many rows on screen as the clerk had loaded.
async function fetchRows(filter: Filter, length: number): Promise<{ rows: DocumentRecord[]; total: number }> {
  const rows: DocumentRecord[] = [];
  let total = 0;
  do {
    const r = await call('processing.list', { filter, offset: rows.length, limit: Math.min(MAX_LIMIT, Math.max(PAGE, length) - rows.length) });
    rows.push(...r.rows);
    total = r.total ?? rows.length;
    if (r.rows.length === 0) break;
  } while (rows.length < Math.min(Math.max(PAGE, length), total));
  return { rows, total };
}

// Cần xử lý: incoming documents in the order the server gives (overdue, then most urgent, then
// nearest deadline), with the quick steps a clerk takes without opening the document. Each load
// belongs to a generation; an answer for an older one (another filter, an earlier refresh) is
// dropped, so two filters' rows never mix.
export function ProcessingScreen() {
  const { navigate } = useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const [rows, setRows] = useState<DocumentRecord[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const { busy, run } = useInFlight();
  const rescueFocus = useFocusRescue();

  // Replaces the rows with the first `length` of the filter.
  const refresh = useCallback(
    async (length: number) => {
      const gen = ++generation.current;
      try {
        const r = await fetchRows(filter, length);
        if (gen !== generation.current) return;
        setRows(r.rows);
        setTotal(r.total);
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(errorMessage(e));
      }
    },
    [filter],
  );

  useEffect(() => {
    setTotal(null);
    void refresh(PAGE);
  }, [refresh]);

  const more = () =>
    run(async () => {
      const gen = generation.current;
      try {
        const r = await call('processing.list', { filter, offset: rows.length, limit: PAGE });
        if (gen !== generation.current) return;
        setRows((before) => [...before, ...r.rows]);
        setTotal(r.total);
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(errorMessage(e));
      }
    });

  // The clicked button usually goes with the step (a done document leaves "Chưa xong"), so the
  // focus is put back on the heading.
  const setStatus = (doc: DocumentRecord, status: ProcessingStatus) =>
    run(async () => {
      try {
        await call('processing.update', { id: doc.id, status });
        await refresh(rows.length);
      } catch (e) {
        setError(errorMessage(e));
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
            <button key={f.value} type="button" className="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
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
      {total !== null && rows.length < total ? (
        <button type="button" className="button" disabled={busy} onClick={() => void more()}>
          Xem thêm
        </button>
      ) : null}
    </section>
  );
}
