import type { Font, GlyphRun } from 'fontkit';

// Per font (name and checksum), kept for the process: `lwr build` sets several editions.
const caches = new Map<string, Map<string, GlyphRun>>();

/**
 * The font with its text shaping memoised. Shaping (kerning, ligatures) is the slowest part
 * of setting the PDF; the layout measures every word and pdfkit shapes it again when
 * drawing, so both share this one cache and each distinct word is shaped once per face.
 */
export function withShapingCache(font: Font): Font {
  const key = `${font.postscriptName}:${font.head.checkSumAdjustment}`;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Map()));
  const runs = cache;
  const layout = (text: string, features?: string[] | Record<string, boolean>): GlyphRun => {
    if (features) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      runs.set(text, run);
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
