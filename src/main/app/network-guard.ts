import type { Logger } from '../log/logger.ts';

export interface RequestDetails {
  readonly url: string;
  readonly webContentsId?: number;
}

// The part of Electron's Session that sees every request before it starts.
export interface RequestFilterSession {
  readonly webRequest: {
    onBeforeRequest(listener: (details: RequestDetails, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

const REMOTE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

// A second wall behind the CSP's connect-src 'self': no page may reach the network or the disk,
// whatever a future CSP edit says. Only requests made by a page (they carry a webContentsId) are
// cancelled; the main process's own requests (the hub client) are not a page's to make and are
// not affected.
export function blockPageNetworkAccess(session: RequestFilterSession, logger: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = details.webContentsId !== undefined && isRemoteOrFile(details.url);
    if (cancel) logger.log('warn', 'request.blocked', { url: details.url.slice(0, 200) });
    callback({ cancel });
  });
}

export function isRemoteOrFile(url: string): boolean {
  try {
    return REMOTE_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
