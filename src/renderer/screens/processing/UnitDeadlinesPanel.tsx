import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/processing-history.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDate } from '../../util/dates.ts';

const WINDOWS = [1, 3, 7] as const;

// Theo đơn vị: for each unit of the distributions, its overdue documents and those due within
// the chosen number of days (Appendix VI III.1.l–m), each opening the document.
export function UnitDeadlinesPanel() {
  const { navigate } = useApp();
  const [withinDays, setWithinDays] = useState<number>(3);
  const query = useQuery(apiQuery('processing.unitDeadlines', { withinDays }));
  const units = query.data?.units ?? [];
  return (
    <section className="panel" aria-labelledby="units-title">
      <h2 id="units-title">Quá hạn, sắp đến hạn theo đơn vị</h2>
      <div className="segmented" role="group" aria-label="Sắp đến hạn trong">
        {WINDOWS.map((n) => (
          <button key={n} type="button" className="button" aria-pressed={withinDays === n} onClick={() => setWithinDays(n)}>
            {n} ngày
          </button>
        ))}
      </div>
      {query.error ? <Notice tone="error">{errorMessage(query.error)}</Notice> : null}
      {query.data && units.length === 0 ? <p className="muted">Không đơn vị nào có văn bản quá hạn hoặc đến hạn trong {withinDays} ngày tới.</p> : null}
      {units.length > 0 ? (
        <table className="table" data-testid="unit-deadlines">
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Quá hạn</th>
              <th scope="col">Sắp đến hạn</th>
              <th scope="col">Văn bản</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unit} className={u.overdue > 0 ? 'row--overdue' : undefined}>
                <th scope="row">{u.unit}</th>
                <td>{u.overdue}</td>
                <td>{u.dueSoon}</td>
                <td>
                  <ul>
                    {u.documents.map((d) => (
                      <li key={`${d.documentId}-${d.role}`}>
                        <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: d.documentId })}>
                          Đến {d.number}/{d.year}
                        </button>{' '}
                        {ROLE_LABELS[d.role]}, hạn {showDate(d.dueDate)}
                        {d.overdue ? ' (quá hạn)' : ''} — {d.subject}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
