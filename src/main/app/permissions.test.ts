import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { denyAllPermissions, type PermissionSession } from './permissions.ts';

describe('permissions', () => {
  type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
  type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  type DeviceHandler = Parameters<PermissionSession['setDevicePermissionHandler']>[0];

  function installed() {
    const h: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
    denyAllPermissions(
      {
        setPermissionRequestHandler: (fn) => void (h.request = fn),
        setPermissionCheckHandler: (fn) => void (h.check = fn),
        setDevicePermissionHandler: (fn) => void (h.device = fn),
      },
      silentLogger,
    );
    return h;
  }

  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen', 'unknown'];

  it('answers every permission request with no', () => {
    const h = installed();
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      h.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
  });

  it('reports every permission as not granted, and every device as not allowed', () => {
    const h = installed();
    for (const permission of PERMISSIONS) expect(h.check?.({}, permission), permission).toBe(false);
    expect(h.device?.({ deviceType: 'usb', origin: 'app://vanthu' })).toBe(false);
  });
});
