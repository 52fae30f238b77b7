import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

// Boots a built main bundle under plain Node with 'electron' replaced by fake-electron.ts, drives
// it the way Electron would (ready, window shown, IPC calls, app:// requests, quit) and prints
// what happened as one JSON line. Usage: node boot-main-bundle.ts DIST/main/main.js
const fakeUrl = new URL('./fake-electron.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, next) => (specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : next(specifier, context)),
});

const { fake, app } = (await import(fakeUrl)) as typeof import('./fake-electron.ts');
const mainPath = process.argv[2];
if (!mainPath) throw new Error('usage: boot-main-bundle.ts MAIN_BUNDLE');
await import(pathToFileURL(mainPath).href);
await fake.windowShown;

const window = fake.windows[0];
const ours = { sender: window?.webContents, senderFrame: { url: 'app://vanthu/index.html', parent: null } };
const invoke = (op: string, input: unknown, event: unknown = ours) => {
  const handler = fake.ipcHandlers.get(`vanthu:${op}`);
  if (!handler) throw new Error(`no IPC handler for ${op}`);
  return handler(event, input) as Promise<{ ok: boolean; value?: { integrity?: string } }>;
};

// The quick_check runs in its worker after the window shows; wait for its verdict.
let info = await invoke('app.info', {});
for (let i = 0; i < 200 && (info.value?.integrity === 'running' || info.value?.integrity === 'unchecked'); i++) {
  await new Promise((r) => setTimeout(r, 50));
  info = await invoke('app.info', {});
}

// On a set-up profile the shell reads Hôm nay once the window shows: wait for its count.
if ((info.value as { initialized?: boolean } | undefined)?.initialized) {
  for (let i = 0; i < 100 && fake.badgeCounts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
}

const serve = fake.protocolHandlers.get('app');
const page = serve ? await serve(new Request('app://vanthu/index.html')) : null;
const webPreferences = (window?.options.webPreferences ?? {}) as Record<string, unknown>;
const permissionAnswers: boolean[] = [];
fake.permissionRequestHandler?.({}, 'media', (granted: boolean) => permissionAnswers.push(granted));
// The page may not show notifications of its own: only the main process does.
const notificationPermission: boolean[] = [];
fake.permissionRequestHandler?.({}, 'notifications', (granted: boolean) => notificationPermission.push(granted));

const report = {
  sandboxEnabled: fake.sandboxEnabled,
  singleInstanceLockRequested: fake.singleInstanceLockRequested,
  privilegedSchemes: fake.privilegedSchemes,
  channels: [...fake.ipcHandlers.keys()],
  windowCount: fake.windows.length,
  loadedUrl: window?.loadedUrl,
  webPreferences,
  preloadExists: typeof webPreferences.preload === 'string' && existsSync(webPreferences.preload),
  guardedEvents: [...(window?.webContents.listeners.keys() ?? [])].sort(),
  windowOpen: window?.webContents.windowOpenHandler?.({ url: 'https://example.com/' }),
  permissionAnswers,
  permissionCheck: fake.permissionCheckHandler?.({}, 'media'),
  notificationPermission,
  notificationPermissionCheck: fake.permissionCheckHandler?.({}, 'notifications'),
  notifications: fake.notifications,
  badgeCounts: fake.badgeCounts,
  requestFilterInstalled: fake.beforeRequest !== null,
  menuInstalled: fake.menu !== null,
  info,
  foreign: await invoke('app.info', {}, { sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } }),
  page: page && { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
};
app.quit();
await fake.quitted;
const logLines = readFileSync(join(String(process.env.VANTHU_PROFILE), 'logs', 'vanthu.log'), 'utf8').split('\n').filter(Boolean);
const shutdown = logLines.map((line) => JSON.parse(line) as { event: string; step?: string }).filter((e) => e.event === 'shutdown').map((e) => e.step);
console.log(JSON.stringify({ ...report, quitHolds: fake.quitHolds, shutdown }));
process.exit(0);
