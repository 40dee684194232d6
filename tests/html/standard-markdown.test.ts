import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, pageOf, parsePage, renderFirstEdition, textOf } from './support.js';

// Standard Markdown in the HTML edition (issue 18), on tests/fixtures/html/standard-markdown:
// reference links, tight and loose lists, task items, every heading level, raw HTML across
// blank lines, the link scheme policy and code blocks as written.

let html: string;
let section: Element;
beforeAll(async () => {
  html = pageOf(await renderFirstEdition(fixtureReport('standard-markdown')));
  section = selectAll('section#standard', parsePage(html) as Root)[0]!;
});

const all = (selector: string) => selectAll(selector, section);

describe('the HTML edition of standard Markdown', () => {
  it('resolves reference links against their definitions, with titles; an undefined one stays text', () => {
    const links = all('a[href^="https://example.org"]').map((a) => [textOf(a), a.properties.href, a.properties.title ?? null]);
    expect(links).toEqual([
      ['the annual report', 'https://example.org/annual-report', 'The annual report'],
      ['Summary', 'https://example.org/summary', null],
      ['our site', 'https://example.org/', null],
    ]);
    expect(textOf(all('p')[0]!)).toContain('A [missing reference] stays as written.');
  });

  it('writes a tight list’s items without <p> and a loose list’s with', () => {
    const [tight, nested, loose] = all('ul');
    expect(selectAll('li > p', tight!)).toHaveLength(0);
    expect(selectAll('li > p', nested!)).toHaveLength(0);
    expect(selectAll('li > p', loose!).map(textOf)).toEqual(['First loose item', 'Second loose item']);
  });

  it('gives a task item a read-only checkbox with its state', () => {
    const boxes = all('li > input[type="checkbox"]');
    expect(boxes.map((b) => [b.properties.checked ?? false, b.properties.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
  });

  it('keeps # … ###### six distinct levels: h3 to h6, then ARIA levels 7 and 8', () => {
    const headings = all('h3, h4, h5, h6, [role="heading"]').map((h) => (h.properties.role === 'heading' ? `aria-level ${h.properties.ariaLevel}` : h.tagName));
    expect(headings).toEqual(['h3', 'h4', 'h5', 'h6', 'aria-level 7', 'aria-level 8']);
  });

  it('wraps blocks in raw HTML opened and closed across blank lines, and keeps a raw table', () => {
    expect(textOf(all('del > p')[0]!)).toBe('Struck paragraph, wrapped by raw HTML across blank lines.');
    expect(all('del > p > em').map(textOf)).toEqual(['Struck']);
    expect(all('table td').map(textOf)).toEqual(['A raw table cell']);
  });

  it('links published schemes only, keeping the text of others', () => {
    expect(all('a[href^="irc:"]').map(textOf)).toEqual(['irc://irc.example.org/lwr']);
    expect(all('a[href^="made-up-scheme:"]')).toEqual([]);
    expect(textOf(section)).toContain('made-up-scheme://somewhere');
  });

  it('keeps an indented code block byte for byte, inner blank lines and final line break', () => {
    const code = all('pre > code')[0]!;
    expect(code.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).toBe('indented code\n\n\nkeeps its inner blank lines\n');
  });

  it('passes html-validate’s recommended rules without an error (a heading past h6 has no native element)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-native-element': ['error', { exclude: ['heading'] }] } });
    const result = await validator.validateString(html);
    const errors = result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(errors.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
