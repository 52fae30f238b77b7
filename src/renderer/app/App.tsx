import { useMemo } from 'react';
import { Notice } from '../components/Notice.tsx';
import { FirstRun } from '../screens/settings/FirstRun.tsx';
import { AppContext, type AppContextValue } from './app-context.ts';
import { IntegrityBanner } from './IntegrityBanner.tsx';
import { LeaveDialog } from './LeaveDialog.tsx';
import { ScreenView } from './ScreenView.tsx';
import { Sidebar } from './Sidebar.tsx';
import { useAppInfo } from './use-app-info.ts';
import { useListFilters } from './use-list-filters.ts';
import { useNavigation } from './use-navigation.ts';
import { useShortcuts } from './use-shortcuts.ts';

export function App() {
  const { info, profile, loadError } = useAppInfo();
  const { listFilters, setFilters } = useListFilters(info?.today);
  const nav = useNavigation();
  const { navigate, searchRequest } = nav;
  useShortcuts({ onNewIncoming: nav.onNewIncoming, onSearch: nav.onSearch });

  const context = useMemo<AppContextValue | null>(
    () => (info && profile !== undefined ? { info, profile, navigate, searchRequest } : null),
    [info, profile, navigate, searchRequest],
  );

  if (!context || !listFilters) {
    return <main className="loading">{loadError ? <Notice tone="error">{loadError}</Notice> : <p>Đang mở dữ liệu…</p>}</main>;
  }
  return (
    <AppContext.Provider value={context}>
      {context.info.initialized ? (
        <div className="shell">
          <Sidebar route={nav.route} agencyName={context.profile?.name ?? ''} />
          <main className="shell__main" id="main">
            <IntegrityBanner />
            <ScreenView route={nav.route} visit={nav.visit} listFilters={listFilters} onListFiltersChange={setFilters} />
          </main>
          {nav.leaving ? <LeaveDialog onLeave={nav.leave} onStay={nav.stay} /> : null}
        </div>
      ) : (
        <FirstRun />
      )}
    </AppContext.Provider>
  );
}
