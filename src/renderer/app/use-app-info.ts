import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { apiQuery } from '../api/queries.ts';
import { refresh } from '../api/write.ts';
import type { AgencyProfile, AppInfo } from './app-context.ts';

const INTEGRITY_POLL_MS = 3000;
// A backstop for a window that stays in front all night and so never regains focus.
const INFO_REFRESH_MS = 15 * 60_000;

// app.info (the server's today in Vietnam time, the integrity state) and the agency profile.
// app.info is asked again whenever the window comes back into view (query-client.ts), so a
// window left open overnight moves on to the new day; while the background database check has
// no answer yet (after start, after a restore) it is asked every few seconds.
export function useAppInfo(): { info: AppInfo | null; profile: AgencyProfile | null | undefined; loadError: string | null } {
  const info = useQuery({
    ...apiQuery('app.info', {}),
    refetchOnWindowFocus: true,
    refetchInterval: (query) => {
      const integrity = query.state.data?.integrity;
      return integrity === 'unchecked' || integrity === 'running' ? INTEGRITY_POLL_MS : INFO_REFRESH_MS;
    },
  });
  const profile = useQuery(apiQuery('profile.get', {}));
  useNewDay(info.data?.today);
  const failed = info.error ?? profile.error;
  return { info: info.data ?? null, profile: profile.data, loadError: failed ? errorMessage(failed) : null };
}

// On a new day everything the server works out from its today is read again: overdue marks, the
// order of Cần xử lý, the number a registration would get, the date of a draft.
function useNewDay(today: string | undefined): void {
  const known = useRef(today);
  useEffect(() => {
    if (today === undefined) return;
    if (known.current !== undefined && known.current !== today) void refresh();
    known.current = today;
  }, [today]);
}
