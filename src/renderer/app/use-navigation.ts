import { useCallback, useState } from 'react';
import type { Route } from './routes.ts';
import { hasUnsavedChanges } from './unsaved-changes.ts';

// Where the app is, and the way there. Every move (sidebar, links, Ctrl+N / Alt+N, Ctrl+K) first
// asks when a form holds unsaved input: `pendingLeave` is the move waiting for the clerk's answer.
// `visit` counts moves, so a form opened again (Ctrl+N on the incoming form) starts empty.
export function useNavigation() {
  const [route, setRoute] = useState<Route>({ name: 'today' });
  const [visit, setVisit] = useState(0);
  const [searchRequest, setSearchRequest] = useState(0);
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);

  const guard = useCallback((go: () => void) => {
    if (hasUnsavedChanges()) setPendingLeave(() => go);
    else go();
  }, []);

  const navigate = useCallback(
    (next: Route) =>
      guard(() => {
        setRoute(next);
        setVisit((n) => n + 1);
      }),
    [guard],
  );
  const onNewIncoming = useCallback(() => navigate({ name: 'incoming-new' }), [navigate]);
  const onSearch = useCallback(
    () =>
      guard(() => {
        setRoute((r) => (r.name === 'list' ? r : { name: 'list', direction: 'incoming' }));
        setSearchRequest((n) => n + 1);
      }),
    [guard],
  );
  const leave = useCallback(() => {
    setPendingLeave(null);
    pendingLeave?.();
  }, [pendingLeave]);
  const stay = useCallback(() => setPendingLeave(null), []);

  return { route, visit, searchRequest, navigate, onNewIncoming, onSearch, leaving: pendingLeave !== null, leave, stay };
}
