import type { Run } from '../runs.js';
import type { Measurer } from '../types.js';

/** How wide a column's content is: its longest word, and its longest line set without breaks. */
export interface ColumnExtent {
  /** The narrowest the column can be without cutting a word. */
  min: number;
  /** The width its widest cell takes on one line. */
  max: number;
}

/** The extent of one cell's runs, measured as the line breaker sets them (hard breaks start new lines). */
export function cellExtent(runs: readonly Run[], measure: Measurer): ColumnExtent {
  let min = 0;
  let max = 0;
  let line = 0;
  let word = 0;
  const endWord = () => {
    min = Math.max(min, word);
    word = 0;
  };
  for (const run of runs) {
    if (run.hardBreak) {
      endWord();
      max = Math.max(max, line);
      line = 0;
      continue;
    }
    for (const part of run.text.split(/([ \t\n\r]+)/)) {
      if (part === '') continue;
      const width = measure.width(/^\s+$/.test(part) ? ' ' : part, run.style.font, run.style.size);
      line += width;
      if (/^\s+$/.test(part)) endWord();
      else word += width;
    }
  }
  endWord();
  return { min, max: Math.max(max, line) };
}

/**
 * Column widths that fill `available` (each column's extent plus `padding`), as browsers lay
 * out automatic tables: when every column fits on one line, the room left is shared in
 * proportion to the columns' widths; otherwise each column gets its longest word and the rest
 * is shared in proportion to how much more each would like. Undefined when even the longest
 * words do not fit: the table needs a wider measure or smaller type.
 */
export function columnWidths(extents: readonly ColumnExtent[], available: number, padding: number): number[] | undefined {
  const min = extents.map((e) => e.min + padding);
  const max = extents.map((e, i) => Math.max(e.max + padding, min[i]!));
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMin > available + 0.01) return undefined;
  if (sumMax <= available) return max.map((w) => (w / sumMax) * available);
  const wanted = max.map((w, i) => w - min[i]!);
  const sumWanted = wanted.reduce((a, b) => a + b, 0);
  return min.map((w, i) => w + (sumWanted > 0 ? ((available - sumMin) * wanted[i]!) / sumWanted : (available - sumMin) / min.length));
}
