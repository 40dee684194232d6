import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

/**
 * The Unicode Bidirectional Algorithm (UAX #9, through bidi-js): embedding levels for a
 * paragraph's text, and the visual order of a line's pieces. Even levels run left to right,
 * odd levels right to left.
 */
let loaded: Bidi | undefined;
/** bidi-js, loaded when a paragraph first has right-to-left text: left-to-right text never pays for it. */
function bidi(): Bidi {
  if (!loaded) {
    // A CommonJS module whose export is the factory (its types describe an ES default export).
    const factory = createRequire(import.meta.url)('bidi-js') as (() => Bidi) & { default?: () => Bidi };
    loaded = (factory.default ?? factory)();
  }
  return loaded;
}

// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their
// presentation forms): text without any, in a left-to-right paragraph, needs no bidi pass.
const RTL_CHARACTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether text set in a paragraph of `direction` can have any right-to-left run. */
export function mayHaveRtl(text: string, direction: 'ltr' | 'rtl'): boolean {
  return direction === 'rtl' || RTL_CHARACTER.test(text);
}

/** Whether text has a character of a right-to-left script. */
export const hasRtlCharacter = (text: string): boolean => RTL_CHARACTER.test(text);

/** A character's bidirectional class (UAX #9: L, R, AL, EN, AN, ON, NSM…). */
export function bidiClass(character: string): string {
  return bidi().getBidiCharTypeName(character);
}

const ISOLATE = { ltr: '\u2066', rtl: '\u2067' } as const;
const POP_ISOLATE = '\u2069';

/** A stretch of the text isolated in its own direction (a language span). */
export interface Isolate {
  start: number;
  end: number;
  dir: 'ltr' | 'rtl';
}

/**
 * Embedding levels, one per UTF-16 unit of `text`, for a paragraph of `direction`. Each
 * isolate is wrapped in LRI/RLI … PDI for the algorithm only, so a span's neutral characters
 * (quotation marks, full stops) take its direction, not its neighbours'.
 */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl', isolates: readonly Isolate[] = []): Uint8Array {
  if (isolates.length === 0) return bidi().getEmbeddingLevels(text, direction).levels;
  let marked = '';
  const origin: number[] = [];
  let at = 0;
  for (const isolate of isolates) {
    for (; at < isolate.start; at++) (origin.push(marked.length), (marked += text[at]));
    marked += ISOLATE[isolate.dir];
    for (; at < isolate.end; at++) (origin.push(marked.length), (marked += text[at]));
    marked += POP_ISOLATE;
  }
  for (; at < text.length; at++) (origin.push(marked.length), (marked += text[at]));
  const levels = bidi().getEmbeddingLevels(marked, direction).levels;
  return Uint8Array.from(origin, (i) => levels[i]!);
}

/** The mirror image of a character set right to left (`(` → `)`, `«` → `»`), or the character. */
export function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += bidi().getMirroredCharacter(ch) ?? ch;
  return out;
}

/**
 * The visual order of a line's pieces from their levels (UAX #9 rule L2): from the highest
 * level down to the lowest odd one, reverse every run of pieces at that level or higher.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (levels.length === 0) return order;
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : Infinity)));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}
