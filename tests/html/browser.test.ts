/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser, so this file sees the DOM types.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureReport, renderFirstEdition, writeFiles } from './support.js';
import { realReport, ROOT } from '../support/report.js';
import { browserSite } from './browser-site.js';
import { chromiumAvailable } from './chromium.js';

// The HTML edition in a real browser (Debian's chromium through playwright-core).
const SCREENSHOTS = path.join(ROOT, 'tests/output/html');
const hasChromium = chromiumAvailable("the HTML edition's browser tests");

describe.skipIf(!hasChromium)('the HTML edition in a browser', () => {
  const site = browserSite('lwr-html-', async (folder) => {
    writeFiles(await renderFirstEdition(realReport()), path.join(folder, 'report'));
    writeFiles(await renderFirstEdition(fixtureReport('hostile')), path.join(folder, 'hostile'));
    writeFiles(await renderFirstEdition(fixtureReport('standard-markdown')), path.join(folder, 'standard'));
  });

  /**
   * Open a page at `width`, recording every request it makes (a request the page's own
   * Content-Security-Policy refused never reached the network, so it is not counted) and every
   * dialog it opens.
   */
  async function open(folder: string, width: number): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => {
      const index = requests.lastIndexOf(request.url());
      if (request.failure()?.errorText === 'csp' && index !== -1) requests.splice(index, 1);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${site.origin}/${folder}/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, requests, dialogs };
  }

  const leavesLoopback = (url: string) => !['127.0.0.1', ''].includes(new URL(url).hostname) && !url.startsWith('data:');

  it('has no accessibility violations axe-core can find, on a desktop and on a phone (the report, and standard Markdown)', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const [folder, width] of [['report', 1280], ['report', 390], ['standard', 1280], ['standard', 390]] as const) {
      const { page } = await open(folder, width);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const results = await axe.run(document);
        return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      });
      expect(violations, `${folder} at ${width}px`).toEqual([]);
      await page.close();
    }
  });

  it('requests nothing beyond 127.0.0.1, and everything it requests is there (stylesheet, fonts, icon)', async () => {
    const { page, requests } = await open('report', 1280);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    expect(requests.filter(leavesLoopback)).toEqual([]);
    expect(requests.some((url) => url.endsWith('/assets/lwr.css'))).toBe(true);
    const fonts = await page.evaluate(() => [...document.fonts].map((font) => `${font.family.replace(/"/g, '')} ${font.style} ${font.status}`));
    expect(fonts).toEqual(['Source Serif 4 normal loaded', 'Source Serif 4 italic loaded', 'Source Sans 3 normal loaded']);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('lands every #id link on an element; a bare # is a placeholder the link checker reports', async () => {
    const { page } = await open('report', 1280);
    const { missing, placeholders } = await page.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href') ?? '');
      return {
        missing: links.filter((href) => href !== '#' && !document.getElementById(decodeURIComponent(href.slice(1)))),
        placeholders: links.filter((href) => href === '#').length,
      };
    });
    expect(missing).toEqual([]);
    expect(placeholders).toBe(realReport().links.filter((l) => l.kind === 'placeholder').length);
    // Following a footnote and its back-link moves the reader there and back.
    await page.click('sup.footnote-ref a');
    expect(await page.evaluate(() => location.hash)).toMatch(/-fn-/);
    await page.click(':target .footnote-back');
    expect(await page.evaluate(() => location.hash)).toMatch(/-ref$/);
    await page.close();
  });

  it('fits a 390 px phone without scrolling sideways', async () => {
    const { page } = await open('report', 390);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.close();
  });

  it('prints without the screen furniture', async () => {
    const { page } = await open('report', 1280);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      skipLink: getComputedStyle(document.querySelector('.skip-link')!).display,
      contents: getComputedStyle(document.querySelector('.contents')!).position,
      learning: getComputedStyle(document.querySelector('.section--learning')!).breakBefore,
    }));
    expect(styles).toEqual({ skipLink: 'none', contents: 'static', learning: 'page' });
    await page.close();
  });

  it('runs none of the hostile content’s scripts and sends none of its requests', async () => {
    const { page, requests, dialogs } = await open('hostile', 1280);
    await page.mouse.move(200, 400);
    await page.mouse.click(200, 400);
    expect(dialogs).toEqual([]);
    expect(requests.filter(leavesLoopback)).toEqual([]);
    await page.close();
  });

  it('saves desktop and phone screenshots for people to look at (tests/output/html/)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
      const { page } = await open('report', width);
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      await page.close();
    }
  });
});
