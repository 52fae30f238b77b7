import type { Logger } from '../log/logger.ts';
import { isAppUrl } from './app-origin.ts';

export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

// The part of Electron's WebContents the guard needs, so it can be tested with a fake.
export interface GuardableContents {
  on(event: 'will-navigate', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

// Applied to every webContents the app ever creates ('web-contents-created'), so a page that
// got hostile content into it still cannot take the window elsewhere: navigations and
// redirects of any frame must stay on app://vanthu/, no new window is ever opened (the app has
// nothing to show on the web and works offline, so there is no "open externally" path to
// abuse), and <webview> cannot be attached even if the tag were somehow enabled.
export function guardWebContents(contents: GuardableContents, logger: Logger): void {
  const stayOnApp = (kind: string) => (e: NavigationEvent) => {
    if (isAppUrl(e.url)) return;
    e.preventDefault();
    logger.log('warn', 'navigation.blocked', { kind, url: clip(e.url) });
  };
  contents.on('will-navigate', stayOnApp('will-navigate'));
  contents.on('will-redirect', stayOnApp('will-redirect'));
  contents.on('will-frame-navigate', stayOnApp('will-frame-navigate'));
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    logger.log('warn', 'webview.blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.log('warn', 'window-open.blocked', { url: clip(url) });
    return { action: 'deny' };
  });
}

// A data: URL can be megabytes; the log needs only enough to recognise it.
function clip(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
