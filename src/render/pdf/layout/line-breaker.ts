import { graphemes } from '../../../fonts/coverage.js';
import { mirrored, visualOrder } from './bidi.js';
import { itemize, type Item, type ItemizedText } from './itemize.js';
import type { Run } from './runs.js';
import type { Line, Measurer, Segment, Shaping, TextStyle } from './types.js';

/** Vertical metrics shared by the lines of one block. */
export interface LineMetrics {
  height: number;
  baseline: number;
}

/** Line height and baseline for a block style: the glyphs centred in the leading. */
export function lineMetrics(style: TextStyle & { leading: number }, measure: Measurer): LineMetrics {
  const { ascent, descent } = measure.metrics(style.font);
  const content = (ascent + descent) * style.size;
  return { height: style.leading, baseline: (style.leading - content) / 2 + ascent * style.size };
}

// Breaking inside an over-long word (a URL) prefers to break after these.
const SOFT_BREAK_AFTER = new Set(['/', '-', '.', '?', '&', '=', '_', '#']);

/** A line's stretch of the text: `start` to `end` is set; a space the line broke at may follow. */
interface LineRange {
  start: number;
  end: number;
  /** The line ended at a space (or a hard break): a space glyph is kept for text extraction. */
  brokeAtSpace: boolean;
}

/**
 * Break runs into lines no wider than `width`, ragged on the paragraph's end side. Text is
 * itemized first (bidi levels, faces by coverage), then broken greedily at the break
 * opportunities of UAX #14 over the whole paragraph (spaces; between Chinese and Japanese
 * characters; after hyphens), never inside a grapheme cluster; a word longer than the line (a
 * URL) is cut between clusters, after a `/` or `-` where one is near enough. Each line is then
 * reordered for display (UAX #9 L2). Spaces are kept as real space glyphs — including one at
 * the end of every line but the last, outside the measured width — so text extraction and
 * screen readers, which join the lines of a paragraph, see the words apart. Segments are in
 * reading order; their `x` is where they are drawn.
 */
export function breakLines(runs: readonly Run[], width: number, measure: Measurer, metrics: LineMetrics, direction: 'ltr' | 'rtl' = 'ltr'): Line[] {
  const lines: Line[] = [];
  let part: Run[] = [];
  const setPart = (hardBreak: boolean) => {
    const text = itemize(part, measure, direction);
    const ranges = text.text === '' ? (hardBreak ? [{ start: 0, end: 0, brokeAtSpace: false }] : []) : breakText(text, width, measure);
    if (hardBreak && ranges.length > 0) ranges[ranges.length - 1]!.brokeAtSpace = text.text !== '';
    for (const range of ranges) lines.push(makeLine(text, range, width, measure, metrics));
    part = [];
  };
  for (const run of runs) {
    if (run.hardBreak) setPart(true);
    else part.push(run);
  }
  setPart(false);
  // A hard break at the very end leaves an empty line behind: drop it.
  while (lines.length > 0 && lines[lines.length - 1]!.segments.length === 0) lines.pop();
  return lines;
}

/** Width of text[start, end) as set: each item's part shaped in its face and direction. */
function rangeWidth(text: ItemizedText, start: number, end: number, measure: Measurer): number {
  let width = 0;
  for (const item of text.items) {
    if (item.end <= start || item.start >= end) continue;
    width += pieceShape(text, item, Math.max(start, item.start), Math.min(end, item.end), measure).width;
  }
  return width;
}

function pieceShape(text: ItemizedText, item: Item, start: number, end: number, measure: Measurer) {
  return measure.shape(text.text.slice(start, end), item.face, item.run.style.size, item.level % 2 === 1);
}

/** Where the spaces at the end of text[start, end) begin. */
function withoutTrailingSpaces(text: string, start: number, end: number): number {
  while (end > start && text[end - 1] === ' ') end--;
  return end;
}

/** Greedy line filling over the break opportunities. */
function breakText(text: ItemizedText, width: number, measure: Measurer): LineRange[] {
  const ranges: LineRange[] = [];
  let line: { start: number; end: number; contentEnd: number; width: number } | undefined;
  let chunkStart = 0;
  for (const chunkEnd of text.breaks) {
    const contentEnd = withoutTrailingSpaces(text.text, chunkStart, chunkEnd);
    const contentWidth = rangeWidth(text, chunkStart, contentEnd, measure);
    const fits = line && line.width + contentWidth <= width + 0.01;
    if (line && fits) {
      line.width += rangeWidth(text, chunkStart, chunkEnd, measure);
      line.end = chunkEnd;
      line.contentEnd = contentEnd;
    } else {
      if (line) ranges.push({ start: line.start, end: line.contentEnd, brokeAtSpace: line.contentEnd < line.end });
      if (contentWidth <= width + 0.01) {
        line = { start: chunkStart, end: chunkEnd, contentEnd, width: rangeWidth(text, chunkStart, chunkEnd, measure) };
      } else {
        const cuts = cutWord(text, chunkStart, contentEnd, width, measure);
        for (const cut of cuts.slice(0, -1)) ranges.push({ start: cut.start, end: cut.end, brokeAtSpace: false });
        const last = cuts[cuts.length - 1]!;
        line = { start: last.start, end: chunkEnd, contentEnd, width: rangeWidth(text, last.start, chunkEnd, measure) };
      }
    }
    chunkStart = chunkEnd;
  }
  if (line) ranges.push({ start: line.start, end: line.contentEnd, brokeAtSpace: false });
  return ranges;
}

/** Cut text[start, end), wider than the line, into pieces that fit, between grapheme clusters, preferring soft break points. */
function cutWord(text: ItemizedText, start: number, end: number, width: number, measure: Measurer): { start: number; end: number }[] {
  const clusters: { start: number; end: number; width: number; soft: boolean }[] = [];
  let at = start;
  for (const cluster of graphemes(text.text.slice(start, end))) {
    clusters.push({ start: at, end: at + cluster.length, width: rangeWidth(text, at, at + cluster.length, measure), soft: SOFT_BREAK_AFTER.has(cluster) });
    at += cluster.length;
  }
  const pieces: { start: number; end: number }[] = [];
  let first = 0;
  while (first < clusters.length) {
    let next = first;
    let used = 0;
    let soft = -1;
    while (next < clusters.length) {
      const w = clusters[next]!.width;
      if (next > first && used + w > width) break;
      used += w;
      if (clusters[next]!.soft) soft = next + 1;
      next++;
    }
    // Break after the last soft point unless that leaves most of the line empty.
    if (next < clusters.length && soft > first && soft - first >= (next - first) * 0.4) next = soft;
    pieces.push({ start: clusters[first]!.start, end: clusters[next - 1]!.end });
    first = next;
  }
  return pieces;
}

/** The segments of one line: one per item part, in reading order, placed in visual order. */
function makeLine(text: ItemizedText, range: LineRange, width: number, measure: Measurer, metrics: LineMetrics): Line {
  const parts = text.items
    .filter((item) => item.end > range.start && item.start < range.end)
    .map((item) => {
      const start = Math.max(range.start, item.start);
      const end = Math.min(range.end, item.end);
      return { item, start, end, ...pieceShape(text, item, start, end, measure) };
    });
  const levels = parts.map((p) => p.item.level);
  const order = text.baseLevel === 0 && levels.every((l) => l === 0) ? parts.map((_, i) => i) : visualOrder(levels);
  const x = new Array<number>(parts.length);
  let lineWidth = 0;
  for (const i of order) {
    x[i] = lineWidth;
    lineWidth += parts[i]!.width;
  }
  // A right-to-left paragraph is set flush right.
  const shift = text.baseLevel === 1 ? width - lineWidth : 0;
  const segments: Segment[] = parts.map((part, i) => {
    const { run } = part.item;
    const rtl = part.item.level % 2 === 1;
    // Right to left, paired punctuation is drawn mirrored: « opens on the right.
    const written = text.text.slice(part.start, part.end);
    const segment: Segment = { text: rtl ? mirrored(written) : written, style: run.style, x: x[i]! + shift, width: part.width, rise: run.rise ?? 0, struct: run.struct };
    if (run.link) {
      segment.link = run.link;
      segment.underline = true;
    }
    if (run.pageNumberOf) segment.pageNumberOf = run.pageNumberOf;
    const shaping: Shaping = {};
    if (part.item.face !== run.style.font) shaping.face = part.item.face;
    if (rtl) {
      shaping.rtl = true;
      if (segment.text !== written) shaping.reading = written;
    } else if (!part.spelled) shaping.actualText = segment.text;
    if (Object.keys(shaping).length > 0) segment.shaping = shaping;
    return segment;
  });
  // The space the line broke at stays in the text (invisible at the ragged edge) but not in the width.
  const last = segments[segments.length - 1];
  if (last && range.brokeAtSpace) {
    if (!last.shaping?.rtl) last.text += ' ';
    else {
      const space = measure.shape(' ', last.shaping.face ?? last.style.font, last.style.size, false).width;
      segments.push({ ...last, text: ' ', x: text.baseLevel === 1 ? shift - space : lineWidth, width: 0, shaping: { ...(last.shaping.face ? { face: last.shaping.face } : {}) } });
      delete segments[segments.length - 1]!.link;
      delete segments[segments.length - 1]!.underline;
    }
  }
  const footnoteIds = [...new Set(parts.flatMap((p) => (p.item.run.footnoteId ? [p.item.run.footnoteId] : [])))];
  const line: Line = { segments, width: lineWidth, height: metrics.height, baseline: metrics.baseline, footnoteIds };
  if (text.baseLevel === 1 || levels.some((l) => l !== 0)) line.reordered = true;
  return line;
}
