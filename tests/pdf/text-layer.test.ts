import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractionClass, extractionOrder, lineActualTexts, withReadingOrderText, type LinePiece } from '../../src/render/pdf/layout/text-layer.js';
import type { Drawable, DrawnLine, PageLayout } from '../../src/render/pdf/layout/types.js';

/**
 * Poppler's rule for putting a line back in reading order (TextOutputDev's reorderText), as a
 * model: on a mostly left-to-right page, each stretch that starts with a right-to-left letter
 * and runs over right-to-left letters and neutrals is reversed; on a mostly right-to-left page
 * the line is read from the right, and each stretch of left-to-right letters, numbers and
 * neutrals is turned back round. The bidi controls it adds are left out.
 */
function popplerReads(line: string, leftToRightPage: boolean): string {
  const c = Array.from(line);
  const k = c.map(extractionClass);
  let out = '';
  if (leftToRightPage) {
    let i = 0;
    while (i < c.length) {
      let j = i;
      while (j < c.length && k[j] !== 'R') j++;
      out += c.slice(i, j).join('');
      i = j;
      while (j < c.length && k[j] !== 'L' && k[j] !== 'N') j++;
      out += c.slice(i, j).reverse().join('');
      i = j;
    }
    return out;
  }
  let i = c.length - 1;
  while (i >= 0) {
    let j = i;
    while (j >= 0 && k[j] !== 'L' && k[j] !== 'N') j--;
    out += c.slice(j + 1, i + 1).reverse().join('');
    i = j;
    while (j >= 0 && k[j] !== 'R') j--;
    out += c.slice(j + 1, i + 1).join('');
    i = j;
  }
  return out;
}

const withoutMarks = (text: string) => text.replace(/[\u200e\u200f]/g, '');

/** What poppler finds on a line, left to right: each piece's ActualText or its own text, a space for a gap between two words. */
function popplerLine(pieces: readonly LinePiece[], texts: readonly (string | undefined)[]): string {
  const words = pieces
    .map((p, i) => ({ ...p, text: texts[i] ?? p.reading }))
    .filter((w) => w.text !== '')
    .sort((a, b) => a.x - b.x);
  return words.map((w, i) => (i > 0 && w.x - (words[i - 1]!.x + words[i - 1]!.width!) > 1 ? ` ${w.text}` : w.text)).join('');
}
const owned = (text: string) => Array.from(text, (ch) => ({ ch, owner: 0 }));
const layer = (text: string, leftToRightPage: boolean) =>
  extractionOrder(owned(text), leftToRightPage)
    .map((c) => c.ch)
    .join('');

describe('the text layer of right-to-left text (what pdftotext reads back)', () => {
  it('classes characters as poppler does: letters by direction, digits with their separators, the rest neutral', () => {
    expect(['a', 'ש', 'ع', '3', ',', '.', ':', '%', '،', '٣', ' ', '!', '«', '\u064e', '😀'].map(extractionClass)).toEqual(['L', 'R', 'R', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'O', 'O', 'O', 'O', 'O']);
  });

  it.each([
    ['a Hebrew comma', 'שלום, עולם'],
    ['an Arabic comma', 'شكرا، جزيلا'],
    ['a year inside an Arabic sentence', 'في عام 2023 عملنا'],
    ['vowel marks', 'مَرْحَبًا'],
    ['brackets, quotation marks and a closing exclamation', 'מה? (אני) «בסדר» גמור!'],
    ['an Arabic phrase in English', 'Amira said شكرا، جزيلا to us.'],
    ['English words in Hebrew', 'טקסט text 12 מילים'],
    ['a number and a percentage after Arabic', 'wrote "مَرْحَبًا 3.5%" twice'],
  ])('gives back %s in reading order on a left-to-right and a right-to-left page: %s', (_what, text) => {
    for (const leftToRightPage of [true, false]) expect(withoutMarks(popplerReads(layer(text, leftToRightPage), leftToRightPage))).toBe(text);
  });

  it('gives back any mix of letters, numbers and neutrals in reading order, on either kind of page', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ש', 'ל', 'ع', 'م', '1', '2', ',', '.', ' ', '!', '(', ')', '«', '\u064e');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (chars, leftToRightPage) => {
        const text = chars.join('');
        expect(withoutMarks(popplerReads(layer(text, leftToRightPage), leftToRightPage))).toBe(text);
      }),
    );
  });

  it('gives back any line, however its pieces are drawn and cut, on either kind of page', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ש', 'ל', 'ع', 'م', '1', '2', ',', '.', ' ', '!', '(', '«', '\u064e');
    const line = fc
      .array(alphabet, { minLength: 1, maxLength: 30 })
      .map((chars) => chars.join('').replace(/ +/g, ' ').trim())
      .filter((text) => text.length > 0);
    fc.assert(
      fc.property(line, fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), fc.boolean(), (text, cutAt, rtl, shuffle, leftToRightPage) => {
        const cuts = [...new Set(cutAt.map((c) => 1 + (c % Math.max(1, text.length - 1))))].filter((c) => c < text.length).sort((a, b) => a - b);
        // A piece of nothing but a space goes with the one before (a line has letters to share).
        const readings = [0, ...cuts]
          .map((from, i) => text.slice(from, i < cuts.length ? cuts[i] : text.length))
          .reduce<string[]>((out, piece) => (out.length > 0 && piece.trim() === '' ? [...out.slice(0, -1), out[out.length - 1] + piece] : [...out, piece]), []);
        // Drawn side by side in some order, with no gap between them.
        const order = readings.map((_, i) => i).sort((a, b) => (shuffle[a]! % 7) - (shuffle[b]! % 7) || a - b);
        const x = new Map<number, number>();
        order.reduce((at, i) => (x.set(i, at), at + readings[i]!.length), 0);
        const pieces: LinePiece[] = readings.map((reading, i) => ({ reading, x: x.get(i)!, width: reading.length, rtl: rtl[i]! }));
        const texts = lineActualTexts(pieces, leftToRightPage);
        for (const t of texts) expect(t ?? 'x').not.toMatch(/^\s$/);
        expect(withoutMarks(popplerReads(popplerLine(pieces, texts), leftToRightPage))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('adds a directional mark only where poppler would carry neutrals across, owned by the neutral before it', () => {
    expect(layer('שלום עולם', true)).toBe('םלוע םולש');
    expect(layer('في عام 2023', true)).toBe('\u200f ماع يف2023');
    expect(extractionOrder([...owned('في '), { ch: '2', owner: 1 }], true).map((c) => c.owner)).toEqual([0, 0, 0, 0, 1]);
  });

  it('cuts the line among its pieces in the order poppler reads them, leaving left-to-right text to its glyphs', () => {
    // "one שלום, עולם two": the right-to-left phrase is drawn reversed between the English words.
    const pieces: LinePiece[] = [
      { reading: 'one ', x: 0, width: 4, rtl: false },
      { reading: 'שלום, עולם', x: 4, width: 10, rtl: true },
      { reading: ' two', x: 14, width: 4, rtl: false },
    ];
    const texts = lineActualTexts(pieces, true);
    expect(texts[0]).toBeUndefined();
    expect(withoutMarks(popplerReads(popplerLine(pieces, texts), true))).toBe('one שלום, עולם two');
  });

  it('never gives a piece a lone space, which poppler drops', () => {
    const pieces: LinePiece[] = [
      { reading: 'שלום ', x: 12, width: 5, rtl: true },
      { reading: '(', x: 11, width: 1, rtl: true },
      { reading: 'חבר', x: 8, width: 3, rtl: true },
      { reading: ') ', x: 6, width: 2, rtl: true },
      { reading: '12:30', x: 1, width: 5, rtl: false },
      { reading: '!', x: 0, width: 1, rtl: true },
    ];
    const texts = lineActualTexts(pieces, true);
    for (const text of texts) expect(text).not.toMatch(/^\s$/);
    expect(withoutMarks(popplerReads(popplerLine(pieces, texts), true))).toBe('שלום (חבר) 12:30!');
  });

  it('gives a label hung in the margin to its line, so it is read first on either kind of page', () => {
    const pieces: LinePiece[] = [
      { reading: '2', x: -12, width: 4, rtl: false },
      { reading: 'حاشية، مع رقم ', x: 8, width: 30, rtl: true },
      { reading: '12', x: 0, width: 8, rtl: false },
      { reading: '.', x: 38, width: 1, rtl: false },
    ];
    for (const leftToRightPage of [true, false]) {
      const texts = lineActualTexts(pieces, leftToRightPage);
      // Read first by where it is on a left-to-right page; given to the line on a right-to-left one.
      expect(texts[0]).toBe(leftToRightPage ? undefined : '');
      expect(withoutMarks(popplerReads(popplerLine(pieces, texts), leftToRightPage))).toBe('2 حاشية، مع رقم 12.');
    }
  });

  it('leaves a page without right-to-left text as it is', () => {
    const line: DrawnLine = { reordered: false };
    const text: Drawable = { kind: 'text', x: 0, baseline: 10, text: 'Hello, world', style: { font: 'serif', size: 10, color: '#000000' }, struct: 'p', line, width: 60 };
    const page: PageLayout = { number: 2, artifacts: [], content: [text] };
    expect(withReadingOrderText(page)).toBe(page);
  });
});
