import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { VIEWS_DEFAULT_LIMIT } from '../../../shared/api/schemas/reports.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { showCount } from '../../util/format.ts';
import { BarChart } from './BarChart.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import type { Period } from './period.ts';
import { ReportStatus } from './ReportStatus.tsx';
import { documentName, periodLine } from './report-words.ts';

// The most used documents drawn in the chart; the table lists all the report returns (the
// VIEWS_DEFAULT_LIMIT most used, as the export writes them).
const CHART_ROWS = 10;

// Lượt xem, tải văn bản (Appendix VI III.6.a), from the audit log: a document's detail opened,
// one of its files opened or downloaded.
export function ViewsPanel({ period }: { readonly period: Period }) {
  const { navigate } = useApp();
  const query = useQuery({ ...apiQuery('reports.views', { ...period, limit: VIEWS_DEFAULT_LIMIT }), placeholderData: keepPreviousData });
  const r = query.data;
  return (
    <section className="panel stats-panel" aria-labelledby="stats-views-title" data-testid="stats-views">
      <h2 id="stats-views-title">Lượt xem, tải văn bản</h2>
      <ReportStatus query={query} what="thống kê lượt xem" />
      {r ? (
        <>
          <p data-testid="stats-views-totals">
            {periodLine(r)}: {showCount(r.totals.documents)} văn bản, {showCount(r.totals.views)} lượt xem, {showCount(r.totals.downloads)} lượt mở, tải tệp.
          </p>
          {r.rows.length > 0 ? (
            <BarChart
              title="Văn bản được xem, tải nhiều nhất"
              unit="lượt"
              bars={r.rows.slice(0, CHART_ROWS).map((d) => ({ label: `${documentName(d)}: ${d.subject}`, value: d.views + d.downloads }))}
              testId="chart-views"
            />
          ) : null}
          <table className="table counts">
            <caption>Lượt xem, tải từng văn bản</caption>
            <thead>
              <tr>
                <th scope="col">Văn bản</th>
                <th scope="col">Trích yếu</th>
                <th scope="col" className="number">
                  Lượt xem
                </th>
                <th scope="col" className="number">
                  Lượt mở, tải tệp
                </th>
              </tr>
            </thead>
            <tbody>
              {r.rows.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    Không có lượt xem nào trong kỳ.
                  </td>
                </tr>
              ) : (
                r.rows.map((d) => (
                  <tr key={d.documentId}>
                    <th scope="row">{documentName(d)}</th>
                    <td>
                      <button type="button" className="link-button" onClick={() => navigate({ name: 'document', id: d.documentId })}>
                        {d.subject}
                      </button>
                    </td>
                    <td className="number">{showCount(d.views)}</td>
                    <td className="number">{showCount(d.downloads)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <ExportButtons report={{ report: 'views', from: period.from, to: period.to, limit: VIEWS_DEFAULT_LIMIT }} what="Thống kê lượt xem, tải văn bản" />
        </>
      ) : null}
    </section>
  );
}
