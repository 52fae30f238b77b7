import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDateTime } from '../../util/dates.ts';
import { showCount } from '../../util/format.ts';
import { InboxDetailView } from './InboxDetail.tsx';
import { InboxList } from './InboxList.tsx';
import { SyncProgressBars } from './SyncProgressBars.tsx';
import { SyncSummary } from './SyncSummary.tsx';
import { TRIGGER_NAMES } from './sync-words.ts';
import { useSyncState } from './use-sync-state.ts';

export function SyncScreen({ inboxId }: { readonly inboxId: number | undefined }) {
  return inboxId === undefined ? <SyncOverview /> : <InboxDetailView id={inboxId} />;
}

// Liên thông: is the specialised network up, when did the last sync succeed, the button, the
// progress of a run and its summary; below, what the hub delivered for the clerk to review.
function SyncOverview() {
  const { state, updatedAt, error: readError } = useSyncState();
  const [startError, setStartError] = useState<{ readonly text: string; readonly at: number } | null>(null);
  const { busy, run } = useInFlight();
  // A failed start is news until the state is read again after it.
  const error = startError && startError.at >= updatedAt ? startError.text : readError;

  // sync.run answers at once; the state it started is then read by the write (and polled).
  const start = () =>
    void run(async () => {
      try {
        await write('sync.run', {});
        setStartError(null);
      } catch (e) {
        setStartError({ text: errorMessage(e), at: Date.now() });
      }
    });

  const network = state?.network;
  return (
    <section className="screen sync" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Liên thông văn bản
        </h1>
        <button type="button" className="button button--primary" onClick={start} disabled={busy || !state || state.running || state.schedule === null}>
          {state?.running ? 'Đang đồng bộ…' : 'Đồng bộ ngay'}
        </button>
      </header>
      <div className="sync__lines">
        {state ? (
          <p className="sync__status" data-testid="sync-network">
            Mạng chuyên dùng: {network ? (network.reachable ? 'có' : 'không') : state.schedule === null ? 'chưa cấu hình' : 'đang kiểm tra…'}
            {network ? ` (kiểm tra lúc ${showDateTime(network.checkedAt)})` : ''} · Đồng bộ thành công gần nhất:{' '}
            {state.lastSuccessAt ? showDateTime(state.lastSuccessAt) : 'chưa có'}
          </p>
        ) : null}
        {network && !network.reachable && network.detail ? <p className="muted">{network.detail}</p> : null}
        {state?.schedule === null ? <Notice tone="info">Chưa cấu hình kết nối trục liên thông. Hãy vào Cài đặt → Trục liên thông.</Notice> : null}
        {state?.schedule ? (
          <p className="muted">
            {state.schedule.enabled && state.schedule.scheduleTime
              ? `Tự động đồng bộ lúc ${state.schedule.scheduleTime} hằng ngày và khi mạng chuyên dùng có lại.`
              : state.schedule.enabled
                ? 'Tự động đồng bộ khi mạng chuyên dùng có lại (chưa đặt giờ cuối ngày).'
                : 'Đồng bộ tự động đang tắt (Cài đặt → Trục liên thông).'}{' '}
            Đang chờ gửi: {showCount(state.pending.documents)} văn bản, {showCount(state.pending.statuses)} trạng thái.
          </p>
        ) : null}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {state?.running && state.progress ? (
        <section className="panel" aria-labelledby="sync-running-title">
          <h2 id="sync-running-title">
            Đang đồng bộ {state.trigger ? TRIGGER_NAMES[state.trigger] : ''} (bắt đầu {showDateTime(state.startedAt)})
          </h2>
          <SyncProgressBars progress={state.progress} />
        </section>
      ) : null}
      {!state?.running && state?.lastRun ? <SyncSummary run={state.lastRun} /> : null}
      <InboxList awaiting={state?.pending.incoming ?? null} />
    </section>
  );
}
