import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointsOf, type TextPiece } from '../../src/fonts/report-text.js';

/** The plain reading of "every code point of the text", to hold the fast one to. */
const byIterator = (pieces: readonly TextPiece[]) => new Set(pieces.flatMap((p) => [...p.text].map((ch) => ch.codePointAt(0)!)));
const pieces = (texts: string[]): TextPiece[] => texts.map((text) => ({ text, kind: 'serif' }));

describe('codePointsOf (which font subsets the HTML edition ships)', () => {
  it('finds every code point: Latin, Welsh, Arabic, Chinese, emoji outside the BMP, combining marks', () => {
    const found = codePointsOf(pieces(['Living Well', 'ŵyr ŷd', 'مرحبا', '漢字', 'a 👩🏽‍⚕️ b', 'e\u0301']));
    expect(found).toEqual(byIterator(pieces(['Living Well', 'ŵyr ŷd', 'مرحبا', '漢字', 'a 👩🏽‍⚕️ b', 'e\u0301'])));
    expect(found.has(0x1f469)).toBe(true);
    expect(found.has(0xd83d)).toBe(false); // a surrogate of a pair is not a code point of the text
  });

  it('keeps a lone surrogate as the iterator does', () => {
    expect(codePointsOf(pieces(['x\ud800', '\udc00y', 'z\ud83d']))).toEqual(byIterator(pieces(['x\ud800', '\udc00y', 'z\ud83d'])));
  });

  it('agrees with the iterator on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), (texts) => {
        expect(codePointsOf(pieces(texts))).toEqual(byIterator(pieces(texts)));
      }),
      { seed: 20261130 },
    );
  });
});
