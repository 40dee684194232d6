/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser, so this file sees the DOM types.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_CONTENT, readContentWithImages, ROOT } from '../support/report.js';
import { CHROMIUM, launchChromium } from './chromium.js';
import { serveFolder } from './static-server.js';
import { renderFirstEdition, writeFiles } from './support.js';

// Figures in a real browser: Debian's chromium through playwright-core, at a desktop and a phone width.
const SCREENSHOTS = path.join(ROOT, 'tests/output/html');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: the figures' browser tests cannot run (apt-get install chromium)`);

describe.skipIf(!hasChromium)('figures in a browser', () => {
  let browser: Browser;
  let site: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    site = mkdtempSync(path.join(os.tmpdir(), 'lwr-figures-'));
    const { report, images } = readContentWithImages(FIGURES_CONTENT);
    writeFiles(await renderFirstEdition(report, { images }), path.join(site, 'figures'));
    server = await serveFolder(site);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  for (const width of [1280, 390]) {
    it(`loads every image, scales each figure to the text column and never scrolls sideways at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`${server.origin}/figures/index.html`, { waitUntil: 'load' });
      // The images load lazily: bring each into view and wait until it is decoded.
      await page.evaluate(async () => {
        for (const img of document.querySelectorAll<HTMLImageElement>('main img')) {
          img.scrollIntoView({ behavior: 'instant' });
          await img.decode();
        }
      });
      const shown = await page.evaluate(() => {
        const column = document.querySelector('.section > p')!.getBoundingClientRect().width;
        return {
          column,
          figures: [...document.querySelectorAll<HTMLImageElement>('figure.figure-image > img')].map((img) => ({
            loaded: img.complete && img.naturalWidth > 0,
            width: img.getBoundingClientRect().width,
            ratio: img.getBoundingClientRect().height / img.getBoundingClientRect().width,
            intrinsic: img.height / img.width,
            caption: img.nextElementSibling?.tagName,
          })),
          scrollWidth: document.scrollingElement!.scrollWidth,
          clientWidth: document.scrollingElement!.clientWidth,
        };
      });
      expect(failed).toEqual([]);
      expect(shown.figures).toHaveLength(4);
      for (const figure of shown.figures) {
        expect(figure.loaded).toBe(true);
        expect(figure.caption).toBe('FIGCAPTION');
        expect(figure.width).toBeLessThanOrEqual(shown.column + 0.5);
        // Scaled, not squashed: the shown proportions are the file's.
        expect(figure.ratio).toBeCloseTo(figure.intrinsic, 2);
      }
      expect(shown.scrollWidth).toBeLessThanOrEqual(shown.clientWidth);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.evaluate(() => document.getElementById('fig-logic-model')!.scrollIntoView({ behavior: 'instant', block: 'center' }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `figures-${width}.png`) });
      await page.close();
    });
  }

  it('has no accessibility violations axe-core can find', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/figures/index.html`, { waitUntil: 'load' });
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
