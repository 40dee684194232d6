import { describe, expect, it } from 'vitest';
import { findExcessiveTreeDepth, MAX_NESTING } from '../../src/read/nesting.js';
import { readReport } from '../../src/read/report.js';
import { parseMarkdown } from '../../src/read/section.js';
import { AnchorRegistry } from '../../src/read/slug.js';

// Regression tests for the reader fixes the hardening suite led to (src/read/nesting.ts,
// src/read/section.ts, src/read/slug.ts, src/read/config.ts).

const depthOf = (markdown: string) => findExcessiveTreeDepth(parseMarkdown(markdown));
const over = MAX_NESTING + 1;

describe('the depth of a parsed tree (emphasis, links and raw HTML nest without a line prefix)', () => {
  it('counts nested strong emphasis, one level each', () => {
    expect(depthOf(`${'**'.repeat(MAX_NESTING)}x${'**'.repeat(MAX_NESTING)}`)).toBeUndefined();
    expect(depthOf(`${'**'.repeat(over)}x${'**'.repeat(over)}`)).toEqual({ line: 1, depth: over });
  });

  it('counts elements raw HTML opens, in a block and across the inline pieces of a paragraph', () => {
    expect(depthOf(`Intro.\n\n${'<div>'.repeat(over)}x${'</div>'.repeat(over)}`)).toEqual({ line: 3, depth: over });
    expect(depthOf(`Words ${'<span>'.repeat(over)}x${'</span>'.repeat(over)}.`)?.depth).toBeGreaterThanOrEqual(over);
  });

  it('does not count void elements, elements that close themselves, or a block’s unclosed tags after it', () => {
    expect(depthOf(`${'<br>'.repeat(1000)}${'<p>x'.repeat(1000)}${'<li>y'.repeat(1000)}<img src="a"/>`)).toBeUndefined();
    const unclosedBlocks = Array.from({ length: 300 }, () => '<div>\n\nparagraph').join('\n\n');
    expect(depthOf(unclosedBlocks)).toBeUndefined();
  });

  it('adds HTML levels to the Markdown levels around them', () => {
    const quotes = '> '.repeat(200);
    expect(depthOf(`${quotes}${'<span>'.repeat(50)}x`)).toBeUndefined();
    expect(depthOf(`${quotes}${'<span>'.repeat(60)}x`)?.depth).toBe(260);
  });

  it('stays linear on hostile tag soup ("<a<a<a…", no closing ">")', () => {
    const soup = `<div>\n${'<a'.repeat(200_000)}`; // an HTML block: the tag scan reads it all
    const started = performance.now();
    expect(depthOf(soup)).toBeUndefined();
    // A quadratic scan of 400 kB would take minutes; linear takes milliseconds (bound generous for a loaded machine).
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('anchors for many equal headings', () => {
  it('are slug, slug-2, slug-3… skipping ids already claimed', () => {
    const anchors = new AnchorRegistry();
    anchors.claim('heading-3');
    const ids = Array.from({ length: 5 }, () => anchors.unique('Heading'));
    expect(ids).toEqual(['heading', 'heading-2', 'heading-4', 'heading-5', 'heading-6']);
    anchors.claim('heading-8');
    expect([anchors.unique('Heading'), anchors.unique('Heading'), anchors.unique('Other')]).toEqual(['heading-7', 'heading-9', 'other']);
  });

  // Regression: each id searched from -2 upwards, so N equal headings cost N² lookups; a 1.25 MB
  // file of repeated headings spent most of its 18 s there.
  it('cost a few lookups per heading however many there are (not N²)', () => {
    let lookups = 0;
    class CountingSet extends Set<string> {
      override has(value: string): boolean {
        lookups++;
        return super.has(value);
      }
    }
    const anchors = new AnchorRegistry();
    (anchors as unknown as { taken: Set<string> }).taken = new CountingSet();
    const n = 5_000;
    for (let i = 0; i < n; i++) anchors.unique('A heading here');
    expect(anchors.has(`a-heading-here-${n}`)).toBe(true);
    expect(lookups).toBeLessThan(3 * n); // N² would be 12.5 million
  });
});

describe('report.yaml that would exhaust memory', () => {
  it('an alias bomb is a config-invalid diagnostic, not a thrown error', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    const config = { path: 'content/report.yaml', text: `title: T\nrules:\n${bomb.map((l) => `  ${l}`).join('\n')}\n` };
    const result = readReport({ dir: 'content', root: '/x/content', config, files: [{ path: 'content/01-a.md', text: '---\nid: a\ntitle: A\n---\n\nBody.\n' }] });
    expect(result.report).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ ruleId: 'config-invalid', fatal: true, file: 'content/report.yaml', line: 1, message: expect.stringContaining('Excessive alias count') }]);
  });
});
