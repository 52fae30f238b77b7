import { describe, expect, it } from 'vitest';
import type { Logger } from '../log/logger.ts';
import { type GuardableContents, guardWebContents, type NavigationEvent } from './navigation-guard.ts';

type Listener = (e: NavigationEvent) => void;

// A stand-in for Electron's WebContents that records what the guard registers.
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const emit = (event: string, url = '') => {
    let prevented = false;
    for (const l of listeners.get(event) ?? []) l({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as GuardableContents, emit, open: (url: string) => openHandler?.({ url }) };
}

function recordingLogger() {
  const events: string[] = [];
  const logger: Logger = { log: (_level, event) => void events.push(event) };
  return { logger, events };
}

describe('navigation guard', () => {
  it('prevents navigations and redirects of any frame away from app://vanthu/', () => {
    const f = fakeContents();
    const { logger, events } = recordingLogger();
    guardWebContents(f.contents, logger);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///C:/Windows/win.ini', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank']) {
        expect(f.emit(event, url), `${event} ${url}`).toBe(true);
      }
    }
    expect(events).toContain('navigation.blocked');
  });

  it('lets the app move within its own origin', () => {
    const f = fakeContents();
    guardWebContents(f.contents, recordingLogger().logger);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(f.emit(event, 'app://vanthu/index.html'), event).toBe(false);
      expect(f.emit(event, 'app://vanthu/registers/incoming'), event).toBe(false);
    }
  });

  it('denies every window.open, even to the app itself', () => {
    const f = fakeContents();
    const { logger, events } = recordingLogger();
    guardWebContents(f.contents, logger);
    expect(f.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.open('app://vanthu/index.html')).toEqual({ action: 'deny' });
    expect(events).toContain('window-open.blocked');
  });

  it('refuses to attach a <webview>', () => {
    const f = fakeContents();
    guardWebContents(f.contents, recordingLogger().logger);
    expect(f.emit('will-attach-webview')).toBe(true);
  });
});
