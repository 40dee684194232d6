import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { extractQuotes, formatQuotesCsv, formatQuotesJson, formatQuotesMarkdown, formatQuotesText } from '../../src/extract/quotes.js';
import { expectToMatchFile } from '../support/report.js';
import { parseCsv, QUOTE_FIXTURES, quotesFixture } from './support.js';

const cases = readdirSync(QUOTE_FIXTURES).filter((name) => statSync(path.join(QUOTE_FIXTURES, name)).isDirectory());

describe('each quotes format, for each fixture', () => {
  for (const name of cases) {
    it(`prints ${name} as expected.{txt,json,csv,md}`, () => {
      const { dir, report, filter } = quotesFixture(name);
      const quotes = extractQuotes(report, filter);
      expectToMatchFile(formatQuotesText(quotes), path.join(dir, 'expected.txt'));
      expectToMatchFile(formatQuotesJson(quotes), path.join(dir, 'expected.json'));
      expectToMatchFile(formatQuotesCsv(quotes), path.join(dir, 'expected.csv'));
      expectToMatchFile(formatQuotesMarkdown(quotes, report), path.join(dir, 'expected.md'));
    });
  }
});

describe('quotes as JSON', () => {
  it('carries the model\'s quote records, with their kind, field for field', () => {
    const { report } = quotesFixture('real-report');
    const json = JSON.parse(formatQuotesJson(extractQuotes(report)));
    expect(json).toEqual(report.quotes.map((q) => ({ ...q, kind: 'quote' })));
    expect(Object.keys(json[0])).toEqual(['id', 'kind', 'text', 'attribution', 'role', 'place', 'section', 'source']);
  });
});

describe('quotes as CSV (RFC 4180)', () => {
  it('reads back to the same fields, whatever commas, quotes and line breaks the quotes hold', () => {
    const { report, filter } = quotesFixture('escaping');
    const quotes = extractQuotes(report, filter);
    const [header, ...rows] = parseCsv(formatQuotesCsv(quotes));
    expect(header).toEqual(['id', 'kind', 'text', 'attribution', 'person', 'role', 'place', 'section_id', 'section_title', 'learning', 'file', 'line', 'column']);
    expect(rows.map((r) => [r[0], r[2], r[3], r[8], r[9]])).toEqual(quotes.map((q) => [q.id, q.text, q.attribution ?? '', q.section.title, q.learning === undefined ? '' : String(q.learning)]));
    // The fixture holds what CSV must escape: commas, double quotes and line breaks.
    for (const hard of [',', '"', '\n']) expect(quotes.some((q) => q.text.includes(hard))).toBe(true);
  });

  it('ends every row, the last too, with CRLF, and quotes only fields that need it', () => {
    const csv = formatQuotesCsv(extractQuotes(quotesFixture('escaping').report));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('id,kind,text,attribution,person,role,place,section_id,section_title,learning,file,line,column');
    expect(csv).toContain(',"“Commas, commas, and a ""double-quoted"" word, said plainly.”",');
    expect(csv).toContain(',Senior clinician in a Living Well site,');
  });

  it('is a header row alone when no quote matches', () => {
    expect(formatQuotesCsv([])).toBe('id,kind,text,attribution,person,role,place,section_id,section_title,learning,file,line,column\r\n');
  });
});

describe('quotes as Markdown', () => {
  const parse = (markdown: string) => unified().use(remarkParse).parse(markdown);
  type Node = { type: string; value?: string; children?: Node[] };
  // What a reader sees of Markdown: its text, a hard break as a line break.
  const textOf = (node: Node): string => (node.type === 'break' ? '\n' : node.value ?? (node.children ?? []).map(textOf).join(''));

  it('gives one blockquote per quote, whose text reads back as the quote and its attribution', () => {
    const { report, filter } = quotesFixture('escaping');
    const quotes = extractQuotes(report, filter);
    const tree = parse(formatQuotesMarkdown(quotes, report));
    expect(tree.children.map((n) => n.type)).toEqual(quotes.map(() => 'blockquote'));
    tree.children.forEach((blockquote, i) => {
      const paragraphs = (blockquote as Node).children!.map(textOf);
      const quote = quotes[i]!;
      const attribution = quote.attribution === undefined ? [] : [`— ${quote.attribution}`];
      expect(paragraphs).toEqual([...quote.text.split('\n\n'), ...attribution]);
    });
  });

  it('keeps the report\'s emphasis and web links, and drops lost links and footnote markers', () => {
    const { report } = quotesFixture('escaping');
    const markdown = formatQuotesMarkdown(extractQuotes(report), report);
    expect(markdown).toContain('said **plainly**.”');
    expect(markdown).toContain('with *emphasis*.”');
    expect(markdown).toContain('a [link](https://example.org/a_b?x=1&y=2), a lost link, and a note.\n');
  });
});
