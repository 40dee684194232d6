import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/types.js';
import { attributionParts } from '../../src/render/html/attribution-parts.js';
import { shownDate } from '../../src/render/html/build-date.js';
import { comparisonCaption } from '../../src/render/html/comparison-caption.js';
import { headingElement, HeadingLevels } from '../../src/render/html/heading-levels.js';
import { listInWords } from '../../src/render/html/page-data.js';
import { safeHref } from '../../src/render/html/safe-href.js';

describe('heading levels inside a section', () => {
  const levelsFor = (depths: number[]) => {
    const levels = new HeadingLevels();
    return depths.map((d) => levels.forContentHeading(d));
  };

  it('put ## under the section title (h2) as h3, ### as h4', () => {
    expect(levelsFor([2, 3, 3, 2])).toEqual([3, 4, 4, 3]);
  });

  it('put a heading that skips levels one below the nearest shallower heading, keeping siblings level', () => {
    expect(levelsFor([4, 4, 2, 5])).toEqual([3, 3, 3, 4]);
    expect(levelsFor([2, 4, 4, 3])).toEqual([3, 4, 4, 4]);
  });

  it('keep every Markdown level distinct, past h6 as ARIA levels', () => {
    expect(levelsFor([1, 2, 3, 4, 5, 6])).toEqual([3, 4, 5, 6, 7, 8]);
    const deep = headingElement(7, { id: 'x' }, []) as Element;
    expect(deep.tagName).toBe('div');
    expect(deep.properties).toMatchObject({ role: 'heading', ariaLevel: 7, id: 'x' });
    expect((headingElement(6, {}, []) as Element).tagName).toBe('h6');
  });

  it('place a structure’s headings one below the current heading without moving it', () => {
    const levels = new HeadingLevels();
    expect(levels.forStructureHeading()).toBe(3);
    levels.forContentHeading(2);
    expect(levels.forStructureHeading()).toBe(4);
    expect(levels.forContentHeading(3)).toBe(4);
  });
});

describe('attribution parts', () => {
  it('mark person, role and place in "person, role, place"', () => {
    expect(attributionParts({ text: 'J, Peer worker & poet, Salford', person: 'J', role: 'Peer worker & poet', place: 'Salford' })).toEqual([
      { text: 'J', kind: 'person' },
      { text: ', ' },
      { text: 'Peer worker & poet', kind: 'role' },
      { text: ', ' },
      { text: 'Salford', kind: 'place' },
    ]);
  });

  it('mark role and place in "role in place", keeping the joining words', () => {
    expect(attributionParts({ text: 'Leader in a Living Well site', role: 'Leader', place: 'a Living Well site' })).toEqual([
      { text: 'Leader', kind: 'role' },
      { text: ' in ' },
      { text: 'a Living Well site', kind: 'place' },
    ]);
  });

  it('leave text unmarked when the parts cannot be found in it', () => {
    expect(attributionParts({ text: 'Anonymous', person: 'Someone else' })).toEqual([{ text: 'Anonymous' }]);
  });
});

describe('the comparison caption', () => {
  it('joins the two sides on the words their headings share', () => {
    expect(comparisonCaption('Characteristics of mechanistic systems', 'Characteristics of relational systems')).toBe('Characteristics of mechanistic and relational systems');
  });

  it('joins headings that share nothing as they are', () => {
    expect(comparisonCaption('Before', 'After')).toBe('Before and After');
  });

  it('joins headings where one is contained in the other as they are', () => {
    expect(comparisonCaption('Old ways', 'Old ways of working')).toBe('Old ways and Old ways of working');
  });
});

describe('safe link targets', () => {
  it('keep web, mail, in-page and relative links', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org', 'mailto:a@example.org', '#learning-1', '#', 'report.pdf', '../x/y.html', '/root']) {
      expect(safeHref(url)).toBe(url);
    }
  });

  it('refuse script, data and other schemes in any casing or spacing', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:x', 'java\tscript:x', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,x', 'DATA:x', 'vbscript:x', 'file:///etc/passwd', 'javascript%3Aalert(1)']) {
      expect(safeHref(url), JSON.stringify(url)).toBeUndefined();
    }
  });
});

describe('the shown date', () => {
  it('is the UTC date, British style, whatever the machine’s time zone', () => {
    expect(shownDate(new Date(0))).toEqual({ iso: '1970-01-01', display: '1 January 1970' });
    expect(shownDate(new Date('2023-11-30T23:59:59Z'))).toEqual({ iso: '2023-11-30', display: '30 November 2023' });
  });
});

describe('a list of names in words', () => {
  it('joins names as a sentence does', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['Nick Webb'])).toBe('Nick Webb');
    expect(listInWords(['Nick Webb', 'Jo Harrington'])).toBe('Nick Webb and Jo Harrington');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
