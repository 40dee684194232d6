import type { Font, GlyphRun } from 'fontkit';

/**
 * What the drawing layer passes as pdfkit's `features` to set a run right to left: pdfkit
 * hands it to the font's `layout`, which this module intercepts.
 */
export const RIGHT_TO_LEFT: string[] = Object.freeze(['lwr-right-to-left']) as string[];

// Per font (name and checksum), kept for the process: `lwr build` sets several editions.
const caches = new Map<string, Map<string, GlyphRun>>();

/**
 * The font with its text shaping memoised. Shaping (kerning, ligatures, Arabic joining) is
 * the slowest part of setting the PDF; the layout measures every word and pdfkit shapes it
 * again when drawing, so both share this one cache and each distinct word is shaped once per
 * face and direction. Right-to-left text is shaped with the direction given, so its glyphs
 * come back in visual order whatever its characters.
 */
export function withShapingCache(font: Font): Font {
  const key = `${font.postscriptName}:${font.head.checkSumAdjustment}`;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Map()));
  const runs = cache;
  const layout = (text: string, features?: string[] | Record<string, boolean>): GlyphRun => {
    const rtl = features === RIGHT_TO_LEFT;
    if (features && !rtl) return font.layout(text, features);
    const cacheKey = rtl ? `\u0001${text}` : text;
    let run = runs.get(cacheKey);
    if (!run) {
      run = rtl ? rightToLeft(font, text) : font.layout(text);
      runs.set(cacheKey, run);
    }
    // pdfkit scales the positions it is given in place: hand out copies.
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Shape right to left; fontkit reverses only through OpenType layout, so a font without it is reversed here. */
function rightToLeft(font: Font, text: string): GlyphRun {
  const run = font.layout(text, undefined, undefined, undefined, 'rtl');
  if (font.GSUB || font.GPOS) return run;
  return { glyphs: [...run.glyphs].reverse(), positions: [...run.positions].reverse(), advanceWidth: run.advanceWidth };
}
