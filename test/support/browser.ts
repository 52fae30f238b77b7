import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import { expect } from 'vitest';
import { tempDir } from './temp-profile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

const CHROMIUM = process.env.VANTHU_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  // Console errors and uncaught page errors, CSP violations included: a clean run has none.
  readonly problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

// Debian's Chromium with a new, empty user-data-dir, so no state leaks between test files.
export async function launchBrowser(): Promise<TestBrowser> {
  const userData = tempDir('vanthu-chromium-');
  const context = await chromium.launchPersistentContext(userData.dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    problems,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await context.close();
      userData.cleanup();
    },
  };
}

// expect.poll waits one second by default; a page on a busy two-core machine (other suites run
// alongside) can take longer to answer, so the UI tests allow more before calling it a failure.
export function poll<T>(read: () => T | Promise<T>, timeout = 20_000) {
  return expect.poll(read, { timeout, interval: 100 });
}

export interface HeldRequests {
  // The request bodies held so far.
  readonly held: readonly string[];
  // Lets the held requests (and any later ones) through and stops holding.
  release(): Promise<void>;
}

// Holds the page's API requests to `operation` until release(), so that a test can act while a
// save is in flight without guessing how long it takes (the UI talks to the bridge with fetch).
export async function holdRequests(page: Page, operation: string): Promise<HeldRequests> {
  const url = `**/api/${operation}`;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held: string[] = [];
  const passing: Promise<void>[] = [];
  const handler = (route: Route) => {
    held.push(route.request().postData() ?? '');
    const passed = gate.then(() => route.continue());
    passing.push(passed);
    return passed;
  };
  await page.route(url, handler);
  return {
    held,
    // Unrouting would let a request still held through on its own, so they go first.
    release: async () => {
      open();
      await Promise.all(passing);
      await page.unroute(url, handler);
    },
  };
}
