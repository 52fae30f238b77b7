import { useState } from 'react';
import { useApp } from '../../app/app-context.ts';
import { IncomingPanel } from './IncomingPanel.tsx';
import { OutgoingPanel } from './OutgoingPanel.tsx';
import { namedPeriod, type Period } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ViewsPanel } from './ViewsPanel.tsx';
import { YearlyPanel } from './YearlyPanel.tsx';
import './statistics.css';

// Thống kê (issue 13; Appendix VI V.2, V.4, III.6.a): the reports of a period (incoming and
// outgoing, views and downloads) and the statistics of a year, each as tables, a chart and an
// export to PDF or Excel. The server counts; the screen shows (docs/ui.md "Thống kê").
export function StatisticsScreen(): React.JSX.Element {
  const { info } = useApp();
  const thisYear = Number(info.today.slice(0, 4));
  const [period, setPeriod] = useState<Period>(() => namedPeriod('month', info.today));
  const [year, setYear] = useState(thisYear);
  return (
    <section className="screen screen--statistics" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Thống kê
        </h1>
      </header>
      <PeriodPicker today={info.today} period={period} onPeriod={setPeriod} />
      <IncomingPanel period={period} />
      <OutgoingPanel period={period} />
      <ViewsPanel period={period} />
      <YearlyPanel year={year} thisYear={thisYear} onYear={setYear} />
    </section>
  );
}
