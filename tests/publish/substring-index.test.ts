import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubstringIndex, suffixArray, TextSearch } from '../../src/publish/substring-index.js';

const seed = Number(process.env.LWR_FC_SEED ?? 20240614);

/** Suffix start positions sorted by comparing the suffixes as strings: the definition of a suffix array. */
const naiveSuffixArray = (text: string): number[] =>
  Array.from({ length: text.length }, (_, i) => i).sort((a, b) => {
    const x = text.slice(a);
    const y = text.slice(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });

// Small alphabets make repeats, the cases prefix doubling must get right.
const textOver = (letters: string, maxLength: number) => fc.array(fc.constantFrom(...letters), { maxLength }).map((chars) => chars.join(''));

describe('suffixArray', () => {
  it('orders every suffix as string comparison does (repetitive, random and non-Latin text)', () => {
    fc.assert(
      fc.property(fc.oneof(textOver('ab', 60), textOver('abcd', 200), fc.string({ maxLength: 120, unit: 'grapheme' })), (text) => {
        expect([...suffixArray(text)]).toEqual(naiveSuffixArray(text));
      }),
      { seed, numRuns: 400 },
    );
  });

  it('handles the empty text and periodic text', () => {
    expect([...suffixArray('')]).toEqual([]);
    expect([...suffixArray('aaaa')]).toEqual([3, 2, 1, 0]);
    expect([...suffixArray('abab'.repeat(8))]).toEqual(naiveSuffixArray('abab'.repeat(8)));
  });
});

describe('SubstringIndex and TextSearch answer as String.includes does', () => {
  it('for any needles, in any order', () => {
    fc.assert(
      fc.property(textOver('abc', 150), fc.array(textOver('abc', 8), { maxLength: 30 }), (text, needles) => {
        const index = new SubstringIndex(text);
        const search = new TextSearch(text);
        for (const needle of needles) {
          expect(index.has(needle)).toBe(text.includes(needle));
          expect(search.has(needle)).toBe(text.includes(needle));
        }
      }),
      { seed, numRuns: 400 },
    );
  });

  it('for slices of the text asked in order, and after a restart', () => {
    const text = 'the people we met spoke about care and support in their own places';
    const search = new TextSearch(text);
    for (let i = 0; i + 10 <= text.length; i += 3) expect(search.has(text.slice(i, i + 10))).toBe(true);
    search.restart();
    expect(search.has('the people')).toBe(true);
    expect(search.has('not there')).toBe(false);
    expect(search.has('own places')).toBe(true);
  });
});
