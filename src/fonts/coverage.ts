/**
 * What a font covers, as data: sorted, inclusive ranges of code points (a font's cmap, or
 * fontconfig's `charset`). Pure: no font files are opened here.
 */

/** Inclusive ranges of code points, sorted and not overlapping. */
export type Ranges = readonly (readonly [number, number])[];

/** Whether `ranges` holds `codePoint` (binary search). */
export function covers(ranges: Ranges, codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The ranges of a set of code points. */
export function rangesOf(codePoints: Iterable<number>): Ranges {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

/** fontconfig's charset text (`20-7e a0-17f 2013`) as ranges. */
export function parseCharset(text: string): Ranges {
  const out: [number, number][] = [];
  for (const part of text.trim().split(/\s+/)) {
    if (!part) continue;
    const [a, b] = part.split('-');
    const start = parseInt(a!, 16);
    const end = b === undefined ? start : parseInt(b, 16);
    if (Number.isFinite(start) && Number.isFinite(end)) out.push([start, end]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * Code points a font need not have: they draw nothing (joiners, variation selectors, bidi
 * controls, the soft hyphen). Unicode's Default_Ignorable_Code_Point, as shapers treat it.
 */
export function isIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    (codePoint >= 0x115f && codePoint <= 0x1160) ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/** Whether a code point is a control or space that no font needs to draw (newlines, tabs). */
export function isLayoutControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || codePoint === 0x2028 || codePoint === 0x2029;
}

/** The code points of a grapheme cluster a font must have a glyph for. */
export function drawnCodePoints(cluster: string): number[] {
  const out: number[] = [];
  for (const ch of cluster) {
    const cp = ch.codePointAt(0)!;
    if (!isIgnorable(cp) && !isLayoutControl(cp)) out.push(cp);
  }
  return out;
}

// Characters that may join the character before them into one grapheme cluster (combining
// marks, joiners, variation selectors, surrogate pairs, Hangul jamo, prepended marks). Text
// without any is one cluster per UTF-16 unit, so the segmenter can be skipped (most text).
const MAY_CLUSTER = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{10000}-\u{10ffff}\u1100-\u11ff\u0600-\u0605\u06dd\u070f\u08e2\r\uff9e\uff9f]/u;
let segmenter: Intl.Segmenter | undefined;

/** Whether `text` may hold a grapheme cluster of more than one UTF-16 unit. */
export const mayCluster = (text: string): boolean => MAY_CLUSTER.test(text);

/** The grapheme clusters of `text` (user-perceived characters: an emoji sequence, a letter with its marks). */
export function graphemes(text: string): string[] {
  if (!MAY_CLUSTER.test(text)) return text.split('');
  // Created on first use: it loads ICU's break rules, which text without clusters never needs.
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Code points below this are answered from a bitmap (most text). */
const LOW = 0x3000;

/**
 * A fast test of whether every face in `faces` has a code point: a bitmap for the common
 * range, binary search above it. Used to skip the characters lwr's own fonts have.
 */
export function everyFaceHas(faces: readonly { coverage: Ranges }[]): (codePoint: number) => boolean {
  const bits = new Uint8Array(LOW).fill(faces.length > 0 ? 1 : 0);
  for (const face of faces) {
    const own = new Uint8Array(LOW);
    for (const [start, end] of face.coverage) for (let cp = start; cp <= end && cp < LOW; cp++) own[cp] = 1;
    for (let cp = 0; cp < LOW; cp++) bits[cp]! &= own[cp]!;
  }
  return (codePoint) => (codePoint < LOW ? bits[codePoint] === 1 : faces.length > 0 && faces.every((face) => covers(face.coverage, codePoint)));
}
