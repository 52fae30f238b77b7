import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { SyncStateView } from '../../../shared/api/schemas/sync.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { refresh } from '../../api/write.ts';

const POLL_MS = 500;
// Idle, it still looks now and then: a scheduled run (end of day, network back) may start.
const IDLE_POLL_MS = 5000;

// The sync state, read at once and polled: every half second while a run works, every few seconds
// otherwise. TanStack never starts a poll while the last one is still out. Once, when the screen
// opens, it is also read with a probe of the network (which can take the probe's few seconds);
// the newer of the two answers is shown. When a run ends, the inbox is read again for what it
// brought. `updatedAt` is when the shown state was read.
export function useSyncState(): { state: SyncStateView | null; updatedAt: number; error: string | null } {
  const polled = useQuery({
    ...apiQuery('sync.state', {}),
    refetchInterval: (query) => (query.state.data?.running ? POLL_MS : IDLE_POLL_MS),
  });
  // Not kept once the screen closes: each visit probes again.
  const probed = useQuery({ ...apiQuery('sync.state', { probe: true }), gcTime: 0 });
  const newest = probed.dataUpdatedAt > polled.dataUpdatedAt ? probed : polled;

  const running = polled.data?.running ?? false;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void refresh(['inbox.list']);
    wasRunning.current = running;
  }, [running]);

  return { state: newest.data ?? null, updatedAt: newest.dataUpdatedAt, error: polled.error ? errorMessage(polled.error) : null };
}
