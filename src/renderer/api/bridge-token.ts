const STORAGE_KEY = 'vanthu.bridgeToken';

// In browser mode the bridge hands its token over in the URL fragment (#token=…), which is never
// sent to a server. It is moved to sessionStorage (this tab only, gone when the tab closes) and
// wiped from the address bar so it does not end up in history, bookmarks or screenshots.
export function takeBridgeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

export const TOKEN_HEADER = 'X-VanThu-Token';
