import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/model/wrap.js';

const latinWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 30 });
const cjkText = fc.string({ unit: fc.constantFrom(...'日本語文章学習報告書中和的'), minLength: 1, maxLength: 80 });

describe('wrapping text to a width', () => {
  it('keeps every word, in order, and fills each line as far as the next word allows', () => {
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 60 }), fc.integer({ min: 10, max: 80 }), (words, width) => {
        const lines = wrapText(words.join(' '), width);
        expect(lines.join(' ').split(' ')).toEqual(words);
        lines.forEach((line, i) => {
          // A line is wider than the width only when it is one word that cannot fit any line.
          if (displayWidth(line) > width) expect(line).not.toContain(' ');
          const next = lines[i + 1]?.split(' ')[0];
          if (next !== undefined) expect(displayWidth(line) + 1 + displayWidth(next)).toBeGreaterThan(width);
        });
      }),
    );
  });

  it('breaks text without spaces between wide (CJK) characters, adding no spaces', () => {
    fc.assert(
      fc.property(cjkText, fc.integer({ min: 2, max: 40 }), (text, width) => {
        const lines = wrapText(text, width);
        expect(lines.join('')).toBe(text);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('counts a wide character as two columns and a combining mark as none', () => {
    expect(wrapText('日本語 日本語', 13)).toEqual(['日本語 日本語']);
    expect(wrapText('日本語 日本語', 12)).toEqual(['日本語 日本', '語']);
    expect(wrapText('日本', 3)).toEqual(['日', '本']);
    const decomposed = 'Zoe\u0308 cafe\u0301';
    expect(wrapText(decomposed, 9)).toEqual([decomposed]);
  });

  it('never starts a line with closing punctuation in CJK text', () => {
    const lines = wrapText('句読点は行頭に来ません。', 22);
    expect(lines).toEqual(['句読点は行頭に来ませ', 'ん。']);
  });

  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('costs £10\u00a0000 in all', 12)).toEqual(['costs', '£10\u00a0000 in', 'all']);
  });

  it('leaves a word longer than the width whole, on a line of its own', () => {
    expect(wrapText('see https://example.org/a/long/path now', 10)).toEqual(['see', 'https://example.org/a/long/path', 'now']);
  });

  it('breaks a line at every hard break and collapses runs of spaces', () => {
    expect(wrapText('one   two\nthree', 40)).toEqual(['one two', 'three']);
  });
});
