import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { OUTGOING_STATE_LABELS, OUTGOING_STATES } from '../../../shared/domain/report-rules.ts';
import { apiQuery } from '../../api/queries.ts';
import { showDate } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { BarChart } from './BarChart.tsx';
import { CountsTable } from './CountsTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import type { Period } from './period.ts';
import { ReportStatus } from './ReportStatus.tsx';
import { periodLine } from './report-words.ts';

// Báo cáo tình hình giải quyết văn bản đi (Appendix VI V.4): issued on time or late against
// Art. 18.1, as the server judges it.
export function OutgoingPanel({ period }: { readonly period: Period }) {
  const query = useQuery({ ...apiQuery('reports.outgoing', period), placeholderData: keepPreviousData });
  const r = query.data;
  return (
    <section className="panel stats-panel" aria-labelledby="stats-outgoing-title" data-testid="stats-outgoing">
      <h2 id="stats-outgoing-title">Tình hình giải quyết văn bản đi</h2>
      <ReportStatus query={query} what="báo cáo văn bản đi" />
      {r ? (
        <>
          <p>
            {periodLine(r)}; tình hình phát hành tính đến ngày {showDate(r.asOf)}.{' '}
            <strong data-testid="stats-outgoing-total">Tổng số văn bản đi: {showCount(r.totals.total)}</strong>
            {r.voided > 0 ? ` (không tính ${showCount(r.voided)} văn bản đã hủy)` : ''}
          </p>
          <div className="stats-charts">
            <BarChart
              title="Văn bản đi theo tình hình phát hành"
              unit="văn bản"
              bars={OUTGOING_STATES.map((s) => ({ label: OUTGOING_STATE_LABELS[s], value: r.totals[s] }))}
              testId="chart-outgoing-states"
            />
            <BarChart title="Văn bản đi theo hình thức gửi" unit="văn bản" bars={r.byChannel.map((l) => ({ label: l.label, value: l.total }))} testId="chart-outgoing-channels" />
          </div>
          <CountsTable caption="Văn bản đi theo loại văn bản" what="Loại văn bản" columns={OUTGOING_STATES} labels={OUTGOING_STATE_LABELS} lines={r.byType} totals={r.totals} />
          <CountsTable caption="Văn bản đi theo hình thức gửi" what="Hình thức" columns={OUTGOING_STATES} labels={OUTGOING_STATE_LABELS} lines={r.byChannel} totals={r.totals} />
          <CountsTable caption="Văn bản đi theo đơn vị soạn thảo" what="Đơn vị" columns={OUTGOING_STATES} labels={OUTGOING_STATE_LABELS} lines={r.byUnit} totals={r.totals} />
          <ExportButtons report={{ report: 'outgoing', from: period.from, to: period.to }} what="Báo cáo tình hình giải quyết văn bản đi" />
        </>
      ) : null}
    </section>
  );
}
