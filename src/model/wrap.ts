import stringWidth from 'string-width';

// Most of the report is printable ASCII, where a character is a column: measuring it with
// string-width dominated the text edition's render time.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a string takes on a terminal: wide (CJK) characters count two, combining marks none. */
export const displayWidth = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text));

/** A run that must stay on one line, and whether a space separates it from the run before. */
interface Piece {
  text: string;
  width: number;
  spaceBefore: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Only ASCII whitespace separates words: a no-break space must keep its words together.
const SPACES = /[ \t\r\f\v]+/;
// Line-breaking rules (kinsoku) for CJK text: no line starts with closing punctuation and no
// line ends with opening punctuation.
const NO_BREAK_BEFORE = new Set([...'、。，．：；？！）］｝」』】〕〉》〙〗ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…,.;:!?)]}\'"’”»']);
const NO_BREAK_AFTER = new Set([...'（［｛「『【〔〈《〘〖([{‘“«']);

/** Ideographs and other wide letters may break between each other without a space; emoji may not. */
const breaksAround = (grapheme: string): boolean => grapheme.charCodeAt(0) >= 0x1100 && stringWidth(grapheme) === 2 && !/\p{Extended_Pictographic}/u.test(grapheme);

/** Split a word into the runs a line may break between (only around wide letters). */
function piecesOf(word: string): Piece[] {
  if (PRINTABLE_ASCII.test(word)) return [{ text: word, width: word.length, spaceBefore: true }];
  const pieces: Piece[] = [];
  let current = '';
  let previous = '';
  for (const { segment } of graphemes.segment(word)) {
    const mayBreak = current !== '' && (breaksAround(previous) || breaksAround(segment)) && !NO_BREAK_BEFORE.has(segment) && !NO_BREAK_AFTER.has(previous);
    if (mayBreak) {
      pieces.push({ text: current, width: displayWidth(current), spaceBefore: pieces.length === 0 });
      current = '';
    }
    current += segment;
    previous = segment;
  }
  if (current) pieces.push({ text: current, width: displayWidth(current), spaceBefore: pieces.length === 0 });
  return pieces;
}

/** Fill one line's worth of pieces greedily into lines no wider than `width`. */
function fill(pieces: Piece[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const piece of pieces) {
    const gap = piece.spaceBefore && line !== '' ? 1 : 0;
    if (line !== '' && used + gap + piece.width > width) {
      lines.push(line);
      line = piece.text;
      used = piece.width;
    } else {
      line += gap ? ` ${piece.text}` : piece.text;
      used += gap + piece.width;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Wrap text to `width` display columns. `\n` is a hard line break; runs of spaces collapse.
 * A word wider than the width (a long URL) is never split: it gets a line of its own.
 */
export function wrapText(text: string, width: number): string[] {
  const lines = text.split('\n').flatMap((hardLine) => fill(hardLine.split(SPACES).filter(Boolean).flatMap(piecesOf), width));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}
