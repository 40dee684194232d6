import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { reportOfFiles } from '../support/report.js';
import { pageOf, parsePage, renderFirstEdition, textOf } from './support.js';

const report = reportOfFiles({
  '10-intro.md': [
    '---',
    'title: Introduction',
    'authors: [Ana Ruiz, Tomos Hughes]',
    'date: 2024-03-12',
    'lang: cy',
    '---',
    '',
    'See [the methods](40-methods.md), [the interviews](40-methods.md#interviews), [a typo](40-method.md) and [a draft](90-draft.md).',
    '',
    '| Ward | People referred | Change |',
    '| :--- | ---: | :---: |',
    '| Caia Park | 612 | +4.1 |',
    '',
  ].join('\n'),
  '40-methods.md': '# Methods\n\n## Interviews\n\nText.\n',
  '90-draft.md': '---\ndraft: true\n---\n\n# Draft\n',
});

describe('the HTML edition of a report ported from elsewhere', async () => {
  const page = parsePage(pageOf(await renderFirstEdition(report)));

  it('links chapters to each other inside the page, and never to a .md file', () => {
    const hrefs = selectAll('main a', page).map((a) => String(a.properties.href));
    expect(hrefs).toEqual(['#methods', '#interviews']);
    expect(selectAll('[href$=".md"], [href*=".md#"]', page)).toEqual([]);
  });

  it('prints links that lead nowhere (a missing file, a draft) as their text', () => {
    expect(selectAll('span.link-unresolved', page).map(textOf)).toEqual(['a typo', 'a draft']);
  });

  it('puts a table in its own labelled, focusable region that scrolls sideways', () => {
    const region = select('div.table-scroll', page);
    expect(region?.properties).toMatchObject({ role: 'region', ariaLabel: 'Table: Ward, People referred, Change', tabIndex: 0 });
    expect(select('div.table-scroll > table.content-table', page)).toBeDefined();
  });

  it('aligns each column as the Markdown says', () => {
    const classes = selectAll('table.content-table tr', page).map((tr) => selectAll('th, td', tr).map((cell) => (cell.properties.className as string[] | undefined)?.join(' ') ?? ''));
    expect(classes).toEqual([
      ['align-left', 'align-right', 'align-center'],
      ['align-left', 'align-right', 'align-center'],
    ]);
  });

  it('shows the front matter’s authors and date under the title, and marks the section’s language', () => {
    const section = select('section#intro', page);
    expect(section?.properties.lang).toBe('cy');
    expect(textOf(select('.section-byline', section!)!)).toBe('By Ana Ruiz and Tomos Hughes · 12 March 2024');
    expect(select('.section-byline time', section!)?.properties.dateTime).toBe('2024-03-12');
  });
});
