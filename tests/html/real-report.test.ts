import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownInlines, walkBlocks } from '../../src/model/walk.js';
import { flatText } from '../../src/model/text.js';
import type { Report } from '../../src/model/types.js';
import { selectEdition } from '../../src/model/edition.js';
import { render } from '../../src/render/html/index.js';
import type { RenderedFile } from '../../src/render/types.js';
import { realReport } from '../support/report.js';
import { pageOf, parsePage, renderFirstEdition, squash, testContext, textOf } from './support.js';

// The real report (content/), rendered as the publisher renders its first edition.
let report: Report;
let files: RenderedFile[];
let html: string;
let page: Root;

beforeAll(async () => {
  report = realReport();
  files = await renderFirstEdition(report);
  html = pageOf(files);
  page = parsePage(html);
});

const hasClass = (element: Element, name: string) => Array.isArray(element.properties.className) && element.properties.className.includes(name);

/** Remove every element under `node` that `match` picks. */
function removeAll(node: Root | Element, match: (element: Element) => boolean): void {
  node.children = node.children.filter((child) => child.type !== 'element' || !match(child)) as typeof node.children;
  for (const child of node.children) if (child.type === 'element') removeAll(child, match);
}

const one = (selector: string, from: Root | Element = page): Element => {
  const found = select(selector, from);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

describe('the HTML edition of the real report', () => {
  it('is index.html with its stylesheet, icon, fonts and font licences under assets/', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'assets/favicon.svg',
      'assets/fonts/fonts.css',
      'assets/fonts/fontsource-variable-source-sans-3-LICENSE.txt',
      'assets/fonts/fontsource-variable-source-serif-4-LICENSE.txt',
      'assets/fonts/source-sans-3-latin-wght-normal.woff2',
      'assets/fonts/source-serif-4-latin-opsz-italic.woff2',
      'assets/fonts/source-serif-4-latin-opsz-normal.woff2',
      'assets/lwr.css',
      'index.html',
    ]);
  });

  it('passes html-validate’s recommended rules without an error', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const result = await validator.validateString(html);
    const errors = result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(errors.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });

  it('declares the report’s language and shows its title, subtitle and publisher in the header', () => {
    expect(one('html').properties.lang).toBe('en-GB');
    const header = one('body > header');
    expect(textOf(one('h1', header))).toBe(`${report.meta.title} ${report.meta.subtitle}`);
    expect(textOf(header)).toContain(report.meta.publisher);
    expect(selectAll('main', page)).toHaveLength(1);
  });

  it('shows every quote inside its blockquote, with its attribution in the figcaption', () => {
    expect(report.quotes.length).toBeGreaterThan(0);
    for (const quote of report.quotes) {
      const figure = one(`figure#${quote.id}`);
      expect(textOf(one('blockquote', figure))).toBe(squash(quote.text));
      expect(textOf(one('figcaption', figure))).toBe(quote.attribution);
    }
  });

  it('contains every sentence of the content: each paragraph, list item, heading and structure', () => {
    // Footnote numbers and back-links are the page's own apparatus, not content text.
    const main = structuredClone(one('main'));
    removeAll(main, (e) => hasClass(e, 'footnote-ref') || hasClass(e, 'footnote-back'));
    const text = textOf(main);
    const runs: string[] = [];
    for (const section of report.sections) {
      runs.push(section.title);
      walkBlocks([...section.blocks, ...section.footnotes.flatMap((f) => f.children)], (block) => {
        if (block.type === 'publications') {
          // A publication's title and subtitle are set apart; the colon that joined them on one line is not kept.
          for (const item of block.items) runs.push(item.title, item.subtitle ?? '');
          return;
        }
        for (const run of ownInlines(block)) runs.push(flatText(run));
        if (block.type === 'loveLetters') for (const l of block.letters) runs.push(l.name, l.role ?? '', l.place ?? '');
        if (block.type === 'forces') for (const f of block.forces) runs.push(f.name);
        if (block.type === 'comparison') for (const p of block.pairs) runs.push(p.left.title, p.right.title);
        if (block.type === 'poem') runs.push(block.author ?? '', block.authorNote ?? '');
      });
    }
    expect(runs.length).toBeGreaterThan(200);
    const missing = runs.filter((run) => run && !text.includes(run));
    expect(missing).toEqual([]);
  });

  it('numbers each learning and carries its attribution', () => {
    for (const learning of report.learnings) {
      const section = one(`section#${learning.sectionId}`);
      expect(textOf(one('h2', section))).toBe(`Learning ${learning.number}: ${learning.title}`);
      if (learning.attribution) expect(textOf(one('.learning-attribution', section))).toContain(learning.attribution);
    }
  });

  it('lands every in-page link on an element, except the placeholders the link checker reports', () => {
    const ids = new Set(selectAll('[id]', page).map((e) => String(e.properties.id)));
    const hrefs = selectAll('a[href^="#"]', page).map((a) => String(a.properties.href));
    const placeholders = hrefs.filter((h) => h === '#');
    expect(placeholders).toHaveLength(report.links.filter((l) => l.kind === 'placeholder').length);
    for (const href of hrefs.filter((h) => h !== '#')) expect(ids, href).toContain(href.slice(1));
    for (const anchor of report.anchors) expect(ids, anchor).toContain(anchor);
  });

  it('requests nothing from the network: no element points at another host', () => {
    for (const element of selectAll('[src], link[href], [srcset], [poster], [data]', page)) {
      const url = String(element.properties.src ?? element.properties.href ?? '');
      expect(url, `<${element.tagName}>`).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
    }
    const css = files.find((f) => f.path === 'assets/lwr.css');
    expect(String(css?.contents)).not.toMatch(/url\(\s*["']?(?:[a-z]+:|\/\/)/i);
  });
});

describe('rendering', () => {
  it('is deterministic: the same model and context give the same bytes', async () => {
    const again = await renderFirstEdition(report);
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((file, i) => expect(Buffer.from(file.contents).equals(Buffer.from(files[i]!.contents)), file.path).toBe(true));
  });

  it('shows the date from the context, so only the date changes with it', async () => {
    const later = pageOf(await renderFirstEdition(report, { buildDate: new Date('2024-03-05T23:30:00Z') }));
    expect(later).toContain('<time datetime="2024-03-05">5 March 2024</time>');
    expect(html).toContain('<time datetime="1970-01-01">1 January 1970</time>');
    expect(later.replace('<time datetime="2024-03-05">5 March 2024</time>', '')).toBe(html.replace('<time datetime="1970-01-01">1 January 1970</time>', ''));
  });

  it('renders a narrowed edition with only its sections, labelled with the edition', async () => {
    const summary = report.meta.editions.find((e) => e.id === 'summary');
    if (!summary) throw new Error('the real report has no summary edition');
    const narrowed = selectEdition(report, summary);
    const summaryPage = parsePage(pageOf(await render(narrowed, testContext(report, { edition: summary }))));
    expect(selectAll('main > section', summaryPage).map((s) => s.properties.id)).toEqual(summary.sections);
    expect(selectAll('nav.contents a', summaryPage).map((a) => a.properties.href)).toEqual(summary.sections?.map((id) => `#${id}`));
    expect(textOf(select('.masthead-edition', summaryPage)!)).toBe('Summary');
    expect(textOf(select('title', summaryPage)!)).toBe('Living Well UK: Learning Report 2023 (Summary)');
  });
});
