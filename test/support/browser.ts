/**
 * Headless Chromium for the browser tests: Debian's `chromium` package
 * driven by playwright-core (which downloads no browser). `.ci/run`
 * installs the package when it is missing; where it cannot be, the browser
 * tests skip and say so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** CHROMIUM_PATH, or where Debian's package puts it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** What the browser tests leave behind (gitignored): timings, and screenshots when asked for. */
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/browser');

/**
 * A fresh browser (Playwright gives each launch a new, temporary profile).
 * Without the background-networking flags Chromium keeps trying to reach
 * Google's services, which a closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A screenshot of `page` as test-artifacts/browser/<name>.png, for people to look at (docs/demo.md lists them),
 * when BROWSER_SCREENSHOTS=1. Otherwise none: encoding them took a quarter of the browser tests' CPU, and no test
 * reads them.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.BROWSER_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), ...options });
}
