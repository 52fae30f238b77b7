import type { SyncProgressView } from '../../../shared/api/schemas/sync.ts';
import { showBytes, showCount } from '../../util/format.ts';

function Direction({ label, d }: { readonly label: string; readonly d: SyncProgressView['outgoing'] }) {
  return (
    <div className="sync-progress__row">
      <span className="sync-progress__label">{label}</span>
      {/* Nothing found (yet) to move is an empty bar, not a busy one: the count says 0/0. */}
      <progress aria-label={label} max={Math.max(d.total, 1)} value={d.done} />
      <span className="sync-progress__count">
        {showCount(d.done)}/{showCount(d.total)} gói · {showBytes(d.bytes)}
      </span>
    </div>
  );
}

// While a run works: one bar per direction, packages done of those found, and bytes on the wire.
export function SyncProgressBars({ progress }: { readonly progress: SyncProgressView }) {
  return (
    <div className="sync-progress" aria-live="off">
      <Direction label="Gửi đi" d={progress.outgoing} />
      <Direction label="Nhận về" d={progress.incoming} />
    </div>
  );
}
