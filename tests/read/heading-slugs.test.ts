import GithubSlugger from 'github-slugger';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import type { HeadingBlock, Report } from '../../src/model/types.js';
import { walkBlocks } from '../../src/model/walk.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { pageOf, parsePage, renderFirstEdition } from '../html/support.js';
import { monospace } from '../pdf/support/flow.js';
import { FIXTURES, readContent } from '../support/report.js';

const CONTENT = path.join(FIXTURES, 'read/heading-slugs/content');
const { report } = readContent(CONTENT) as { report: Report };
const headings: HeadingBlock[] = [];
walkBlocks(report.sections[0]!.blocks, (b) => {
  if (b.type === 'heading') headings.push(b);
});

describe('heading ids follow GitHub\'s slug rules', () => {
  it('gives every heading the id GitHub gives it, repeated headings numbered from -1', () => {
    const github = new GithubSlugger();
    expect(headings.map((h) => h.id)).toEqual(headings.map((h) => github.slug(h.text)));
    expect(headings.map((h) => h.id)).toEqual(['café--co', 'its-here', 'a--b', 'snake_case-words', 'notes', 'notes-1', 'notes-2', 'learning-1-a-new-response', 'c--c', 'notes-1-1']);
  });

  it('keeps the id lwr gave a heading before, where it differs, as an alias, unless another anchor now has it', () => {
    expect(headings.map((h) => [h.text, h.aliases ?? []])).toEqual([
      ['Café & Co.', ['cafe-co']],
      ["It's here", ['it-s-here']],
      ['A / B', ['a-b']],
      ['snake_case words', ['snake-case-words']],
      ['Notes', []],
      // Was notes-2, which is now the third "Notes" heading's id: the real id wins.
      ['Notes', []],
      ['Notes', ['notes-3']],
      ['Learning #1: A new response', []],
      ['C++ & C#', ['c-c']],
      // Was notes-1, now the second "Notes" heading's id.
      ['notes-1', []],
    ]);
    for (const h of headings) for (const alias of h.aliases ?? []) expect(report.anchors).toContain(alias);
  });

  it('lets links to the new ids and to the old ones resolve', async () => {
    const diagnostics = await runChecks(report, { contentRoot: CONTENT, fileExists: existsSync, listFiles: (dir) => readdirSync(dir) });
    expect(diagnostics.filter((d) => d.ruleId === 'link-fragment-missing')).toEqual([]);
  });

  it('puts each alias on the heading in the HTML edition, so an old link lands on it', async () => {
    const page = parsePage(pageOf(await renderFirstEdition(report)));
    const cafe = selectAll('h3', page).find((h) => h.properties.id === 'café--co')!;
    expect(selectAll('[id="cafe-co"]', cafe)).toHaveLength(1);
    expect(cafe.children[0]).toMatchObject({ tagName: 'span', children: [] });
    const ids = selectAll('[id]', page).map((e) => String(e.properties.id));
    expect(ids.filter((id) => id === 'notes-2')).toHaveLength(1);
    expect(ids).toContain('notes-3');
  });

  it('makes each alias a named destination in the PDF edition', () => {
    const layout = layoutDocument(report, monospace);
    const destinations = layout.pages.flatMap((p) => p.content.filter((d) => d.kind === 'destination').map((d) => (d as { name: string }).name));
    for (const name of ['café--co', 'cafe-co', 'its-here', 'it-s-here', 'notes-3']) expect(destinations).toContain(name);
  });
});
