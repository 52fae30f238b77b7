import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { showDate } from '../../util/dates.ts';
import { CaseFilesDuePanel } from './CaseFilesDuePanel.tsx';
import { IncomingPanels } from './IncomingPanels.tsx';
import { OutgoingPanels } from './OutgoingPanels.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { HORIZON_OPTIONS } from './today-words.ts';
import { useHorizon } from './use-horizon.ts';

// A scheduled sync or another window may bring work while the screen stays open.
const POLL_MS = 30_000;

// Hôm nay, the screen the app opens on: the day's work in the order the clerk does it. Every line
// opens what it is about; the server decides what is late (Art. 18.1, 23.1) and counts working
// days, the screen only shows.
export function TodayScreen() {
  const [horizonDays, setHorizonDays] = useHorizon();
  const summary = useQuery({ ...apiQuery('today.summary', { horizonDays }), refetchInterval: POLL_MS, placeholderData: keepPreviousData });
  const s = summary.data;
  return (
    <section className="screen screen--today" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Hôm nay{s ? `, ${showDate(s.today)}` : ''}
        </h1>
        <div className="form__grid">
          <SelectInput
            label="Hạn xử lý trong"
            name="horizon"
            value={String(horizonDays)}
            options={HORIZON_OPTIONS}
            onChange={(v) => setHorizonDays(Number(v))}
          />
        </div>
      </header>
      {summary.error ? (
        <Notice tone="error">
          {errorMessage(summary.error)}{' '}
          <button type="button" className="button" onClick={() => void summary.refetch()}>
            Tải lại
          </button>
        </Notice>
      ) : null}
      {s ? (
        <div className="today-grid">
          <IncomingPanels summary={s} />
          <OutgoingPanels summary={s} />
          <CaseFilesDuePanel pollMs={POLL_MS} />
          <SyncPanel sync={s.sync} />
        </div>
      ) : summary.isPending ? (
        <p>Đang tải…</p>
      ) : null}
    </section>
  );
}
