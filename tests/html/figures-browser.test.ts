/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser, so this file sees the DOM types.
import { mkdirSync, writeFileSync } from 'node:fs';
import { makePng } from '../../scripts/make-images.mjs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolderOf, FIGURES_CONTENT, readContentWithImages, ROOT } from '../support/report.js';
import { browserSite } from './browser-site.js';
import { axeViolations, chromiumAvailable } from './chromium.js';
import { renderFirstEdition, writeFiles } from './support.js';

// Figures in a real browser: Debian's chromium through playwright-core, at a desktop and a phone width.
const SCREENSHOTS = path.join(ROOT, 'tests/output/html');
const hasChromium = chromiumAvailable("the figures' browser tests");

describe.skipIf(!hasChromium)('figures in a browser', () => {
  const site = browserSite('lwr-figures-', async (folder) => {
    const { report, images } = readContentWithImages(FIGURES_CONTENT);
    writeFiles(await renderFirstEdition(report, { images }), path.join(folder, 'figures'));
    // A 300 × 4000 px figure, taller than any window.
    const tall = contentFolderOf({ '01-tall.md': '# Tall\n\nEvery month since 1990.\n\n![A tall chart of every month since 1990](images/tall.png)\n' });
    mkdirSync(path.join(tall, 'images'));
    writeFileSync(path.join(tall, 'images/tall.png'), makePng(300, 4000, { noise: 0.1 }));
    const read = readContentWithImages(tall);
    writeFiles(await renderFirstEdition(read.report, { images: read.images }), path.join(folder, 'tall'));
  });

  for (const width of [1280, 390]) {
    it(`loads every image, scales each figure to the text column and never scrolls sideways at ${width} px`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`${site.origin}/figures/index.html`, { waitUntil: 'load' });
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

  for (const width of [1280, 390]) {
    it(`holds a very tall image to 80 % of the window's height at ${width} px, in its proportions, its caption under it`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.origin}/tall/index.html`, { waitUntil: 'load' });
      const shown = await page.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('figure.figure-image > img')!;
        img.scrollIntoView({ behavior: 'instant', block: 'start' });
        await img.decode();
        const box = img.getBoundingClientRect();
        const style = getComputedStyle(img);
        return { height: box.height, width: box.width, fit: style.objectFit, attributes: [img.getAttribute('width'), img.getAttribute('height')], captionTop: img.nextElementSibling!.getBoundingClientRect().top, bottom: box.bottom };
      });
      expect(shown.height).toBeLessThanOrEqual(800 * 0.8 + 0.5);
      expect(shown.height).toBeGreaterThan(800 * 0.8 - 0.5);
      // The box keeps the attributes' width (no jump while loading); the picture is contained in it, never stretched.
      expect(shown.attributes).toEqual(['300', '4000']);
      expect(shown.fit).toBe('contain');
      expect(shown.captionTop).toBeGreaterThanOrEqual(shown.bottom);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `figures-tall-${width}.png`) });
      await page.close();
    });
  }

  it('has no accessibility violations axe-core can find', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.origin}/figures/index.html`, { waitUntil: 'load' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
