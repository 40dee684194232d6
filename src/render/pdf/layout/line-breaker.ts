import type { Run } from './runs.js';
import type { Line, Measurer, Segment, TextStyle } from './types.js';

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

interface Piece {
  run: Run;
  text: string;
}

type Word = Piece[];

// Breaking inside an over-long word (a URL) prefers to break after these.
const SOFT_BREAK_AFTER = new Set(['/', '-', '.', '?', '&', '=', '_', '#']);

/**
 * Break runs into lines no wider than `width`: greedy, ragged right, breaking only at spaces
 * and hard breaks. A word longer than the line (a URL) is cut, after a `/` or `-` where one
 * is near enough. Spaces are kept as real space glyphs — including one at the end of every
 * line but the last, outside the measured width — so text extraction and screen readers,
 * which join the lines of a paragraph, see the words apart.
 */
export function breakLines(runs: readonly Run[], width: number, measure: Measurer, metrics: LineMetrics): Line[] {
  const lines: Line[] = [];
  let current: Piece[] = [];
  let currentWidth = 0;
  const widthOf = (piece: Piece) => measure.width(piece.text, piece.run.style.font, piece.run.style.size);
  const wordWidth = (word: Word) => word.reduce((sum, piece) => sum + widthOf(piece), 0);

  const finishLine = (endsWithSpace: Run | undefined) => {
    lines.push(makeLine(current, measure, metrics, endsWithSpace));
    current = [];
    currentWidth = 0;
  };

  const place = (word: Word, space: Run | undefined) => {
    const w = wordWidth(word);
    const spacePiece = space && current.length > 0 ? { run: space, text: ' ' } : undefined;
    const spaceWidth = spacePiece ? widthOf(spacePiece) : 0;
    if (current.length > 0 && currentWidth + spaceWidth + w <= width + 0.01) {
      if (spacePiece) current.push(spacePiece);
      current.push(...word);
      currentWidth += spaceWidth + w;
      return;
    }
    if (current.length > 0) finishLine(space);
    if (w <= width + 0.01) {
      current.push(...word);
      currentWidth = w;
      return;
    }
    const chunks = cutWord(word, width, widthOf);
    chunks.forEach((chunk, i) => {
      current.push(...chunk);
      currentWidth = wordWidth(chunk);
      if (i < chunks.length - 1) finishLine(undefined);
    });
  };

  let word: Word = [];
  let spaceBefore: Run | undefined;
  let pendingSpace: Run | undefined;
  const endWord = () => {
    if (word.length > 0) place(word, spaceBefore);
    word = [];
  };

  for (const run of runs) {
    if (run.hardBreak) {
      endWord();
      finishLine(run);
      spaceBefore = undefined;
      pendingSpace = undefined;
      continue;
    }
    for (const part of run.text.split(/([ \t\n\r]+)/)) {
      if (part === '') continue;
      if (/^[ \t\n\r]+$/.test(part)) {
        endWord();
        pendingSpace = run;
        continue;
      }
      if (word.length === 0) {
        spaceBefore = pendingSpace;
        pendingSpace = undefined;
      }
      word.push({ run, text: part });
    }
  }
  endWord();
  if (current.length > 0) finishLine(undefined);
  // A hard break at the very end leaves an empty line behind: drop it.
  while (lines.length > 0 && lines[lines.length - 1]!.segments.length === 0) lines.pop();
  return lines;
}

/** Cut a word wider than the line into pieces that fit, preferring soft break points. */
function cutWord(word: Word, width: number, widthOf: (piece: Piece) => number): Word[] {
  const chars: Piece[] = word.flatMap((piece) => Array.from(piece.text, (text) => ({ run: piece.run, text })));
  const chunks: Word[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let used = 0;
    let soft = -1;
    while (end < chars.length) {
      const w = widthOf(chars[end]!);
      if (end > start && used + w > width) break;
      used += w;
      if (SOFT_BREAK_AFTER.has(chars[end]!.text)) soft = end + 1;
      end++;
    }
    // Break after the last soft point unless that leaves most of the line empty.
    if (end < chars.length && soft > start && soft - start >= (end - start) * 0.4) end = soft;
    chunks.push(mergePieces(chars.slice(start, end)));
    start = end;
  }
  return chunks;
}

function mergePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.run === piece.run) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

function makeLine(pieces: readonly Piece[], measure: Measurer, metrics: LineMetrics, endsWithSpace: Run | undefined): Line {
  const segments: Segment[] = [];
  let x = 0;
  for (const piece of mergePieces(pieces)) {
    const { run } = piece;
    const width = measure.width(piece.text, run.style.font, run.style.size);
    const segment: Segment = { text: piece.text, style: run.style, x, width, rise: run.rise ?? 0, struct: run.struct };
    if (run.link) {
      segment.link = run.link;
      segment.underline = true;
    }
    if (run.pageNumberOf) segment.pageNumberOf = run.pageNumberOf;
    segments.push(segment);
    x += width;
  }
  const last = segments[segments.length - 1];
  // The space the line broke at stays in the text (invisible at the ragged edge) but not in the width.
  if (last && endsWithSpace) last.text += ' ';
  const footnoteIds = [...new Set(pieces.flatMap((p) => (p.run.footnoteId ? [p.run.footnoteId] : [])))];
  return { segments, width: x, height: metrics.height, baseline: metrics.baseline, footnoteIds };
}
