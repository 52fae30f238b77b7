import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, protocol, safeStorage, type Session, session, shell, type WebContents } from 'electron';
import { dueHandoversInput } from '../../shared/api/schemas/casefiles.ts';
import { DEFAULT_HORIZON_DAYS } from '../../shared/api/schemas/today.ts';
import { createShellServices } from './shell-services.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.ts';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler } from './app-protocol.ts';
import { bundlePaths } from './bundle-layout.ts';
import { bindIpc } from './ipc-binding.ts';
import { applicationMenuTemplate } from './menu-template.ts';
import { guardWebContents } from './navigation-guard.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { blockPageNetworkAccess } from './network-guard.ts';
import { denyAllPermissions } from './permissions.ts';
import { taskbarCount } from './taskbar-badge.ts';
import { startTodayAlerts, type TodayAlerts } from './today-alerts.ts';
import { getMainWindowOptions } from './window-options.ts';

// The Electron shell: wiring only. Every decision it applies lives in a module of this folder
// that is unit-tested without Electron (see docs/shell-security.md). The bundle is a single ESM
// file, so everything up to the 'ready' event below runs synchronously before 'ready', as the
// scheme registration, the sandbox switch and the userData path require.

protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();
// A fixed folder name, whatever the package name or a dev run: %APPDATA%\VanThu on Windows.
app.setPath('userData', join(app.getPath('appData'), 'VanThu'));

// Windows shows a notification only for the app's AppUserModelID, the installer's appId
// (electron-builder.yml), which also groups the taskbar button the count is drawn on.
if (process.platform === 'win32') app.setAppUserModelId('vn.gov.vanthu.desktop');

const paths = bundlePaths(import.meta.url);
const devTools = !app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one register database is what the lock prevents.
  app.quit();
} else {
  start();
}

function start(): void {
  const services = createShellServices({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    // VANTHU_PROFILE lets tests and trainers run on a throw-away profile.
    profileDir: process.env.VANTHU_PROFILE || join(app.getPath('userData'), 'profile'),
    osCipher: () => safeStorageCipher(safeStorage),
    openPath: (path) => shell.openPath(path),
    paths,
  });
  const { logger, dispatch } = services;
  const ourContents = new Set<WebContents>();
  let mainWindow: BrowserWindow | null = null;
  let alerts: TodayAlerts | null = null;
  // Quitting waits for the services to close (a running sync ends its commit first): the first
  // will-quit is held, the second, after close(), goes through.
  let closed = false;

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
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    alerts?.dispose();
    void services.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  function hardenSession(target: Session): void {
    denyAllPermissions(target, logger);
    blockPageNetworkAccess(target, logger);
  }

  function createMainWindow(): void {
    const window = new BrowserWindow(getMainWindowOptions(paths.preload, { devTools }));
    const contents = window.webContents;
    ourContents.add(contents);
    window.once('ready-to-show', () => {
      window.show();
      // The quick_check and the automatic syncs start once the clerk sees the window, so they
      // never delay the first page (and safeStorage needs 'ready').
      services.checkIntegrity();
      services.startScheduler();
      startAlerts();
    });
    window.on('closed', () => {
      ourContents.delete(contents);
      mainWindow = null;
    });
    mainWindow = window;
    void window.loadURL(APP_ENTRY_URL);
  }

  // A new document from the hub and the day's deadlines as desktop notifications, and the count
  // on the taskbar (docs/ui.md "Thông báo"): the main process shows them with Electron's
  // Notification; the page's own notification permission stays denied (permissions.ts).
  function startAlerts(): void {
    alerts ??= startTodayAlerts(
      {
        read: () => services.handlers['today.summary']({ horizonDays: DEFAULT_HORIZON_DAYS }),
        // The contract's reminder window (30 days, Appendix VI III.5.b), as Hôm nay asks it.
        readDueHandovers: () => services.handlers['caseFiles.dueHandovers'](dueHandoversInput.parse({})),
        notify: (notice) => {
          if (!Notification.isSupported()) return;
          const shown = new Notification({ title: notice.title, body: notice.body });
          // A click brings the window forward; Hôm nay shows what the notice is about.
          shown.on('click', () => {
            if (!mainWindow) return;
            if (mainWindow.isMinimized()) mainWindow.restore();
            mainWindow.focus();
          });
          shown.show();
        },
        setCount: taskbarCount({
          platform: process.platform,
          app,
          window: () => mainWindow,
          imageFromBitmap: (bitmap, size) => nativeImage.createFromBitmap(bitmap, size),
        }),
      },
      logger,
    );
    void alerts.check();
  }

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot, logger));
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ devTools })));
    logger.log('info', 'app.ready', { packaged: app.isPackaged, profile: services.session.dir });
    createMainWindow();
  });
}
