import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Footnote, Report } from '../../src/model/types.js';
import { renderBody } from '../../src/render/html/body.js';
import { render } from '../../src/render/html/index.js';
import { selectEdition } from '../../src/model/edition.js';
import { expectToMatchFile } from '../support/report.js';
import { fixtureReport, HTML_FIXTURES, pageOf, parsePage, renderFirstEdition, testContext, textOf } from './support.js';

// One small report with one of every structure (tests/fixtures/html/structures/content).
let report: Report;
let page: Root;

beforeAll(async () => {
  report = fixtureReport('structures');
  page = parsePage(pageOf(await renderFirstEdition(report)));
});

const one = (selector: string, from: Root | Element = page): Element => {
  const found = select(selector, from);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

describe('the HTML body of the structures fixture', () => {
  it('matches the reviewed expectation (npm run test:update rewrites it)', () => {
    const body = toHtml(renderBody(report), { characterReferences: { useNamedReferences: true } });
    expectToMatchFile(`${body}\n`, path.join(HTML_FIXTURES, 'structures/expected-body.html'));
  });
});

describe('page outline', () => {
  it('has one h1 (the report title), then an h2 for the contents and for every section', () => {
    expect(selectAll('h1', page).map(textOf)).toEqual(['Structures A fixture report']);
    const sectionHeadings = selectAll('main > section', page).map((s) => textOf(one(':scope > header h2, :scope > h2', s)));
    expect(sectionHeadings).toEqual(['Opening words', 'A section with notes', 'A note on language', 'Learning 1: A response is possible', 'A short poem', 'Colophon']);
  });

  it('never skips a heading level, even where the content does', () => {
    const levels = selectAll('h1, h2, h3, h4, h5, h6', page).map((h) => Number(h.tagName.slice(1)));
    levels.forEach((level, i) => expect(level, `heading ${i}`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1));
    expect(textOf(one('h3#a-heading-that-skips-levels'))).toBe('A heading that skips levels');
    expect(one('#a-second-level-heading').tagName).toBe('h3');
    expect(one('#a-third-level-heading').tagName).toBe('h4');
  });

  it('lists every section in the contents, linking to its anchor', () => {
    const links = selectAll('nav.contents a', page).map((a) => a.properties.href);
    expect(links).toEqual(report.sections.map((s) => `#${s.id}`));
    for (const section of report.sections) expect(one(`section#${section.id}`)).toBeTruthy();
  });

  it('numbers a learning visibly and carries its attribution', () => {
    const learning = one('section#learning-1');
    expect(textOf(one('.learning-number', learning))).toBe('Learning 1');
    expect(textOf(one('.learning-attribution', learning))).toBe('Source: Fixture Unit: our conversations');
  });

  it('keeps the colophon title for the outline but hides it visually', () => {
    expect(one('section#colophon > h2').properties.className).toContain('visually-hidden');
  });
});

describe('quotes', () => {
  it('are figure > blockquote + figcaption, the figcaption holding the attribution', () => {
    const figures = selectAll('figure.quote', page);
    expect(figures.map((f) => f.properties.id)).toEqual(report.quotes.map((q) => q.id));
    for (const figure of figures) {
      const children = figure.children.filter((c): c is Element => c.type === 'element').map((c) => c.tagName);
      expect(children).toEqual(['blockquote', 'figcaption']);
    }
  });

  it('mark up the person, the role and the place, keeping the attribution as written', () => {
    const caption = one('#opening-quote-1 figcaption');
    expect(textOf(caption)).toBe('J, Peer worker & poet, Salford');
    expect(textOf(one('.attribution-person', caption))).toBe('J');
    expect(textOf(one('.attribution-role', caption))).toBe('Peer worker & poet');
    expect(textOf(one('.attribution-place', caption))).toBe('Salford');
    const second = one('#opening-quote-2 figcaption');
    expect(textOf(one('.attribution-role', second))).toBe('Leader');
    expect(textOf(one('.attribution-place', second))).toBe('a Living Well site');
  });

  it('keep every paragraph of a multi-paragraph quote', () => {
    expect(selectAll('#opening-quote-1 blockquote > p', page).map(textOf)).toEqual(['“The first paragraph of a quote.”', '“Its second paragraph.”']);
  });
});

describe('the comparison', () => {
  it('is a table whose column headers are the two sides, one row per pair of themes', () => {
    const table = one('table.comparison');
    const heads = selectAll('thead th', table);
    expect(heads.map((th) => th.properties.scope)).toEqual(['col', 'col']);
    expect(heads.map(textOf)).toEqual(['Characteristics of closed systems', 'Characteristics of open systems']);
    const rows = selectAll('tbody tr', table).map((tr) => selectAll('td .comparison-theme', tr).map(textOf));
    expect(rows).toEqual([['Separation', 'Connection'], ['Distance', 'Presence']]);
    expect(textOf(one('caption', table))).toBe('Characteristics of closed and open systems');
  });
});

describe('footnotes', () => {
  const footnote = (label: string): Footnote => {
    const found = report.footnotes.find((f) => f.label === label);
    if (!found) throw new Error(`no footnote [^${label}]`);
    return found;
  };

  it('are cited by the number the model gives them, linking to their definition', () => {
    const refs = selectAll('sup.footnote-ref a', page);
    expect(refs.map(textOf)).toEqual([footnote('src'), footnote('src'), footnote('two')].map((f) => String(f.number)));
    expect(refs.map((a) => a.properties.href)).toEqual([footnote('src'), footnote('src'), footnote('two')].map((f) => `#${f.id}`));
  });

  it('are defined at the end of their section, with a link back to every citation', () => {
    const section = one('section#notes');
    const last = section.children.filter((c): c is Element => c.type === 'element').at(-1);
    expect(last?.properties.className).toContain('footnotes');
    for (const note of report.footnotes) {
      const item = one(`li#${note.id}`, section);
      expect(item.properties.value).toBe(String(note.number));
      const backs = selectAll('a.footnote-back', item).map((a) => String(a.properties.href).slice(1));
      const citing = selectAll('sup.footnote-ref a', page).filter((a) => a.properties.href === `#${note.id}`).map((a) => a.properties.id);
      expect(backs).toEqual(citing);
      expect(new Set(backs).size).toBe(backs.length);
    }
  });
});

describe('the poem', () => {
  it('has one paragraph per stanza with a line break between lines, and its author in the caption', () => {
    const poem = one('figure.poem');
    const stanzas = selectAll('p.stanza', poem);
    expect(stanzas.map((s) => selectAll('.poem-line', s).map(textOf))).toEqual([['First line', 'Second line'], ['Third line', 'Fourth line']]);
    expect(stanzas.map((s) => selectAll('br', s).length)).toEqual([1, 1]);
    expect(textOf(one('figcaption', poem))).toBe('J, A poet from Salford');
  });
});

describe('the glossary', () => {
  it('is a description list whose terms carry the model’s anchors', () => {
    const list = one('dl.glossary');
    expect(selectAll('dt', list).map((dt) => [dt.properties.id, textOf(dt)])).toEqual(report.glossary.map((g) => [g.id, g.term]));
    expect(selectAll('dd', list).map(textOf)).toEqual(report.glossary.map((g) => g.text));
  });
});

describe('the report’s other structures', () => {
  it('key learnings keep their numbers', () => {
    expect(selectAll('ol.key-learnings > li', page).map((li) => [li.properties.value, textOf(li)])).toEqual([
      ['1', 'The first big thing'],
      ['2', 'The second thing'],
    ]);
  });

  it('love letters show the name, role and place', () => {
    const letter = one('.love-letter');
    expect(textOf(one('.love-letter-name', letter))).toBe('Donna Thomas');
    expect(textOf(one('.love-letter-role', letter))).toBe('Chair of the Trust');
    expect(textOf(one('.love-letter-place', letter))).toBe('Tameside & Glossop');
  });

  it('publications show title, subtitle and description', () => {
    const item = one('.publication');
    expect(textOf(one('.publication-title', item))).toBe('A Publication');
    expect(textOf(one('.publication-subtitle', item))).toBe('Its subtitle');
    expect(textOf(one('p:not(.publication-heading)', item))).toBe('What the publication is about.');
  });

  it('forces are titled panels anchored by their ids, titled one level below the section', () => {
    expect(selectAll('.forces-forces > .force', page).map((f) => [f.properties.id, textOf(one('.force-name', f)), one('.force-name', f).tagName])).toEqual([
      ['forces-purpose', 'Purpose', 'h3'],
      ['forces-power', 'Power', 'h3'],
    ]);
  });
});

describe('links', () => {
  it('keep a placeholder as a link with its text and href="#", marked for what it is', () => {
    const placeholder = one('a.link-placeholder');
    expect(placeholder.properties.href).toBe('#');
    expect(textOf(placeholder)).toBe('leads nowhere');
  });

  it('stop being links, keeping their text, when the edition leaves out their target', async () => {
    const edition = report.meta.editions.find((e) => e.id === 'opening-only')!;
    const narrowed = parsePage(pageOf(await render(selectEdition(report, edition), testContext(report, { edition }))));
    expect(selectAll('a[href="#glossary"]', narrowed)).toEqual([]);
    expect(selectAll('.link-outside-edition', narrowed).map(textOf)).toEqual(['link to the glossary']);
    expect(selectAll('a.link-placeholder[href="#"]', narrowed).map(textOf)).toEqual(['leads nowhere']);
  });

  it('point every internal link at an element that exists', () => {
    const ids = new Set(selectAll('[id]', page).map((e) => String(e.properties.id)));
    const targets = selectAll('a[href^="#"]', page).map((a) => String(a.properties.href)).filter((href) => href !== '#');
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(ids, target).toContain(target.slice(1));
  });
});
