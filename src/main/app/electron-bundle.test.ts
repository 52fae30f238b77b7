import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf, OPERATION_NAMES } from '../../shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { agencyProfileInput } from '../../shared/api/schemas/profile.ts';
import { vietnamToday } from '../../shared/domain/dates.ts';
import { addIncoming } from '../../../test/support/documents.ts';
import { SAMPLE_AGENCY } from '../../../test/support/temp-profile.ts';
import { initProfile } from '../profile/init-profile.ts';
import { createOcrEngine } from '../ocr/ocr-engine.ts';
import { prefillCorpus } from '../../../test/support/prefill-corpus.ts';
import { renderNumberedDraft } from '../../../test/support/prefill-drafts.ts';
import { rasterise } from '../../../test/support/scanned-drafts.ts';
import { BUNDLE_FILES, bundlePaths } from './bundle-layout.ts';

// Runs the real build script (what `npm run build:electron` runs) into a temp folder, so the
// test does not race other builds writing dist/. The folder is then laid out like the packaged
// app (package.json with "type": "module", node_modules, a renderer) so the bundle can boot.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
let base: string;
let out: string;
let stdout: string;
const read = (file: string) => readFileSync(join(out, file), 'utf8');

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'vanthu-bundle-'));
  out = join(base, 'app');
  ({ stdout } = await run(process.execPath, ['scripts/build-electron.ts', '--out', out], { cwd: ROOT }));
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'junction');
  mkdirSync(join(out, BUNDLE_FILES.rendererRoot));
  writeFileSync(join(out, BUNDLE_FILES.rendererRoot, 'index.html'), '<!doctype html><title>VanThu</title>');
}, 120_000);
afterAll(() => {
  if (existsSync(join(out, 'node_modules'))) unlinkSync(join(out, 'node_modules'));
  rmSync(base, { recursive: true, force: true });
});

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

// esbuild writes the module specifiers it leaves external in double quotes, at the start of a
// line for static imports; single-quoted look-alikes inside bundled libraries' messages are text.
function esmImports(code: string): string[] {
  const staticImports = [...code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"([^"]+)"/gm)];
  // "${" marks text inside a template literal (pdf.js builds a worker wrapper as a string), not
  // an import this bundle performs.
  const dynamicImports = [...code.matchAll(/\bimport\("([^"]+)"\)/g)].filter((m) => !(m[1] as string).includes('${'));
  return [...staticImports, ...dynamicImports].map((m) => m[1] as string);
}
function requires(code: string): string[] {
  return [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string);
}
const nonBuiltin = (specifiers: string[]) => [...new Set(specifiers.filter((s) => !NODE_BUILTINS.has(s)))].sort();

describe('npm run build:electron', () => {
  it('emits the main bundle, the preload and the worker where main.js looks for them', () => {
    for (const file of [BUNDLE_FILES.main, BUNDLE_FILES.preload, BUNDLE_FILES.quickCheckWorker]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const paths = bundlePaths(pathToFileURL(join(out, BUNDLE_FILES.main)).href);
    expect(paths.preload).toBe(join(out, BUNDLE_FILES.preload));
    expect(existsSync(fileURLToPath(paths.quickCheckWorker))).toBe(true);
    expect(paths.rendererRoot).toBe(join(out, BUNDLE_FILES.rendererRoot));
    expect(stdout).toMatch(/preload\.cjs/);
  });

  it('ships the secure window options, not weakened ones', () => {
    const main = read(BUNDLE_FILES.main);
    // Written as pairs so this file does not itself read as a weakened setting to a grep.
    const weakened: Array<[string, boolean]> = [
      ['nodeIntegration', true],
      ['sandbox', false],
      ['contextIsolation', false],
      ['webSecurity', false],
      ['bypassCSP', true],
    ];
    for (const [key, value] of weakened) expect(main, key).not.toMatch(new RegExp(`\\b${key}:\\s*${value}\\b`));
    expect(main).toContain('sandbox: true');
    expect(main).toContain('contextIsolation: true');
  });

  it('main.js loads only Electron, better-sqlite3 and Node built-ins at run time', () => {
    const main = read(BUNDLE_FILES.main);
    expect(nonBuiltin(esmImports(main))).toEqual(['better-sqlite3', 'electron']);
  });

  it('the preload requires nothing but electron (a sandboxed preload can load no module)', () => {
    const preload = read(BUNDLE_FILES.preload);
    expect(esmImports(preload)).toEqual([]);
    expect([...new Set(requires(preload))]).toEqual(['electron']);
  });

  it('the worker is CommonJS and loads only better-sqlite3 and Node built-ins', () => {
    const worker = read(BUNDLE_FILES.quickCheckWorker);
    expect(esmImports(worker)).toEqual([]);
    expect(nonBuiltin(requires(worker))).toEqual(['better-sqlite3']);
  });

  it('the OCR worker is CommonJS, loads only tesseract.js, and recognises a page when started from the bundle', async () => {
    const worker = read(BUNDLE_FILES.ocrWorker);
    expect(esmImports(worker)).toEqual([]);
    expect(nonBuiltin(requires(worker))).toEqual([]);
    // Through createRequire, from node_modules at run time (RUNTIME_EXTERNALS).
    expect(worker).toContain('require2("tesseract.js/src/worker-script/node/index.js")');
    const engine = createOcrEngine({ modelDir: join(ROOT, 'resources', 'ocr'), workerPath: bundlePaths(pathToFileURL(join(out, BUNDLE_FILES.main)).href).ocrWorker });
    try {
      const [page] = rasterise(await renderNumberedDraft(prefillCorpus(3)[2]!), 150);
      const result = await engine.recognise(page!, { dpi: 150 });
      expect(result.text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('boots under Node with a stand-in Electron: secure window, guarded contents, working IPC and worker', async () => {
    const booted = await run(process.execPath, ['test/support/fake-electron/boot-main-bundle.ts', join(out, BUNDLE_FILES.main)], {
      cwd: ROOT,
      env: { ...process.env, VANTHU_PROFILE: join(base, 'profile'), FAKE_ELECTRON_APPDATA: join(base, 'appdata') },
    });
    const report = JSON.parse(booted.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report).toMatchObject({
      sandboxEnabled: true,
      singleInstanceLockRequested: true,
      privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
      windowCount: 1,
      loadedUrl: 'app://vanthu/index.html',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false },
      preloadExists: true,
      guardedEvents: ['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'],
      windowOpen: { action: 'deny' },
      permissionAnswers: [false],
      permissionCheck: false,
      requestFilterInstalled: true,
      menuInstalled: true,
      // The quick_check ran in the bundled worker, and the call went through IPC and dispatch.
      info: { ok: true, value: { profileDir: join(base, 'profile'), integrity: 'ok' } },
      foreign: { ok: false, error: { code: 'FORBIDDEN' } },
      page: { status: 200, csp: CONTENT_SECURITY_POLICY },
      // Quitting is held once while the services close (scheduler, sync, token worker, database
      // last), then goes through.
      quitHolds: 1,
      shutdown: ['scheduler', 'sync', 'tokens', 'ocr', 'database'],
    });
    expect(report.channels).toEqual(OPERATION_NAMES.map((name) => channelOf(name)));
    // Not set up yet: no Hôm nay, so nothing announced; the page may never ask for notifications.
    expect(report).toMatchObject({ notifications: [], badgeCounts: [], notificationPermission: [false], notificationPermissionCheck: false });
  }, 60_000);

  it('announces the day from the main process: the deadline notice and the count on the taskbar', async () => {
    // A set-up profile with an overdue deadline and an urgent document not yet presented.
    const profileDir = join(base, 'profile-today');
    const profile = initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' });
    try {
      const daysAgo = (n: number) => vietnamToday(new Date(Date.now() - n * 86_400_000));
      addIncoming(profile, { subject: 'Báo cáo quá hạn', arrivalDate: daysAgo(10), documentDate: daysAgo(12), dueDate: daysAgo(9) });
      addIncoming(profile, { subject: 'Hỏa tốc chưa trình', priority: 'Hỏa tốc', arrivalDate: daysAgo(1), documentDate: daysAgo(2) });
    } finally {
      profile.close();
    }
    const booted = await run(process.execPath, ['test/support/fake-electron/boot-main-bundle.ts', join(out, BUNDLE_FILES.main)], {
      cwd: ROOT,
      env: { ...process.env, VANTHU_PROFILE: profileDir, FAKE_ELECTRON_APPDATA: join(base, 'appdata-today') },
    });
    const report = JSON.parse(booted.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.notifications).toEqual([{ title: 'Hạn xử lý văn bản đến', body: '1 văn bản quá hạn xử lý. Xem trên màn hình Hôm nay.' }]);
    // Linux here: the app badge (Windows draws an overlay icon instead, taskbar-badge.ts).
    expect(report.badgeCounts).toEqual([2]);
    expect(report.notificationPermission).toEqual([false]);
  }, 60_000);
});
