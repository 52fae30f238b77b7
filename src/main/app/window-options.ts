import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsSettings {
  // Developer tools are for development builds only; a packaged build ships without them.
  readonly devTools: boolean;
}

// The main window, exported so that tests assert every secure default (Electron Fiddle's
// getMainWindowOptions). The renderer is treated as untrusted: it runs sandboxed, isolated from
// the preload, with no Node anywhere, and reaches the privileged side only through the preload's
// contract functions. Defaults that Electron already sets are spelled out anyway so that a
// future Electron default change or a careless edit shows up as a failing test.
export function getMainWindowOptions(
  preloadPath: string,
  settings: WindowOptionsSettings = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    title: 'VanThu',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
      // Spell-checking would download dictionaries from Google's servers; this app stays offline.
      spellcheck: false,
      // Dropping a file onto the window must not navigate away from the app and lose a form.
      navigateOnDragDrop: false,
      // A page that loops on alert() gets the "prevent additional dialogs" checkbox.
      safeDialogs: true,
      devTools: settings.devTools,
    },
  };
}
