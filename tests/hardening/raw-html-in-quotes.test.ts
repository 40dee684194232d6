import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';
import { contentCopy, sectionFile, tempDir } from './support.js';

// Issue 14, item 10: a <style> or <script> inside a quote passed `lwr check` silently, then
// failed the build with "a renderer dropped content the model has". The check must name it at
// its position, and the build must publish the quote without it.

const QUOTES = [
  '> Quoted <style>p { color: red }</style> words.',
  '>',
  '> — A person, a role, a place',
  '',
  '> Second <script>alert(1)</script> quote.',
  '>',
  '> — B person, a role, a place',
  '',
  '> <script>',
  '> alert(2)',
  '> </script>',
  '>',
  '> Third quote.',
  '>',
  '> — C person, a role, a place',
].join('\n');

let work: string;
beforeAll(() => {
  work = tempDir('lwr-raw-html-');
  contentCopy(work, { '50-raw.md': sectionFile('raw-html', QUOTES) });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('<style> and <script> inside a quote', () => {
  it('are reported by lwr check at their line and column (html-removed)', () => {
    const run = runLwr(['check', '--format', 'json'], { cwd: work });
    const removed = (JSON.parse(run.stdout).diagnostics as { ruleId: string; file: string; line: number; column: number; message: string }[]).filter((d) => d.ruleId === 'html-removed');
    // Front matter is 4 lines and a blank line: the quotes start on line 6.
    expect(removed.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['content/50-raw.md', 6, 10, '<style> is removed from the HTML edition, with its content'],
      ['content/50-raw.md', 10, 10, '<script> is removed from the HTML edition, with its content'],
      ['content/50-raw.md', 14, 3, '<script> is removed from the HTML edition, with its content'],
    ]);
  });

  it('leave the build to publish every quote without them', () => {
    const run = runLwr(['build', '--format', 'html,text'], { cwd: work });
    expect(run.stderr + run.stdout).not.toMatch(/dropped content|edition-incomplete/);
    expect(run.status).toBe(0);
    const page = fromHtml(readFileSync(path.join(work, 'dist/html/index.html'), 'utf8'));
    const quotes: Element[] = [];
    visit(page, 'element', (node: Element) => {
      if (node.tagName === 'script' || node.tagName === 'style') expect.fail(`<${node.tagName}> reached the page`);
      if (node.properties.id?.toString().startsWith('raw-html-quote-')) quotes.push(node);
    });
    expect(quotes.map((q) => toText(q).replace(/\s+/g, ' ').trim())).toEqual([
      'Quoted words. A person, a role, a place',
      'Second quote. B person, a role, a place',
      'Third quote. C person, a role, a place',
    ]);
  });
});
