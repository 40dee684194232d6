/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, realReport } from '../support/report.js';
import { renderFirstEdition, writeFiles } from '../html/support.js';
import { serveFolder } from '../html/static-server.js';
import { WORLD } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: the HTML font tests cannot run (apt-get install chromium)`);

const world = () => {
  const { report } = readContent(WORLD);
  if (!report) throw new Error('the world fixture could not be read');
  return report;
};

describe('the HTML edition’s fonts', () => {
  it('are the subsets the text uses, with their @font-face rules and unicode-range, and the licences', async () => {
    const files = await renderFirstEdition(world());
    const fonts = files.map((f) => f.path).filter((p) => p.startsWith('assets/fonts/')).sort();
    expect(fonts).toEqual([
      'assets/fonts/fonts.css',
      'assets/fonts/fontsource-variable-source-sans-3-LICENSE.txt',
      'assets/fonts/fontsource-variable-source-serif-4-LICENSE.txt',
      'assets/fonts/source-sans-3-latin-ext-wght-normal.woff2',
      'assets/fonts/source-sans-3-latin-wght-normal.woff2',
      'assets/fonts/source-serif-4-latin-ext-opsz-italic.woff2',
      'assets/fonts/source-serif-4-latin-ext-opsz-normal.woff2',
      'assets/fonts/source-serif-4-latin-opsz-italic.woff2',
      'assets/fonts/source-serif-4-latin-opsz-normal.woff2',
    ]);
    const css = String(files.find((f) => f.path === 'assets/fonts/fonts.css')!.contents);
    expect(css).toContain('font-family: "Source Serif 4";');
    expect(css).toMatch(/src: url\("source-serif-4-latin-ext-opsz-normal\.woff2"\) format\("woff2"\);\n {2}unicode-range: U\+0100-02BA/);
  });

  it('of a report in English only are the latin subsets alone', async () => {
    const files = await renderFirstEdition(realReport());
    expect(files.map((f) => f.path).filter((p) => p.endsWith('.woff2')).sort()).toEqual([
      'assets/fonts/source-sans-3-latin-wght-normal.woff2',
      'assets/fonts/source-serif-4-latin-opsz-italic.woff2',
      'assets/fonts/source-serif-4-latin-opsz-normal.woff2',
    ]);
  });

  it('mark language spans and blocks with lang and dir', async () => {
    const page = String((await renderFirstEdition(world())).find((f) => f.path === 'index.html')!.contents);
    expect(page).toContain('<span lang="cy" dir="ltr">Croeso i bawb;');
    expect(page).toContain('<span lang="ar" dir="rtl">السلام عليكم</span>');
    expect(page).toMatch(/<div lang="ar" dir="rtl">\s*<p>نحن نعمل/);
    expect(page).toContain('<div lang="zh-Hans" dir="ltr">');
  });
});

describe.skipIf(!hasChromium)('the HTML edition in Chromium', () => {
  let browser: Browser;
  let site: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    site = mkdtempSync(path.join(os.tmpdir(), 'lwr-world-html-'));
    writeFiles(await renderFirstEdition(world()), path.join(site, 'world'));
    server = await serveFolder(site);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it('draws the Welsh and Polish letters with the page’s own fonts only (CSS.getPlatformFontsForNode)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/world/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const fontsOf = async (selector: string) => {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
      expect(nodeIds.length, selector).toBeGreaterThan(0);
      const used: { familyName: string; isCustomFont: boolean }[] = [];
      for (const nodeId of nodeIds) used.push(...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts);
      return used;
    };
    // Welsh and Polish body text, quotes (italic) and attributions (sans): every glyph from the
    // page's own web fonts (a variable font reports its default instance's name, e.g. "Source Sans 3 ExtraLight").
    for (const selector of ['[lang="cy"]', '[lang="pl"]', '#welsh .attribution', '#polish .attribution', '#polish p']) {
      const used = await fontsOf(selector);
      expect(used.length, selector).toBeGreaterThan(0);
      const foreign = used.filter((font) => !font.isCustomFont || !/^Source (Serif 4|Sans 3)\b/.test(font.familyName));
      expect({ selector, foreign }).toEqual({ selector, foreign: [] });
    }
    await page.close();
  }, 60_000);
});
