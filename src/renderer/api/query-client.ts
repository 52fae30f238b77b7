import { focusManager, QueryClient } from '@tanstack/react-query';

// Every read of the screens goes through this one cache (docs/ui.md "How screens load data").
// The data is on this computer, behind the preload or the loopback bridge:
// - no retries: a failure is a Vietnamese message from the server (or "no connection to the
//   bridge"), which the screen shows at once as it is; asking again is the clerk's "Thử lại";
// - networkMode 'always': a commune office is often without internet, which says nothing about
//   reaching our own services, so a read never waits for navigator.onLine;
// - no refetch on focus or reconnect by default: only app.info asks for it (a new day); reading
//   again the token list, a signature check or a draft's rendering each time the window comes
//   back would be slow work for nothing.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, networkMode: 'always', refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false, networkMode: 'always' },
  },
});

// TanStack hears only visibilitychange. A desktop window brought back to the front was visible
// all along, so the window's focus counts as coming back too.
focusManager.setEventListener((cameBack) => {
  const onEvent = () => cameBack();
  window.addEventListener('focus', onEvent);
  document.addEventListener('visibilitychange', onEvent);
  return () => {
    window.removeEventListener('focus', onEvent);
    document.removeEventListener('visibilitychange', onEvent);
  };
});
