import type { TodaySummary } from '../../../shared/api/schemas/today.ts';
import { useApp } from '../../app/app-context.ts';
import { showDateTime } from '../../util/dates.ts';
import { OUTCOME_WORDS } from './today-words.ts';

// The last sync and the network as last seen; the sync itself is run from Liên thông.
export function SyncPanel({ sync }: { readonly sync: TodaySummary['sync'] }) {
  const { navigate } = useApp();
  return (
    <section className="panel today-panel" aria-labelledby="today-sync-title" data-testid="today-sync">
      <h2 id="today-sync-title">Đồng bộ với trục liên thông</h2>
      {!sync.configured ? (
        <p>Chưa thiết lập kết nối với trục liên thông.</p>
      ) : (
        <>
          {sync.running ? <p>Đang đồng bộ…</p> : null}
          <p>
            {sync.lastRun
              ? `Lần đồng bộ cuối: ${showDateTime(sync.lastRun.finishedAt)} (${OUTCOME_WORDS[sync.lastRun.outcome]}). ${sync.lastRun.messageVi}`
              : 'Chưa đồng bộ lần nào.'}
          </p>
          {sync.lastSuccessAt && sync.lastRun?.outcome !== 'ok' ? <p>Lần thành công cuối: {showDateTime(sync.lastSuccessAt)}.</p> : null}
          {sync.network ? (
            <p>
              Mạng chuyên dùng: {sync.network.reachable ? 'kết nối được' : 'không kết nối được'} (lúc {showDateTime(sync.network.checkedAt)}).
            </p>
          ) : null}
        </>
      )}
      <button type="button" className="button" onClick={() => navigate({ name: 'sync' })}>
        Mở Liên thông
      </button>
    </section>
  );
}
