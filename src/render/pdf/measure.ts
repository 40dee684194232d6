import type { FontSet } from './fonts.js';
import type { FontKey, Measurer } from './layout/types.js';

/**
 * A measurer over the embedded fonts that computes widths exactly as pdfkit sets text:
 * shaped (kerning, ligatures) in chunks that end after each space. Chunk widths are cached
 * per face, so measuring the report costs one shaping per distinct word.
 */
export function fontMeasurer(fonts: FontSet): Measurer {
  const cache = new Map<FontKey, Map<string, number>>();
  const chunkWidth = (key: FontKey, chunk: string): number => {
    let byChunk = cache.get(key);
    if (!byChunk) cache.set(key, (byChunk = new Map()));
    let width = byChunk.get(chunk);
    if (width === undefined) {
      const font = fonts[key];
      width = font.layout(chunk).advanceWidth / font.unitsPerEm;
      byChunk.set(chunk, width);
    }
    return width;
  };
  const unitsWidth = (key: FontKey, text: string): number => {
    let width = 0;
    // pdfkit shapes each word with its trailing space separately; do the same so widths match.
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === ' ' || c === '\t') {
        width += chunkWidth(key, text.slice(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length) width += chunkWidth(key, text.slice(start));
    return width;
  };
  return {
    width: (text, font, size) => unitsWidth(font, text) * size,
    metrics: (key) => {
      const font = fonts[key];
      return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
    },
  };
}
