import { createRequire } from 'node:module';
import type LineBreakerClass from 'linebreak';
import { graphemes, mayCluster } from '../../../fonts/coverage.js';
import { embeddingLevels, mayHaveRtl, type Isolate } from './bidi.js';
import type { Run } from './runs.js';
import type { FaceId, Measurer } from './types.js';

// The CommonJS build pdfkit itself loads (require), so the process parses its tables once.
const LineBreaker = createRequire(import.meta.url)('linebreak') as typeof LineBreakerClass;

/** A stretch of a paragraph drawn by one face at one bidi level, all from one run. */
export interface Item {
  run: Run;
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
  face: FaceId;
  /** Bidi embedding level: odd is right to left. */
  level: number;
}

/** A paragraph (or the part of one between hard breaks) ready for line breaking. */
export interface ItemizedText {
  /** The text as set: white space collapsed (except in preformatted runs). */
  text: string;
  /** Items in logical order, covering the text. */
  items: Item[];
  /** Offsets where a line may begin (UAX #14), ascending, ending with text.length; never inside a grapheme cluster. */
  breaks: number[];
  /** 0 for a left-to-right paragraph, 1 for a right-to-left one. */
  baseLevel: number;
}

// A line end between two characters of Chinese or Japanese is no space (CSS Text's segment
// break rule): writers of those languages wrap source lines anywhere.
const WIDE_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
const WIDE = new RegExp(`[${WIDE_CLASS}]`, 'u');
const WIDE_LINE_END = new RegExp(`(?<=[${WIDE_CLASS}])[ \\t]*\\n[ \\t]*(?=[${WIDE_CLASS}])`, 'gu');

/**
 * Itemize runs the way typesetters do: collapse white space, resolve bidi levels (the
 * paragraph's direction, language spans isolated in theirs), pick each grapheme cluster's face
 * from its style's stack by coverage, and find the break opportunities of UAX #14 over the
 * whole text, keeping only those between grapheme clusters.
 */
export function itemize(runs: readonly Run[], measure: Measurer, direction: 'ltr' | 'rtl'): ItemizedText {
  let text = '';
  const spans: { run: Run; start: number; end: number }[] = [];
  for (const run of runs) {
    let value = run.text;
    if (run.preformatted) value = value.replace(/\t/g, '    ');
    else {
      if (value.includes('\n') && WIDE.test(value)) value = value.replace(WIDE_LINE_END, '');
      value = value.replace(/[ \t\n\r]+/g, ' ');
      if (text === '' || text.endsWith(' ')) value = value.replace(/^ /, '');
    }
    if (value === '') continue;
    spans.push({ run, start: text.length, end: text.length + value.length });
    text += value;
  }
  // Spaces at the end of the paragraph are not set.
  while (spans.length > 0) {
    const last = spans[spans.length - 1]!;
    if (last.run.preformatted || !text.endsWith(' ')) break;
    text = text.slice(0, -1);
    last.end--;
    if (last.end === last.start) spans.pop();
  }

  const baseLevel = direction === 'rtl' ? 1 : 0;
  const levels = mayHaveRtl(text, direction) ? embeddingLevels(text, direction, isolatesOf(spans)) : undefined;

  const items: Item[] = [];
  // Offsets inside spans with multi-unit clusters where a cluster starts; elsewhere every offset is a boundary.
  const clusteredSpans: { start: number; end: number }[] = [];
  const boundaries = new Set<number>();
  for (const span of spans) {
    const { run } = span;
    const value = text.slice(span.start, span.end);
    if (!levels && measure.ownFaceHas?.(value, run.style.font)) {
      // Ordinary text in the style's own face, left to right: one item, one cluster per unit.
      const last = items[items.length - 1];
      if (last && last.run === run && last.end === span.start && last.face === run.style.font && last.level === baseLevel) last.end = span.end;
      else items.push({ run, start: span.start, end: span.end, face: run.style.font, level: baseLevel });
      continue;
    }
    const clustered = mayCluster(value);
    if (clustered) clusteredSpans.push(span);
    let offset = span.start;
    let current: Item | undefined;
    const place = (cluster: string) => {
      const level = levels ? levels[offset]! : baseLevel;
      // A space stays with the face around it, so a phrase in one script is one item.
      const face = cluster === ' ' && current ? current.face : (measure.faceFor(cluster, run.style.font, run.language?.lang, items[items.length - 1]?.face) ?? run.style.font);
      if (current && current.face === face && current.level === level) current.end += cluster.length;
      else {
        current = { run, start: offset, end: offset + cluster.length, face, level };
        items.push(current);
      }
      if (clustered) boundaries.add(offset);
      offset += cluster.length;
    };
    // Most text has no cluster longer than one UTF-16 unit: no segmenter, no array of clusters.
    if (clustered) for (const cluster of graphemes(value)) place(cluster);
    else for (let i = 0; i < value.length; i++) place(value[i]!);
  }

  const isBoundary = (position: number) => boundaries.has(position) || !clusteredSpans.some((s) => position > s.start && position < s.end);
  const breaks: number[] = [];
  const breaker = new LineBreaker(text);
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position === text.length || isBoundary(next.position)) breaks.push(next.position);
  }
  if (breaks[breaks.length - 1] !== text.length) breaks.push(text.length);
  return { text, items, breaks, baseLevel };
}

/** Stretches of consecutive runs of one language span, isolated in the span's direction. */
function isolatesOf(spans: readonly { run: Run; start: number; end: number }[]): Isolate[] {
  const isolates: Isolate[] = [];
  for (const [i, span] of spans.entries()) {
    const language = span.run.language;
    if (!language) continue;
    const last = isolates[isolates.length - 1];
    const previous = spans[i - 1];
    if (last && previous?.run.language === language && last.end === span.start) last.end = span.end;
    else isolates.push({ start: span.start, end: span.end, dir: language.dir });
  }
  return isolates;
}
