import type { Logger } from '../log/logger.ts';

// The part of Electron's Session that decides web permissions.
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

// The registers need no camera, microphone, location, notifications, USB, serial, HID or
// clipboard-read permission; Electron grants most of them by default. Refusing everything means
// hostile content in the page cannot reach a device, and a feature that one day needs a
// permission has to be granted here, by name, on purpose. (Signing tokens are reached from the
// main process through PKCS#11, never from the page over WebUSB.)
// Desktop notifications (a new document, the day's deadlines) are shown by the main process with
// Electron's Notification (today-alerts.ts), which needs no permission of the page: the page's own
// `notifications` request stays refused, so hostile content cannot pose as the app.
export function denyAllPermissions(session: PermissionSession, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.log('warn', 'permission.denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
