import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { INCOMING_STATE_LABELS, INCOMING_STATES } from '../../../shared/domain/report-rules.ts';
import { apiQuery } from '../../api/queries.ts';
import { showDate } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { BarChart } from './BarChart.tsx';
import { CountsTable } from './CountsTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import type { Period } from './period.ts';
import { ReportStatus } from './ReportStatus.tsx';
import { periodLine } from './report-words.ts';

// Báo cáo tình hình giải quyết văn bản đến (Appendix VI V.2): the server counts and decides each
// document's state on the report's day; the panel only shows the figures.
export function IncomingPanel({ period }: { readonly period: Period }) {
  const query = useQuery({ ...apiQuery('reports.incoming', period), placeholderData: keepPreviousData });
  const r = query.data;
  return (
    <section className="panel stats-panel" aria-labelledby="stats-incoming-title" data-testid="stats-incoming">
      <h2 id="stats-incoming-title">Tình hình giải quyết văn bản đến</h2>
      <ReportStatus query={query} what="báo cáo văn bản đến" />
      {r ? (
        <>
          <p>
            {periodLine(r)}; tình hình tính đến ngày {showDate(r.asOf)}.{' '}
            <strong data-testid="stats-incoming-total">Tổng số văn bản đến: {showCount(r.totals.total)}</strong>
            {r.voided > 0 ? ` (không tính ${showCount(r.voided)} văn bản đã hủy)` : ''}
          </p>
          <div className="stats-charts">
            <BarChart
              title="Văn bản đến theo tình hình giải quyết"
              unit="văn bản"
              bars={INCOMING_STATES.map((s) => ({ label: INCOMING_STATE_LABELS[s], value: r.totals[s] }))}
              testId="chart-incoming-states"
            />
            <BarChart title="Văn bản đến theo hình thức tiếp nhận" unit="văn bản" bars={r.byChannel.map((l) => ({ label: l.label, value: l.total }))} testId="chart-incoming-channels" />
          </div>
          <CountsTable caption="Văn bản đến theo loại văn bản" what="Loại văn bản" columns={INCOMING_STATES} labels={INCOMING_STATE_LABELS} lines={r.byType} totals={r.totals} />
          <CountsTable caption="Văn bản đến theo hình thức tiếp nhận" what="Hình thức" columns={INCOMING_STATES} labels={INCOMING_STATE_LABELS} lines={r.byChannel} totals={r.totals} />
          <CountsTable caption="Văn bản đến theo đơn vị chủ trì giải quyết" what="Đơn vị" columns={INCOMING_STATES} labels={INCOMING_STATE_LABELS} lines={r.byUnit} totals={r.totals} />
          <ExportButtons report={{ report: 'incoming', from: period.from, to: period.to }} what="Báo cáo tình hình giải quyết văn bản đến" />
        </>
      ) : null}
    </section>
  );
}
