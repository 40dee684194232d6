import type { FontBook } from './fonts.js';
import type { FaceId, Measurer } from './layout/types.js';
import { RIGHT_TO_LEFT } from './shaping-cache.js';

interface Shaped {
  /** Advance width in ems. */
  width: number;
  /** The glyphs' characters, in order, are the text's. */
  spelled: boolean;
}

/**
 * A measurer over the PDF's fonts that computes widths exactly as pdfkit sets text: left to
 * right text shaped (kerning, ligatures) in chunks that end after each space, right to left
 * text shaped whole. Results are cached per face, so measuring the report costs one shaping
 * per distinct word.
 */
export function fontMeasurer(book: FontBook): Measurer {
  const cache = new Map<string, Map<string, Shaped>>();
  const shapeChunk = (face: FaceId, chunk: string, rtl: boolean): Shaped => {
    const cacheKey = rtl ? `${face}\u0001` : face;
    let byChunk = cache.get(cacheKey);
    if (!byChunk) cache.set(cacheKey, (byChunk = new Map()));
    let shaped = byChunk.get(chunk);
    if (shaped === undefined) {
      const font = book.font(face);
      const run = rtl ? font.layout(chunk, RIGHT_TO_LEFT) : font.layout(chunk);
      // Right-to-left glyphs come in visual order: read them backwards to compare.
      const glyphs = rtl ? [...run.glyphs].reverse() : run.glyphs;
      let spelled = '';
      for (const glyph of glyphs) spelled += String.fromCodePoint(...glyph.codePoints);
      shaped = { width: run.advanceWidth / font.unitsPerEm, spelled: spelled === chunk };
      byChunk.set(chunk, shaped);
    }
    return shaped;
  };
  const shapeText = (text: string, face: FaceId, rtl: boolean): Shaped => {
    if (rtl) return shapeChunk(face, text, true);
    let width = 0;
    let spelled = true;
    // pdfkit shapes each word with its trailing space separately; do the same so widths match.
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === ' ' || c === '\t') {
        const chunk = shapeChunk(face, text.slice(start, i + 1), false);
        width += chunk.width;
        spelled &&= chunk.spelled;
        start = i + 1;
      }
    }
    if (start < text.length) {
      const chunk = shapeChunk(face, text.slice(start), false);
      width += chunk.width;
      spelled &&= chunk.spelled;
    }
    return { width, spelled };
  };
  return {
    width: (text, face, size) => shapeText(text, face, false).width * size,
    shape: (text, face, size, rtl) => {
      const shaped = shapeText(text, face, rtl);
      return { width: shaped.width * size, spelled: shaped.spelled };
    },
    faceFor: (cluster, font, lang, near) => book.faceFor(cluster, font, lang, near),
    ownFaceHas: (text, font) => book.ownFaceHas(text, font),
    metrics: (face) => {
      const font = book.font(face);
      return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
    },
  };
}
