import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHANNEL_LABELS } from '../../../shared/domain/report-rules.ts';
import { apiQuery } from '../../api/queries.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { showDate } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { BarChart } from './BarChart.tsx';
import { CountsTable } from './CountsTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { ReportStatus } from './ReportStatus.tsx';

const COPY_FORMS = { electronic: 'Bản sao điện tử', paper: 'Bản sao giấy' } as const;
// The years offered: this one and the nine before it (the registers are kept per year).
const YEARS_BACK = 10;

interface YearlyPanelProps {
  readonly year: number;
  readonly thisYear: number;
  readonly onYear: (year: number) => void;
}

// Thống kê công tác văn thư của năm (Appendix VI III.6.a): incoming and outgoing by type and
// channel, copies made, files compiled and handed over.
export function YearlyPanel({ year, thisYear, onYear }: YearlyPanelProps) {
  const query = useQuery({ ...apiQuery('reports.yearly', { year }), placeholderData: keepPreviousData });
  const r = query.data;
  const years = Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const copies = r?.copies.byKind.map((c) => ({ ...c, key: c.kind })) ?? [];
  return (
    <section className="panel stats-panel" aria-labelledby="stats-yearly-title" data-testid="stats-yearly">
      <h2 id="stats-yearly-title">Thống kê công tác văn thư năm {year}</h2>
      <div className="form__grid">
        <SelectInput label="Năm thống kê" name="yearly-year" value={String(year)} options={years} onChange={(v) => onYear(Number(v))} />
      </div>
      <ReportStatus query={query} what="thống kê năm" />
      {r ? (
        <>
          <p>Số liệu tính đến ngày {showDate(r.asOf)}.</p>
          <BarChart
            title={`Văn bản đến và đi năm ${r.year} theo hình thức`}
            unit="văn bản"
            bars={[
              { label: `Văn bản đến: ${CHANNEL_LABELS.hub.toLowerCase()}`, value: r.incoming.hub },
              { label: `Văn bản đến: ${CHANNEL_LABELS.paper.toLowerCase()}`, value: r.incoming.paper },
              { label: `Văn bản đi: ${CHANNEL_LABELS.hub.toLowerCase()}`, value: r.outgoing.hub },
              { label: `Văn bản đi: ${CHANNEL_LABELS.paper.toLowerCase()}`, value: r.outgoing.paper },
              { label: `Văn bản đi: ${CHANNEL_LABELS.unsent.toLowerCase()}`, value: r.outgoing.unsent },
            ]}
            testId="chart-yearly"
          />
          <CountsTable caption={`Văn bản đến năm ${r.year}`} what="Loại văn bản" columns={['hub', 'paper'] as const} labels={CHANNEL_LABELS} lines={r.incoming.byType} totals={r.incoming} />
          <CountsTable caption={`Văn bản đi năm ${r.year}`} what="Loại văn bản" columns={['hub', 'paper', 'unsent'] as const} labels={CHANNEL_LABELS} lines={r.outgoing.byType} totals={r.outgoing} />
          <CountsTable
            caption={`Bản sao văn bản năm ${r.year}`}
            what="Hình thức sao"
            columns={['electronic', 'paper'] as const}
            labels={COPY_FORMS}
            lines={copies}
            totals={{ total: r.copies.total, electronic: copies.reduce((n, c) => n + c.electronic, 0), paper: copies.reduce((n, c) => n + c.paper, 0) }}
          />
          <table className="table counts">
            <caption>Hồ sơ năm {r.year}</caption>
            <tbody>
              <tr>
                <th scope="row">Hồ sơ đã lập (danh mục hồ sơ năm {r.year})</th>
                <td className="number">{showCount(r.caseFiles.compiled)}</td>
              </tr>
              <tr>
                <th scope="row">Trong đó đã kết thúc</th>
                <td className="number">{showCount(r.caseFiles.closed)}</td>
              </tr>
              <tr>
                <th scope="row">Hồ sơ đã nộp lưu trong năm {r.year}</th>
                <td className="number">{showCount(r.caseFiles.handedOver)}</td>
              </tr>
            </tbody>
          </table>
          <ExportButtons report={{ report: 'yearly', year: r.year }} what={`Thống kê công tác văn thư năm ${r.year}`} />
        </>
      ) : null}
    </section>
  );
}
