import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStateView } from '../../../shared/api/schemas/sync.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';

const POLL_MS = 500;
// Idle, it still looks now and then: a scheduled run (end of day, network back) may start.
const IDLE_POLL_MS = 5000;

// The sync state, read at once, then with a probe of the network (it can take the probe's few
// seconds), and every half second while a run works (every few seconds otherwise). `finished` counts the runs seen ending, so
// the screen can read the inbox again.
export function useSyncState() {
  const [state, setState] = useState<SyncStateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState(0);
  const wasRunning = useRef(false);

  const accept = useCallback((next: SyncStateView) => {
    if (wasRunning.current && !next.running) setFinished((n) => n + 1);
    wasRunning.current = next.running;
    setState(next);
    setError(null);
  }, []);

  useEffect(() => {
    let live = true;
    call('sync.state', {})
      .then((s) => {
        if (!live) return;
        accept(s);
        return call('sync.state', { probe: true }).then((probed) => live && accept(probed));
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [accept]);

  const running = state?.running ?? false;
  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      call('sync.state', {})
        .then((s) => live && accept(s))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, running ? POLL_MS : IDLE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, accept]);

  return { state, error, finished, accept, setError };
}
