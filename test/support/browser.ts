/**
 * Headless Chromium for the browser tests: Debian's `chromium` package
 * driven by playwright-core (which downloads no browser). `.ci/run`
 * installs the package when it is missing; where it cannot be, the browser
 * tests skip and say so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** CHROMIUM_PATH, or where Debian's package puts it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** Screenshots the browser tests leave behind (gitignored). */
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

export const screenshotPath = (name: string): string => path.join(ARTIFACTS, `${name}.png`);
