import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { serveFolder } from './static-server.js';

/** What a browser test opens: headless Chromium, and the origin serving its folder of pages. */
export interface BrowserSite {
  readonly browser: Browser;
  readonly origin: string;
}

/**
 * Set up a browser test (call inside its `describe`): before its tests, `write` fills a fresh
 * temporary folder with pages, the folder is served on 127.0.0.1 and Chromium started; after
 * them, all three are closed and removed.
 */
export function browserSite(prefix: string, write: (folder: string) => Promise<void>): BrowserSite {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), prefix));
    await write(folder);
    server = await serveFolder(folder);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get origin() {
      if (!server) throw new Error('the site is not served yet');
      return server.origin;
    },
  };
}
