import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Direction } from '../../shared/api/schemas/series.ts';
import { errorMessage } from '../api/api-error.ts';
import { call } from '../api/client.ts';
import { Notice } from '../components/Notice.tsx';
import { FirstRun } from '../screens/settings/FirstRun.tsx';
import { DEFAULT_FILTERS, type ListFilters } from '../screens/register/list-filters.ts';
import { AppContext, type AgencyProfile, type AppContextValue, type AppInfo } from './app-context.ts';
import { IntegrityBanner } from './IntegrityBanner.tsx';
import type { Route } from './routes.ts';
import { ScreenView } from './ScreenView.tsx';
import { Sidebar } from './Sidebar.tsx';
import { useShortcuts } from './use-shortcuts.ts';

const INTEGRITY_POLL_MS = 3000;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profile, setProfile] = useState<AgencyProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>({ name: 'list', direction: 'incoming' });
  const [searchRequest, setSearchRequest] = useState(0);
  // Registers are kept per year, so the lists open on this year's (Vietnam time, from the
  // server); "Tất cả" shows every year.
  const [listFilters, setListFilters] = useState<Record<Direction, ListFilters> | null>(null);

  const reload = useCallback(async () => {
    try {
      const [nextInfo, nextProfile] = await Promise.all([call('app.info', {}), call('profile.get', {})]);
      setInfo(nextInfo);
      setProfile(nextProfile);
      setLoadError(null);
      const thisYear = { ...DEFAULT_FILTERS, year: nextInfo.today.slice(0, 4) };
      setListFilters((current) => current ?? { incoming: thisYear, outgoing: thisYear });
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The database check runs in the background after start; ask again until it has an answer.
  const integrity = info?.integrity;
  useEffect(() => {
    if (integrity !== 'unchecked' && integrity !== 'running') return;
    const timer = setTimeout(() => {
      call('app.info', {})
        .then(setInfo)
        .catch(() => undefined);
    }, INTEGRITY_POLL_MS);
    return () => clearTimeout(timer);
  }, [integrity, info]);

  const navigate = useCallback((next: Route) => setRoute(next), []);
  const onNewIncoming = useCallback(() => setRoute({ name: 'incoming-new' }), []);
  const onSearch = useCallback(() => {
    setRoute((r) => (r.name === 'list' ? r : { name: 'list', direction: 'incoming' }));
    setSearchRequest((n) => n + 1);
  }, []);
  useShortcuts({ onNewIncoming, onSearch });

  const context = useMemo<AppContextValue | null>(
    () => (info ? { info, profile, navigate, reload, searchRequest } : null),
    [info, profile, navigate, reload, searchRequest],
  );

  if (!context || !listFilters) {
    return <main className="loading">{loadError ? <Notice tone="error">{loadError}</Notice> : <p>Đang mở dữ liệu…</p>}</main>;
  }
  return (
    <AppContext.Provider value={context}>
      {context.info.initialized ? (
        <div className="shell">
          <Sidebar route={route} agencyName={profile?.name ?? ''} />
          <main className="shell__main" id="main">
            <IntegrityBanner />
            <ScreenView
              route={route}
              listFilters={listFilters}
              onListFiltersChange={(direction, next) => setListFilters((all) => all && { ...all, [direction]: next })}
            />
          </main>
        </div>
      ) : (
        <FirstRun />
      )}
    </AppContext.Provider>
  );
}
