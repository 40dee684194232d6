import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which the browser tests drive through playwright-core (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';

/** Start headless Chromium as every browser test does: no sandbox (root in CI), no GPU, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
