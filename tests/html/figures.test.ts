import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageInline } from '../../src/model/types.js';
import type { RenderedFile } from '../../src/render/types.js';
import { FIGURES_CONTENT, readContentWithImages } from '../support/report.js';
import { pageOf, paragraph, parsePage, renderFirstEdition, reportOf, textOf } from './support.js';

let files: RenderedFile[];
let page: Root;
let html: string;

beforeAll(async () => {
  const { report, images } = readContentWithImages(FIGURES_CONTENT);
  files = await renderFirstEdition(report, { images });
  html = pageOf(files);
  page = parsePage(html);
});

const one = (selector: string, root: Root | Element = page): Element => {
  const found = select(selector, root);
  if (!found) throw new Error(`no ${selector} in the page`);
  return found;
};

describe('figures in the HTML edition', () => {
  it('is a figure with an image that has alt text, its size, lazy loading, and a numbered caption', () => {
    const figure = one('figure#fig-logic-model');
    const img = one('figure#fig-logic-model > img[alt][width][height][loading=lazy]');
    expect(img.properties).toMatchObject({ alt: 'Logic model: inputs lead to activities, activities to outputs, outputs to outcomes', width: 640, height: 200, title: 'The logic model' });
    expect(textOf(one('figcaption', figure))).toBe("Figure 2. The programme's logic model, from inputs to long-term outcomes. Source: Innovation Unit, 2023");
    expect(selectAll('figure.figure-image > img + figcaption', page)).toHaveLength(4);
  });

  it('numbers a figure without a caption all the same', () => {
    expect(textOf(one('figure#charts-figure-1 > figcaption'))).toBe('Figure 1');
  });

  it('publishes each image file once, under its content-hashed name, byte for byte', () => {
    const images = files.filter((f) => f.path.startsWith('assets/images/'));
    expect(images.map((f) => f.path.replace(/-[0-9a-f]{12}\./, '-HASH.')).sort()).toEqual(['assets/images/chart-HASH.png', 'assets/images/icon-HASH.png', 'assets/images/logic-model-HASH.svg', 'assets/images/photo-HASH.jpg']);
    for (const file of images) {
      const hash = createHash('sha256').update(file.contents).digest('hex');
      expect(file.path).toContain(hash.slice(0, 12));
    }
    const chartSources = selectAll('img', page).map((i) => String(i.properties.src)).filter((src) => src.includes('chart-'));
    expect(new Set(chartSources).size).toBe(1);
    expect(chartSources).toHaveLength(2);
  });

  it('keeps an image inside a line of text inline, and gives a decorative one empty alt text', () => {
    const inline = selectAll('p > img', page);
    expect(inline.map((i) => i.properties.alt)).toEqual(['a heart', '']);
  });

  it('lets [Figure 2](#fig-logic-model) land on the figure', () => {
    expect(one('a[href="#fig-logic-model"]')).toBeDefined();
  });

  it("passes html-validate's recommended rules", async () => {
    const result = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});

describe('an image lwr could not publish is never dropped in silence', () => {
  const at = { file: 'content/test.md', line: 1, column: 1 };
  const image = (url: string, problem?: ImageInline['problem']): ImageInline => ({ type: 'image', url, alt: 'A chart of referrals', source: at, ...(problem ? { problem } : {}) });

  it('keeps a missing or remote image as an <img> with its address as written and its alt text', async () => {
    const report = reportOf([paragraph(image('images/missing.png', { kind: 'missing', message: 'm' })), paragraph({ type: 'text', value: 'See ' }, image('https://example.org/a.png', { kind: 'remote', message: 'r' }))]);
    const rendered = parsePage(pageOf(await renderFirstEdition(report)));
    expect(selectAll('img', rendered).map((i) => [i.properties.src, i.properties.alt])).toEqual([
      ['images/missing.png', 'A chart of referrals'],
      ['https://example.org/a.png', 'A chart of referrals'],
    ]);
  });

  it('shows the alt text of an image whose address is not safe to publish, without the address', async () => {
    const report = reportOf([paragraph(image('javascript:alert(1)', { kind: 'outside-content', message: 'x' }))]);
    const rendered = parsePage(pageOf(await renderFirstEdition(report)));
    expect(selectAll('img', rendered)).toEqual([]);
    expect(textOf(one('.image-removed', rendered))).toBe('A chart of referrals');
  });

  it('keeps the page\'s policy: images only from the page\'s own folder', () => {
    expect(html).toContain("img-src 'self'");
  });
});
