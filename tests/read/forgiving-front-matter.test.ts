import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { contentFolderOf, readContent } from '../support/report.js';

const read = (files: Record<string, string>) => readContent(contentFolderOf(files));
const lines = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${d.severity} ${d.ruleId}${d.fatal ? ' fatal' : ''}`);

describe('a file without front matter', () => {
  const { report, diagnostics } = read({ '40-methods.md': '# Methods\n\nHow we did it.\n\n## Interviews\n\nWe talked.\n' });

  it('is a section: its id from the file name without the NN- prefix, its title from its # heading', () => {
    expect(diagnostics).toEqual([]);
    expect(report?.sections.map((s) => [s.id, s.title])).toEqual([['methods', 'Methods']]);
  });

  it('does not keep the title heading as a block of the body', () => {
    expect(report?.sections[0]?.blocks.map((b) => b.type === 'heading' ? `h${b.depth} ${b.text}` : b.type)).toEqual(['paragraph', 'h2 Interviews', 'paragraph']);
  });

  it('keeps positions in the file (no front matter to count)', () => {
    expect(report?.sections[0]?.blocks[0]?.source.line).toBe(3);
  });

  it('takes an id any file name gives, as kebab-case', () => {
    expect(read({ '07_Über uns.md': '# Über uns\n\nText.\n' }).report?.sections[0]?.id).toBe('uber-uns');
  });

  it('takes its title from the file name when it has no # heading, and says so', () => {
    const result = read({ '95-appendix-data.md': 'Just a table, no heading.\n' });
    expect(result.report?.sections[0]?.title).toBe('Appendix data');
    expect(lines(result.diagnostics)).toEqual(['95-appendix-data.md:1 warning title-missing']);
  });
});

describe('headings and the title', () => {
  it('takes the body’s first # heading as the title when front matter has none', () => {
    const { report, diagnostics } = read({ '10-a.md': '---\nid: findings\n---\n\nIntro.\n\n# What we found\n\nText.\n' });
    expect(diagnostics).toEqual([]);
    expect(report?.sections[0]).toMatchObject({ id: 'findings', title: 'What we found' });
  });

  it('warns about any other # heading in a body, and keeps its Markdown depth', () => {
    const { report, diagnostics } = read({ '10-a.md': '# Title\n\nText.\n\n# Second\n\nMore.\n' });
    expect(lines(diagnostics)).toEqual(['10-a.md:5 warning heading-level-one']);
    expect(report?.sections[0]?.blocks[1]).toMatchObject({ type: 'heading', depth: 1, text: 'Second' });
  });

  it('warns about every # heading when front matter gives the title, but drops a first one that repeats it', () => {
    const { report, diagnostics } = read({ '10-a.md': '---\ntitle: Methods\n---\n\n# Methods\n\nText.\n\n# Another\n' });
    expect(report?.sections[0]?.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading']);
    expect(lines(diagnostics)).toEqual(['10-a.md:9 warning heading-level-one']);
  });
});

describe('front matter written for other tools', () => {
  it('reads date, description, tags, authors and lang into the section', () => {
    const { report, diagnostics } = read({
      '10-a.md': '---\ntitle: Summary\ndate: 2024-03-12\ndescription: Two pages.\ntags: summary\nauthors: [Ana Ruiz, Tomos Hughes]\nlang: cy\n---\n\nText.\n',
      '20-b.md': '---\ntitle: B\ndate: "March 2024"\nauthor: Ana Ruiz\ntags: [a, b]\n---\n\nText.\n',
    });
    expect(diagnostics).toEqual([]);
    expect(report?.sections[0]).toMatchObject({ date: '2024-03-12', description: 'Two pages.', tags: ['summary'], authors: ['Ana Ruiz', 'Tomos Hughes'], lang: 'cy' });
    expect(report?.sections[1]).toMatchObject({ date: 'March 2024', authors: ['Ana Ruiz'], tags: ['a', 'b'] });
  });

  it('accepts keys from Jekyll, Hugo and friends without a word', () => {
    const { diagnostics } = read({ '10-a.md': '---\ntitle: A\nlayout: post\nweight: 10\npermalink: /a/\ncategories: [x]\n---\n\nText.\n' });
    expect(diagnostics).toEqual([]);
  });

  it('warns about a key that means nothing, and still reads the file', () => {
    const { report, diagnostics } = read({ '10-a.md': '---\ntitle: A\nmood: sunny\n---\n\nText.\n' });
    expect(lines(diagnostics)).toEqual(['10-a.md:3 warning front-matter-key-unknown']);
    expect(report?.sections.map((s) => s.id)).toEqual(['a']);
  });

  it('reports a misspelt key as an error with a did-you-mean, without stopping the read', () => {
    const { report, diagnostics } = read({ '10-a.md': '---\ntitel: Methods\n---\n\n# Methods\n' });
    expect(diagnostics).toMatchObject([{ ruleId: 'front-matter-field', severity: 'error', line: 2, hint: 'did you mean "title"?' }]);
    expect(diagnostics[0]?.fatal).toBeUndefined();
    expect(report?.sections[0]?.title).toBe('Methods');
  });
});

describe('drafts', () => {
  const files = {
    'report.yaml': 'title: R\neditions:\n  - id: full\n    title: Full\n    sections: [a, notes]\n',
    '10-a.md': '# A\n\nText.\n',
    '90-notes.md': '---\ntitle: Working notes\ndraft: true\n---\n\nNot for publication.\n',
    '91-old.md': '---\npublished: false\n---\n\n# Old\n',
  };

  it('leaves a draft: true (or published: false) file out of the report, and lists it', () => {
    const { report, diagnostics } = read(files);
    expect(diagnostics).toEqual([]);
    expect(report?.sections.map((s) => s.id)).toEqual(['a']);
    expect(report?.drafts?.map((d) => [d.id, d.title, path.basename(d.file)])).toEqual([
      ['notes', 'Working notes', '90-notes.md'],
      ['old', undefined, '91-old.md'],
    ]);
  });

  it('lets an edition name a draft without calling the section missing', () => {
    expect(read(files).diagnostics.filter((d) => d.ruleId === 'edition-section-missing')).toEqual([]);
  });
});

describe('YAML mistakes', () => {
  const hintFor = (frontMatter: string) => read({ '10-a.md': `---\n${frontMatter}\n---\n\nText.\n` }).diagnostics.find((d) => d.ruleId === 'front-matter-yaml')?.hint;

  it('says in plain words that a title containing ": " must be quoted, and how', () => {
    expect(hintFor('title: Methods: how we did it')).toBe('a title containing ": " must be quoted: title: "Methods: how we did it"');
  });

  it('says a value starting with [ is read as a list', () => {
    expect(hintFor('title: [Draft] Methods')).toBe('a title starting with "[" is read as a list; if it is text, put it in quotes: title: "[Draft] Methods"');
  });

  it('says a value starting with @ must be quoted', () => {
    expect(hintFor('title: @home')).toBe('a title starting with "@" must be quoted: title: "@home"');
  });

  it('points at the line of a quote that is never closed, not where the parser gave up', () => {
    const problem = read({ '10-a.md': '---\nid: a\ntitle: "Methods\nkind: section\n---\n\nText.\n' }).diagnostics.find((d) => d.ruleId === 'front-matter-yaml');
    expect(problem?.hint).toBe('the double quote that opens the title is never closed; end the value with "');
    expect(problem?.line).toBe(3);
  });

  it('points at the line that holds the mistake when the parser notices it a line later, with the right article', () => {
    const problem = read({ '10-a.md': '---\nid: [unclosed\ntitle: x\n---\n\nText.\n' }).diagnostics.find((d) => d.ruleId === 'front-matter-yaml');
    expect(problem?.hint).toBe('an id starting with "[" is read as a list; if it is text, put it in quotes: id: "[unclosed"');
    expect([problem?.line, problem?.column]).toEqual([2, 1]);
  });
});

describe('one broken file', () => {
  const files = {
    'report.yaml': 'title: R\neditions:\n  - id: full\n    title: Full\n  - id: short\n    title: Short\n    sections: [methods]\n',
    '10-intro.md': '# Intro\n\nSee the [methods](20-methods.md).\n',
    '20-methods.md': '---\ntitle: Methods: how we did it\n---\n\nText.\n',
  };

  it('is reported once, with no knock-on errors about the edition or the links that name it', () => {
    const { report, diagnostics } = read(files);
    expect(report).toBeUndefined();
    expect(lines(diagnostics)).toEqual(['20-methods.md:2 error front-matter-yaml fatal']);
  });
});
