import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { blockPageNetworkAccess, type RequestDetails, type RequestFilterSession } from './network-guard.ts';

describe('page network access', () => {
  function filter() {
    let listener: ((d: RequestDetails, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session: RequestFilterSession = { webRequest: { onBeforeRequest: (fn) => void (listener = fn) } };
    blockPageNetworkAccess(session, silentLogger);
    return (details: RequestDetails) => {
      let answer: boolean | undefined;
      listener?.(details, (r) => (answer = r.cancel));
      return answer;
    };
  }

  it('cancels a page request to the network or the disk', () => {
    const cancelled = filter();
    for (const url of ['https://evil.example/x.js', 'http://192.168.1.10/', 'wss://evil.example/', 'ftp://x/', 'file:///C:/secret.txt']) {
      expect(cancelled({ url, webContentsId: 1 }), url).toBe(true);
    }
  });

  it('lets the page load its own files and inline data', () => {
    const cancelled = filter();
    for (const url of ['app://vanthu/assets/app.js', 'data:image/png;base64,AA==', 'blob:app://vanthu/1234']) {
      expect(cancelled({ url, webContentsId: 1 }), url).toBe(false);
    }
  });

  it('leaves the main process its own requests (no webContents)', () => {
    expect(filter()({ url: 'https://hub.example.gov.vn/api' })).toBe(false);
  });
});
