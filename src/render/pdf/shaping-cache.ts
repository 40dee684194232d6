import type { Font, Glyph, GlyphRun } from 'fontkit';

/**
 * What the drawing layer passes as pdfkit's `features` to set a run right to left: pdfkit
 * hands it to the font's `layout`, which this module intercepts.
 */
export const RIGHT_TO_LEFT: string[] = Object.freeze(['lwr-right-to-left']) as string[];

/**
 * A shaped run as data, all that lwr and pdfkit read of it: per glyph its id (`g`), advance
 * width in font units (`w`) and the code points it draws (`c`), and its position as xAdvance,
 * yAdvance, xOffset, yOffset, four numbers a glyph (`p`).
 */
export interface ShapedRunRecord {
  g: number[];
  w: number[];
  c: number[][];
  p: number[];
}

/** Shaped runs by font (`fontKey`) and text (right-to-left text after a `\u0001`). */
export type ShapingRecords = Record<string, Record<string, ShapedRunRecord>>;

/** A glyph as lwr and pdfkit use it: its id, advance width, and the characters it draws. */
type PlainGlyph = Pick<Glyph, 'id' | 'advanceWidth' | 'codePoints'>;

// Per font (name and checksum), kept for the process: `lwr build` sets several editions.
const caches = new Map<string, Map<string, GlyphRun>>();
// Runs known before this process shaped anything (the build's cache, .lwr-cache/), by font.
const seeded = new Map<string, Record<string, ShapedRunRecord>>();
// Runs this process shaped itself, by font: what a cache does not have yet.
const learned = new Map<string, Map<string, ShapedRunRecord>>();

/** A font's key: its PostScript name and the checksum of its file's contents. */
export const fontKey = (font: Font): string => `${font.postscriptName}:${font.head.checkSumAdjustment}`;

/** Runs shaped before (by an earlier build, for the same fonts), used instead of shaping them again. */
export function seedShaping(records: ShapingRecords): void {
  for (const [key, runs] of Object.entries(records)) seeded.set(key, { ...seeded.get(key), ...runs });
}

/** The runs this process shaped itself since the last call, for the build's cache. */
export function takeLearnedShaping(): ShapingRecords {
  const out: ShapingRecords = {};
  for (const [key, runs] of learned) if (runs.size > 0) out[key] = Object.fromEntries(runs);
  learned.clear();
  return out;
}

/**
 * The font with its text shaping memoised. Shaping (kerning, ligatures, Arabic joining) is
 * the slowest part of setting the PDF; the layout measures every word and pdfkit shapes it
 * again when drawing, so both share this one cache and each distinct word is shaped once per
 * face and direction. Right-to-left text is shaped with the direction given, so its glyphs
 * come back in visual order whatever its characters. A run shaped by an earlier build
 * (seedShaping) is taken as it was recorded: the same glyphs, widths and positions.
 */
export function withShapingCache(font: Font): Font {
  const key = fontKey(font);
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Map()));
  const runs = cache;
  const layout = (text: string, features?: string[] | Record<string, boolean>): GlyphRun => {
    const rtl = features === RIGHT_TO_LEFT;
    if (features && !rtl) return font.layout(text, features);
    const cacheKey = rtl ? `\u0001${text}` : text;
    let run = runs.get(cacheKey);
    if (!run) {
      const record = seeded.get(key)?.[cacheKey];
      if (record && isRecord(record)) run = runOf(record);
      else {
        const shaped = rtl ? rightToLeft(font, text) : font.layout(text);
        const recorded = recordOf(shaped);
        let mine = learned.get(key);
        if (!mine) learned.set(key, (mine = new Map()));
        mine.set(cacheKey, recorded);
        // The cached run is the recorded one, so a build that shapes a word and one that reads it back hand pdfkit the same.
        run = runOf(recorded);
      }
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

function recordOf(run: GlyphRun): ShapedRunRecord {
  const p: number[] = [];
  for (const position of run.positions) p.push(position.xAdvance, position.yAdvance, position.xOffset, position.yOffset);
  return { g: run.glyphs.map((glyph) => glyph.id), w: run.glyphs.map((glyph) => glyph.advanceWidth), c: run.glyphs.map((glyph) => [...glyph.codePoints]), p };
}

function runOf(record: ShapedRunRecord): GlyphRun {
  const glyphs: PlainGlyph[] = record.g.map((id, i) => ({ id, advanceWidth: record.w[i]!, codePoints: record.c[i]! }));
  const positions = record.g.map((_, i) => ({ xAdvance: record.p[4 * i]!, yAdvance: record.p[4 * i + 1]!, xOffset: record.p[4 * i + 2]!, yOffset: record.p[4 * i + 3]! }));
  return { glyphs: glyphs as Glyph[], positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) } as GlyphRun;
}

const isNumbers = (value: unknown, length: number): boolean => Array.isArray(value) && value.length === length && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** A record read back from a cache file has the shape recordOf writes (anything else is shaped again). */
function isRecord(record: ShapedRunRecord): boolean {
  const n = Array.isArray(record.g) ? record.g.length : -1;
  return n >= 0 && isNumbers(record.g, n) && isNumbers(record.w, n) && isNumbers(record.p, 4 * n) && Array.isArray(record.c) && record.c.length === n && record.c.every((c) => isNumbers(c, Array.isArray(c) ? c.length : -1));
}

/** Shape right to left; fontkit reverses only through OpenType layout, so a font without it is reversed here. */
function rightToLeft(font: Font, text: string): GlyphRun {
  const run = font.layout(text, undefined, undefined, undefined, 'rtl');
  if (font.GSUB || font.GPOS) return run;
  return { glyphs: [...run.glyphs].reverse(), positions: [...run.positions].reverse(), advanceWidth: run.advanceWidth };
}
