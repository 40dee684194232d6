import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdownTree, possibleLiterals } from '../../src/read/markdown-parser.js';
import { allExamples } from '../conformance/examples.js';
import { CONTENT, FIXTURES } from '../support/report.js';

/** remark-gfm as it is, every literal autolink tried everywhere: what lwr's parser must equal. */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });

// Literal autolinks written every way GFM reads them, and text that only looks like one.
const literals = [
  'Mail a.b@example.org, or write to MAILTO:x@y.example.',
  'See www.example.com/a?b=c, WWW.EXAMPLE.COM, and wWw.example.com.',
  'Go to https://example.com/path_(x) or HTTP://EXAMPLE.COM/ or hTtPs://a.b.',
  'xmpp:foo@bar.baz/txt and mailto:foo@bar.baz',
  'Spelled with references: a&#64;example.org, &#119;ww.example.com, &#x68;ttps://example.com, a&commat;b.example',
  'Near misses: user at example dot org, wwx.example, htp://x, @handle, ww.example.',
  '`code with a@b.example` and <https://autolink.example> and [a](https://x.example)',
  ':term[www.example.com] and :unknown[a@b.example] and mailto:a.b@c.example',
];

describe("lwr's Markdown parser", () => {
  it('gives exactly the tree remark-gfm gives, for every CommonMark and GFM spec example, fixture and content file', () => {
    const inputs = [...allExamples().map((e) => e.markdown), ...markdownFiles(FIXTURES).map((f) => readFileSync(f, 'utf8')), ...markdownFiles(CONTENT).map((f) => readFileSync(f, 'utf8')), ...literals, literals.join('\n\n')];
    expect(inputs.length).toBeGreaterThan(700);
    for (const markdown of inputs) expect(parseMarkdownTree(markdown), markdown).toStrictEqual(remark.parse(markdown));
  });

  it('leaves out only the literal autolinks the text cannot hold', () => {
    expect([...possibleLiterals('Plain words, a comma; & an ampersand.')]).toEqual([]);
    expect([...possibleLiterals('Write to a@b.example')]).toEqual(['emailAutolink']);
    expect([...possibleLiterals('WWW.EXAMPLE.COM and HTTPS://X.EXAMPLE')].sort()).toEqual(['protocolAutolink', 'wwwAutolink']);
    expect(possibleLiterals('&#64;').size).toBe(3);
  });
});
