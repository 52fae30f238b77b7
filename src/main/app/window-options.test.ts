import { describe, expect, it } from 'vitest';
import { getMainWindowOptions } from './window-options.ts';

describe('main window options', () => {
  const options = getMainWindowOptions('/app/dist/preload/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('runs the renderer sandboxed, context-isolated and without Node anywhere', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the given preload and no other', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
  });

  it('has no developer tools unless asked for (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(getMainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(getMainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.sandbox).toBe(true);
  });

  it('is titled VanThu, sized for an office screen and shown only when ready', () => {
    expect(options.title).toBe('VanThu');
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
  });
});
