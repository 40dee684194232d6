/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser, so this file sees the DOM types.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderFirstEdition, writeFiles } from '../html/support.js';
import { browserSite } from '../html/browser-site.js';
import { axeViolations, chromiumAvailable } from '../html/chromium.js';
import { FIXTURES, readContent, ROOT } from '../support/report.js';

// The porting report's HTML edition in a real browser (Debian's chromium through playwright-core).
const SCREENSHOTS = path.join(ROOT, 'tests/output/porting');
const hasChromium = chromiumAvailable("the porting report's browser tests");

describe.skipIf(!hasChromium)('the porting report’s HTML edition in a browser', () => {
  const site = browserSite('lwr-porting-html-', async (folder) => {
    const { report, diagnostics } = readContent(path.join(FIXTURES, 'porting/content'));
    if (!report) throw new Error(JSON.stringify(diagnostics));
    writeFiles(await renderFirstEdition(report), path.join(folder, 'report'));
  });

  async function open(width: number): Promise<Page> {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${site.origin}/report/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  it('fits a 390 px phone without scrolling sideways: wide tables scroll inside their own region', async () => {
    const page = await open(390);
    const sizes = await page.evaluate(() => ({
      page: { scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth },
      regions: [...document.querySelectorAll<HTMLElement>('.table-scroll')].map((r) => ({ scroll: r.scrollWidth, client: r.clientWidth })),
    }));
    expect(sizes.page.scroll).toBeLessThanOrEqual(sizes.page.client);
    // The seven-column costs table is wider than a phone: its region scrolls, not the page.
    expect(sizes.regions.some((r) => r.scroll > r.client)).toBe(true);
    await page.close();
  });

  it('lets a keyboard reach a table region and scroll it', async () => {
    const page = await open(390);
    const scrolled = await page.evaluate(async () => {
      const region = [...document.querySelectorAll<HTMLElement>('.table-scroll')].find((r) => r.scrollWidth > r.clientWidth)!;
      region.focus();
      return { focused: document.activeElement === region, label: region.getAttribute('aria-label') };
    });
    expect(scrolled.focused).toBe(true);
    expect(scrolled.label).toMatch(/^Table: /);
    await page.keyboard.press('ArrowRight');
    // Scrolling may be smooth: wait for it to move rather than read it at once.
    await page.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0, undefined, { timeout: 5000 });
    await page.close();
  });

  it('has no accessibility violations axe-core can find, on a desktop and on a phone', async () => {
    for (const width of [1280, 390]) {
      const page = await open(width);
      expect(await axeViolations(page), `at ${width}px`).toEqual([]);
      await page.close();
    }
  });

  it('saves desktop and phone screenshots for people to look at (tests/output/porting/)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
      const page = await open(width);
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      await page.close();
    }
  });
});
