import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, type Session, session, shell, type WebContents } from 'electron';
import { profilePaths } from '../profile/profile-paths.ts';
import { createDispatch } from '../services/dispatch.ts';
import { createHandlers, type DesktopPort } from '../services/handlers.ts';
import { IntegrityMonitor } from '../services/integrity-monitor.ts';
import { ProfileSession } from '../services/profile-session.ts';
import { fileKeyCipher } from '../hub/secret-cipher.ts';
import { type CipherFor, createHubHandlers } from '../services/hub-handlers.ts';
import { createIssuanceHandlers } from '../services/issuance-handlers.ts';
import { createSigningHandlers } from '../services/signing-handlers.ts';
import { createSyncHandlers } from '../services/sync-handlers.ts';
import { startSyncScheduler, type SyncScheduler } from '../sync/sync-scheduler.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.ts';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler } from './app-protocol.ts';
import { bundlePaths } from './bundle-layout.ts';
import { bindIpc } from './ipc-binding.ts';
import { applicationMenuTemplate } from './menu-template.ts';
import { guardWebContents } from './navigation-guard.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { blockPageNetworkAccess } from './network-guard.ts';
import { denyAllPermissions } from './permissions.ts';
import { getMainWindowOptions } from './window-options.ts';

// The Electron shell: wiring only. Every decision it applies lives in a module of this folder
// that is unit-tested without Electron (see docs/shell-security.md). The bundle is a single ESM
// file, so everything up to the 'ready' event below runs synchronously before 'ready', as the
// scheme registration, the sandbox switch and the userData path require.

protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();
// A fixed folder name, whatever the package name or a dev run: %APPDATA%\VanThu on Windows.
app.setPath('userData', join(app.getPath('appData'), 'VanThu'));

const paths = bundlePaths(import.meta.url);
const devTools = !app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one register database is what the lock prevents.
  app.quit();
} else {
  start();
}

function start(): void {
  // VANTHU_PROFILE lets tests and trainers run on a throw-away profile.
  const profileSession = new ProfileSession(process.env.VANTHU_PROFILE || join(app.getPath('userData'), 'profile'));
  const logger = profileSession.logger;
  const integrity = new IntegrityMonitor(logger, paths.quickCheckWorker);
  const desktop: DesktopPort = { openPath: async (path) => (await shell.openPath(path)) === '' };
  // extraResources (electron-builder.yml) puts <repo>/resources at <install>/resources/resources.
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  // The PDF appearance writer finds the font through this variable in the packaged app.
  process.env.VANTHU_FONTS_DIR = join(resourcesDir, 'fonts');
  const signing = createSigningHandlers(() => profileSession.requireInitialized(), { resourcesDir, tokenWorkerUrl: paths.tokenWorker });
  const issuance = createIssuanceHandlers(() => profileSession.requireInitialized(), signing);
  // safeStorage is asked at each use, after 'ready' (before it the OS keyring may not be known);
  // where the OS offers none, the profile's key file (docs/sync.md).
  const cipherFor: CipherFor = (p) => safeStorageCipher(safeStorage) ?? fileKeyCipher(p.paths.root);
  const hub = createHubHandlers(() => profileSession.requireInitialized(), cipherFor);
  const sync = createSyncHandlers(() => profileSession.requireInitialized(), cipherFor, { resourcesDir });
  const dispatch = createDispatch(
    createHandlers(profileSession, desktop, integrity, { resourcesDir, signing: signing.handlers, issuance, hub, sync: sync.handlers }),
    logger,
  );
  // The end-of-day and network-back syncs; started once the window shows (safeStorage needs 'ready').
  let scheduler: SyncScheduler | null = null;
  const ourContents = new Set<WebContents>();
  let mainWindow: BrowserWindow | null = null;
  let integrityStarted = false;

  bindIpc(ipcMain, dispatch, (contents) => ourContents.has(contents as WebContents), logger);

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, logger));
  app.on('session-created', (created) => hardenSession(created));
  // A crashed page would leave a blank window: log it and load the app again (the data is safe
  // on the main side; at worst an unsaved form is lost).
  app.on('render-process-gone', (_event, contents, details) => {
    logger.log('error', 'renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit' && ourContents.has(contents) && !contents.isDestroyed()) contents.reload();
  });
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // A run cut here is continued by the next one (docs/sync.md): nothing is lost or doubled.
    scheduler?.dispose();
    void signing.close();
    profileSession.close();
  });

  function hardenSession(target: Session): void {
    denyAllPermissions(target, logger);
    blockPageNetworkAccess(target, logger);
  }

  // The quick_check starts once the clerk sees the window, so it never delays the first page.
  function startIntegrityCheck(): void {
    if (integrityStarted) return;
    integrityStarted = true;
    try {
      profileSession.current();
      void integrity.start(profilePaths(profileSession.dir).database);
    } catch (e) {
      // The page learns about it through app.info, which shows the way forward.
      logger.log('error', 'profile.open.failed', { detail: (e as Error).message });
    }
  }

  function createMainWindow(): void {
    const window = new BrowserWindow(getMainWindowOptions(paths.preload, { devTools }));
    const contents = window.webContents;
    ourContents.add(contents);
    window.once('ready-to-show', () => {
      window.show();
      startIntegrityCheck();
      scheduler ??= startSyncScheduler(sync.service, () => profileSession.requireInitialized());
    });
    window.on('closed', () => {
      ourContents.delete(contents);
      mainWindow = null;
    });
    mainWindow = window;
    void window.loadURL(APP_ENTRY_URL);
  }

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot, logger));
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ devTools })));
    logger.log('info', 'app.ready', { packaged: app.isPackaged, profile: profileSession.dir });
    createMainWindow();
  });
}
