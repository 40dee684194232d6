import { describe, expect, it } from 'vitest';
import type { LinkInline, Report } from '../../src/model/types.js';
import { walkSectionInlines } from '../../src/model/walk.js';
import { reportOfFiles } from '../support/report.js';

const report = reportOfFiles({
  '10-intro.md': [
    '# Introduction',
    '',
    'The [methods](40-methods.md), [its interviews](40-methods.md#interviews), [the same](./40-methods.md#interviews),',
    '[by its title slug](40-methods.md#methods-and-data), [a #id link](#interviews), [escaped](40%2Dmethods.md),',
    '[a typo](40-method.md), [a missing heading](40-methods.md#nowhere), [the web](https://example.org/40-methods.md).',
    '',
  ].join('\n'),
  '40-methods.md': '---\nid: methods\n---\n\n# Methods and data\n\n## Interviews\n\n## Café & Co.\n',
  '50-more.md': '# More\n\nThe [café](40-methods.md#café--co) by its id, and [by its old id](40-methods.md#cafe-co).\n',
});

const targetOf = (url: string) => report.links.find((l) => l.url === url)?.target;

describe('links between content files, resolved in the model', () => {
  it('lands a link to a content file on that section', () => {
    expect(targetOf('40-methods.md')).toEqual({ anchor: 'methods', sectionId: 'methods' });
    expect(targetOf('40%2Dmethods.md')).toEqual({ anchor: 'methods', sectionId: 'methods' });
  });

  it('lands file.md#heading on that heading, however the path is written', () => {
    expect(targetOf('40-methods.md#interviews')).toEqual({ anchor: 'interviews', sectionId: 'methods' });
    expect(targetOf('./40-methods.md#interviews')).toEqual({ anchor: 'interviews', sectionId: 'methods' });
  });

  it('lands a fragment that spells the file’s # title as a heading slug (as GitHub would) on the section', () => {
    expect(targetOf('40-methods.md#methods-and-data')).toEqual({ anchor: 'methods', sectionId: 'methods' });
  });

  it('lands a fragment on a heading by its GitHub-style id or by the alias kept from lwr’s old id', () => {
    expect(targetOf('40-methods.md#café--co')).toEqual({ anchor: 'café--co', sectionId: 'methods' });
    expect(targetOf('40-methods.md#cafe-co')).toEqual({ anchor: 'cafe-co', sectionId: 'methods' });
  });

  it('gives #id links their target too', () => {
    expect(targetOf('#interviews')).toEqual({ anchor: 'interviews', sectionId: 'methods' });
  });

  it('keeps the URL as written', () => {
    expect(report.links.map((l) => l.url)).toContain('./40-methods.md#interviews');
  });

  it('leaves links that do not resolve, and web links, without a target', () => {
    expect(targetOf('40-method.md')).toBeUndefined();
    expect(targetOf('40-methods.md#nowhere')).toBeUndefined();
    expect(targetOf('https://example.org/40-methods.md')).toBeUndefined();
  });

  it('puts the same target on the link in the text, for the renderers', () => {
    const inline: LinkInline[] = [];
    walkSectionInlines(report.sections[0]!, (i) => {
      if (i.type === 'link') inline.push(i);
    });
    for (const link of inline) expect(link.target, link.url).toEqual(report.links.find((l) => l.id === link.linkId)?.target);
    expect(inline.filter((l) => l.target).length).toBe(6);
  });
});
