import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
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
