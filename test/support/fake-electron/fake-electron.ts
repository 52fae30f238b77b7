import { tmpdir } from 'node:os';

// A stand-in for the 'electron' module, just large enough for the built main bundle to boot under
// plain Node (boot-main-bundle.ts aliases 'electron' to this file). It records what the shell
// registers so a test can drive it: IPC handlers, the protocol handler, windows and their
// webContents guards, session handlers. It is never part of the app.
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

let resolveShown: () => void = () => {};
let resolveQuitted: () => void = () => {};

export const fake = {
  quitHolds: 0,
  quitted: new Promise<void>((resolve) => {
    resolveQuitted = resolve;
  }),
  sandboxEnabled: false,
  singleInstanceLockRequested: false,
  paths: new Map<string, string>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  windows: [] as FakeBrowserWindow[],
  menu: null as unknown,
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  devicePermissionHandler: null as Listener | null,
  beforeRequest: null as Listener | null,
  windowShown: new Promise<void>((resolve) => (resolveShown = resolve)),
  // What the shell showed of Hôm nay: notifications, app badge counts, Windows overlay icons.
  notifications: [] as Array<{ title: string; body: string }>,
  badgeCounts: [] as number[],
  overlays: [] as Array<{ description: string; hasImage: boolean }>,
  appUserModelId: null as string | null,
};

class FakeApp extends Emitter {
  readonly isPackaged = false;
  enableSandbox(): void {
    fake.sandboxEnabled = true;
  }
  getPath(name: string): string {
    return fake.paths.get(name) ?? process.env.FAKE_ELECTRON_APPDATA ?? tmpdir();
  }
  setPath(name: string, path: string): void {
    fake.paths.set(name, path);
  }
  // Unpackaged Electron reports the folder holding package.json: here, the working directory.
  getAppPath(): string {
    return process.cwd();
  }
  setBadgeCount(count = 0): boolean {
    fake.badgeCounts.push(count);
    return true;
  }
  setAppUserModelId(id: string): void {
    fake.appUserModelId = id;
  }
  requestSingleInstanceLock(): boolean {
    fake.singleInstanceLockRequested = true;
    return true;
  }
  whenReady(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
  // app.quit() emits will-quit with an event the shell may hold (preventDefault) to finish its
  // work first; it then calls quit() again. The fake counts the holds and resolves `quitted` once a
  // will-quit goes through.
  quit(): void {
    let held = false;
    this.emit('will-quit', { preventDefault: () => (held = true) });
    if (held) fake.quitHolds++;
    else resolveQuitted();
  }
}

export const app = new FakeApp();

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | null = null;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    resolveShown();
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return false;
  }
  setOverlayIcon(image: unknown, description: string): void {
    fake.overlays.push({ description, hasImage: image !== null });
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void fake.protocolHandlers.set(scheme, handler),
};

export const ipcMain = {
  handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void fake.ipcHandlers.set(channel, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h: Listener) => void (fake.permissionRequestHandler = h),
    setPermissionCheckHandler: (h: Listener) => void (fake.permissionCheckHandler = h),
    setDevicePermissionHandler: (h: Listener) => void (fake.devicePermissionHandler = h),
    webRequest: { onBeforeRequest: (h: Listener) => void (fake.beforeRequest = h) },
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => void (fake.menu = menu),
};

export const shell = { openPath: async () => '' };

// Shown by the main process, so a test reads what the clerk would see.
export class Notification extends Emitter {
  static isSupported(): boolean {
    return true;
  }
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
  }
  show(): void {
    fake.notifications.push({ title: this.options.title, body: this.options.body });
  }
}

export const nativeImage = {
  createFromBitmap: (bitmap: Buffer, size: { width: number; height: number }) => ({ bitmap, size }),
};

// No OS keyring here: the shell falls back to the profile's key file, as on a Linux desk
// without one.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (): Buffer => {
    throw new Error('safeStorage is not available');
  },
  decryptString: (): string => {
    throw new Error('safeStorage is not available');
  },
};
