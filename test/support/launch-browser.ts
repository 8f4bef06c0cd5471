import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer-core';
import { decodePng } from './decode-png';

/** Where Debian's `chromium` package puts the browser (installed by `npm run setup -- --browser`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never a
 * downloaded browser.
 *
 * @example chromiumPath() // => '/usr/bin/chromium' on Debian with the chromium package
 */
export function chromiumPath(): string | undefined {
  for (const p of [process.env.CHROMIUM_PATH, DEBIAN_CHROMIUM, '/usr/bin/chromium-browser']) {
    if (p && fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Skips the calling mocha suite when no Chromium is installed, with the command that installs
 * it; under CI=true a missing browser is a failure instead, so CI never passes by skipping.
 *
 * @example before(function () { requireChromium(this); })
 */
export function requireChromium(ctx: Mocha.Context): string {
  const exe = chromiumPath();
  if (exe) return exe;
  const msg =
    'Chromium is not installed: run `npm run setup -- --browser` as root (apt-get install -y chromium) ' +
    'or set CHROMIUM_PATH to a Chromium binary';
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`      (skipped: ${msg})`);
  ctx.skip();
}

/** A launched headless browser and the profile folder it owns; `close()` removes both. */
export interface LaunchedBrowser {
  browser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless through puppeteer-core with a fresh profile folder and
 * everything that reaches the network on its own switched off (no update checks, sync, QUIC).
 * One launcher for every browser test, so they all run the same browser the same way.
 *
 * @example const { browser, close } = await launchBrowser(); try { … } finally { await close(); }
 */
export async function launchBrowser(
  opts: { executablePath?: string; width?: number; height?: number } = {},
): Promise<LaunchedBrowser> {
  const executablePath = opts.executablePath ?? chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed: run `npm run setup -- --browser` as root');
  const puppeteer = await import('puppeteer-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    defaultViewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${userDataDir}`,
    ],
  });
  return {
    browser,
    userDataDir,
    async close() {
      try {
        await browser.close();
      } finally {
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Collects what a page reports as wrong (uncaught exceptions, console errors, failed requests),
 * so a test can assert the page ran cleanly.
 *
 * @example const problems = watchPageErrors(page); await page.goto(url); assert.deepEqual(problems, [])
 */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message ?? String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  return problems;
}

/**
 * Counts the pixels of a PNG screenshot that differ from the background colour (the top-left
 * pixel's) by more than `tolerance` in any channel: a chart drawn blank counts ~0.
 *
 * @example nonBackgroundPixels(await element.screenshot()) // => 5321
 */
export function nonBackgroundPixels(png: Uint8Array, tolerance = 16): { count: number; total: number } {
  const { width, height, rgba } = decodePng(png);
  const [r0, g0, b0] = [rgba[0], rgba[1], rgba[2]];
  let count = 0;
  for (let i = 0; i < width * height; i++) {
    const o = i * 4;
    if (
      Math.abs(rgba[o] - r0) > tolerance ||
      Math.abs(rgba[o + 1] - g0) > tolerance ||
      Math.abs(rgba[o + 2] - b0) > tolerance
    )
      count++;
  }
  return { count, total: width * height };
}
