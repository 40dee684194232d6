import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { reportOfFiles } from '../support/report.js';
import { renderText } from './support.js';

const report = reportOfFiles({
  'report.yaml': 'title: R\neditions:\n  - id: full\n    title: Full\n  - id: short\n    title: Short\n    sections: [intro]\n',
  '10-intro.md': [
    '# Introduction',
    '',
    'A note[^1], another[^2], then a [first web link](https://example.org/a).',
    'See the [methods chapter](40-methods.md) and [how we talked](40-methods.md#interviews);',
    'the [chapter on methods](40-methods.md) is named by its link already: [methods](40-methods.md).',
    'A [lost link](40-method.md) and a [draft](90-draft.md) show their text only.',
    '',
    '[^1]: One.',
    '[^2]: Two.',
    '',
  ].join('\n'),
  '40-methods.md': [
    '# Methods',
    '',
    '## Interviews',
    '',
    'Text with a [second web link](https://example.org/b).',
    '',
    '### Three',
    '',
    '#### Four',
    '',
    '##### Five',
    '',
    '###### Six',
    '',
  ].join('\n'),
  '90-draft.md': '---\ndraft: true\n---\n\n# Draft\n',
});

describe('links in the text edition', () => {
  it('numbers links on their own, <1>, <2>…, apart from the notes [1], [2]', async () => {
    const text = await renderText(report);
    expect(text).toContain('A note[1], another[2], then a first web link <1>.');
    expect(text).toContain('Text with a second web link <3>.');
    expect(text).toMatch(/Links\n-----\n\n<1> https:\/\/example\.org\/a/);
    expect(text).toMatch(/Notes\n-----\n\n\[1\] One\.\n\n\[2\] Two\./);
  });

  it('numbers an in-report link whose text does not say where it leads, and lists where: “see ‘Interviews’ in ‘Methods’”', async () => {
    const text = await renderText(report);
    expect(text.replace(/\s+/g, ' ')).toContain('See the methods chapter and how we talked <2>;');
    expect(text).toContain('<2> see ‘Interviews’ in ‘Methods’');
  });

  it('adds nothing when the link’s text names the place (a run of its title is enough)', async () => {
    const text = (await renderText(report)).replace(/\s+/g, ' ');
    expect(text).toContain('the chapter on methods is named by its link already: methods.');
    const named = await renderText(reportOfFiles({ '10-a.md': '# A\n\nThe [findings](20-b.md) and [Learning #3](#b).\n', '20-b.md': '---\nid: b\nkind: learning\nnumber: 3\nattribution: Us\n---\n\n# Findings: what changed\n' }));
    expect(named.replace(/\s+/g, ' ')).toContain('The findings and Learning #3.');
  });

  it('prints links that lead nowhere (a missing file, a draft) as their text', async () => {
    const text = (await renderText(report)).replace(/\s+/g, ' ');
    expect(text).toContain('A lost link and a draft show their text only.');
    expect(text).not.toContain('.md');
  });

  it('adds nothing when the edition leaves the place out', async () => {
    const text = (await renderText(report, { edition: 'short' })).replace(/\s+/g, ' ');
    expect(text).toContain('and how we talked; the chapter on methods');
  });

  it('names a linked image by its alt text, then numbers its link (a decorative one shows the address)', async () => {
    const text = await renderText(reportOfFiles({ '10-a.md': '# A\n\n[![Linked chart](images/chart.png)](https://example.com)\n\nAnd [![](images/flourish.png)](https://example.org/d) too.\n' }));
    expect(text).toContain('[Image: Linked chart] <1>');
    expect(text).toMatch(/<1> https:\/\/example\.com/);
    expect(text).toContain('And https://example.org/d too.');
  });

  it('says “see ‘Methods’” for a link to a section, keeping one number for one place', async () => {
    const text = await renderText(reportOfFiles({ '10-a.md': '# A\n\nAs [we explain later](20-b.md), and [later still](20-b.md).\n', '20-b.md': '# Methods\n' }));
    expect(text.replace(/\s+/g, ' ')).toContain('As we explain later <1>, and later still <1>.');
    expect(text).toContain('<1> see ‘Methods’');
  });
});

describe('headings in the text edition', () => {
  it('marks every level with an underline of its own, the section title with =', async () => {
    const text = await renderText(report);
    const rule = (heading: string) => new RegExp(`\\n${heading}\\n(.)\\1*\\n`).exec(text)?.[1];
    const rules = ['Methods', 'Interviews', 'Three', 'Four', 'Five', 'Six'].map(rule);
    expect(rules[0]).toBe('=');
    expect(new Set(rules).size).toBe(6);
  });
});
