import { bidiClass, hasRtlCharacter } from './bidi.js';
import type { Drawable, DrawnLine, PageLayout } from './types.js';

/**
 * The text layer of right-to-left text: what a PDF's text extractor reads back.
 *
 * Glyphs are drawn in visual order, and extractors put a line back into reading order with a
 * heuristic of their own. Poppler's (`pdftotext`, and the build's verification) is simple: it
 * reads a page's lines left to right, decides once per page whether the page is mostly
 * left-to-right (more characters of class L than R), and then reverses every stretch of
 * right-to-left letters and neutral characters — stopping at any digit, `.`, `,`, `:`, `%`,
 * `/` or left-to-right letter. So a comma or a year inside an Arabic sentence sent its clauses
 * back in visual order, and vowel marks and ligatures came apart.
 *
 * On every line set right to left (and on every line of a page that is mostly right to left),
 * lwr therefore writes the line's text as ActualText, arranged so that poppler's own
 * reordering gives it back in reading order, character for character: the stretches poppler
 * will reverse are written reversed, in the order poppler will read them. Where poppler's
 * rule cannot give a sequence back as it is (a right-to-left word, a space, then a digit or a
 * left-to-right word), an invisible directional mark (U+200F RLM, U+200E LRM) is added where
 * the text's own direction already is, so nothing is moved. Pure: pages in, pages out.
 */

/** Poppler's classes: left-to-right letters, right-to-left letters, numbers and their separators, the rest. */
type ExtractionClass = 'L' | 'R' | 'N' | 'O';

const RLM = '\u200f';
const LRM = '\u200e';

/**
 * How poppler classes a character (its UnicodeTypeTable): letters by their bidi class, numbers
 * with the separators and terminators that go with them (`,` `.` `/` `:` `%` `+` `-`, Arabic
 * comma, no-break space) as numbers; characters beyond the Basic Multilingual Plane as neutral.
 */
export function extractionClass(character: string): ExtractionClass {
  if (character.codePointAt(0)! > 0xffff) return 'O';
  switch (bidiClass(character)) {
    case 'L':
      return 'L';
    case 'R':
    case 'AL':
      return 'R';
    case 'EN':
    case 'ES':
    case 'ET':
    case 'CS':
    case 'AN':
      return 'N';
    default:
      return 'O';
  }
}

/** A character of a line's text and the segment (by its index) that owns it. */
interface Owned {
  ch: string;
  owner: number;
}

/**
 * The line's text as poppler must find it, left to right, for its reordering to give `text`
 * back: on a mostly left-to-right page it reverses each stretch that starts with a
 * right-to-left letter and runs over letters and neutrals up to a number or left-to-right
 * letter; on a mostly right-to-left page it reads the line from the right, reversing back
 * each stretch of left-to-right letters, numbers and neutrals. Directional marks are added
 * where a stretch would otherwise swallow the neutrals after it.
 */
export function extractionOrder(text: readonly Owned[], leftToRightPage: boolean): Owned[] {
  const marked = withMarks(text, leftToRightPage);
  const cls = marked.map((c) => extractionClass(c.ch));
  const out: Owned[] = [];
  let i = 0;
  // Left to right: [anything but R]* kept, then [R, then R or neutral]* reversed.
  // Right to left (built reversed, then turned round): [anything but L/N]* kept, then [L/N, then anything but R]* reversed.
  const keep = leftToRightPage ? (k: ExtractionClass) => k !== 'R' : (k: ExtractionClass) => k !== 'L' && k !== 'N';
  const flip = leftToRightPage ? (k: ExtractionClass) => k !== 'L' && k !== 'N' : (k: ExtractionClass) => k !== 'R';
  while (i < marked.length) {
    let j = i;
    while (j < marked.length && keep(cls[j]!)) j++;
    out.push(...marked.slice(i, j));
    let k = j;
    while (k < marked.length && flip(cls[k]!)) k++;
    out.push(...marked.slice(j, k).reverse());
    i = k;
  }
  return leftToRightPage ? out : out.reverse();
}

/**
 * Add a mark where poppler's rule would carry neutrals across: on a left-to-right page an RLM
 * after right-to-left text and the neutrals that follow it, before a number or a
 * left-to-right letter (or the line's end); on a right-to-left page an LRM likewise after
 * left-to-right text. The mark belongs to the segment of the neutral before it.
 */
function withMarks(text: readonly Owned[], leftToRightPage: boolean): Owned[] {
  const mark = leftToRightPage ? RLM : LRM;
  const opens = leftToRightPage ? (k: ExtractionClass) => k === 'R' : (k: ExtractionClass) => k === 'L' || k === 'N';
  const closes = leftToRightPage ? (k: ExtractionClass) => k === 'L' || k === 'N' : (k: ExtractionClass) => k === 'R';
  const out: Owned[] = [];
  let open = false;
  let neutrals = false;
  for (const c of text) {
    const k = extractionClass(c.ch);
    if (closes(k) && open && neutrals) out.push({ ch: mark, owner: out[out.length - 1]!.owner });
    if (opens(k)) [open, neutrals] = [true, false];
    else if (closes(k)) [open, neutrals] = [false, false];
    else if (open) neutrals = true;
    out.push(c);
  }
  if (open && neutrals) out.push({ ch: mark, owner: out[out.length - 1]!.owner });
  return out;
}

/** One drawn piece of a line: its text in reading order, where it is drawn, whether it is set right to left. */
export interface LinePiece {
  reading: string;
  x: number;
  /** Its advance width, when known: a piece set apart by a gap (a hung label, a page number) is read as a word of its own. */
  width?: number;
  rtl: boolean;
}

/** Wider than this, a gap between two pieces is a space to poppler (it sees one from 0.03 em). */
const GAP = 1;

/**
 * The ActualText of each piece of a line (in reading order) so that poppler reads the line in
 * reading order; undefined where the glyphs already give the right text. The line's text in
 * extraction order is cut between the pieces in the order poppler reads them (left to right);
 * pieces whose characters cannot stay their own (a right-to-left phrase and the space after
 * it) share their stretch, cut where the fewest characters change hands. A piece set apart
 * at either end of the line (a list or note label hung in the margin, a page number) is a
 * word of its own to poppler, read first or last by where it is: on a right-to-left page,
 * where that is not where it is read, it gives its text to the line, with a space, and its
 * own ActualText is empty.
 */
export function lineActualTexts(pieces: readonly LinePiece[], leftToRightPage: boolean): (string | undefined)[] {
  const { alone, apart } = setApart(pieces, leftToRightPage);
  const logical: Owned[] = [];
  // A piece set apart is read with a space between it and the line (the gap).
  const spaced = (c: Owned | undefined) => c !== undefined && /\s/.test(c.ch);
  pieces.forEach((piece, owner) => {
    if (alone.has(owner)) return;
    const chars = Array.from(piece.reading, (ch) => ({ ch, owner }));
    const last = logical[logical.length - 1];
    if (last && !spaced(last) && chars.length > 0 && !spaced(chars[0]) && apart.has(owner) !== apart.has(last.owner)) logical.push({ ch: ' ', owner: apart.has(owner) ? owner : last.owner });
    logical.push(...chars);
  });
  // Poppler drops the spaces at either end of a line.
  let start = 0;
  let end = logical.length;
  while (start < end && /\s/.test(logical[start]!.ch)) start++;
  while (end > start && /\s/.test(logical[end - 1]!.ch)) end--;
  const kept = logical.slice(start, end);
  const order = extractionOrder(kept, leftToRightPage);

  const result = pieces.map((_, i): string | undefined => (apart.has(i) ? '' : undefined));
  const positions = pieces.map(() => [] as number[]);
  order.forEach((c, at) => {
    if (!apart.has(c.owner)) positions[c.owner]!.push(at);
  });
  const byX = pieces.map((_, i) => i).filter((i) => positions[i]!.length > 0);
  byX.sort((a, b) => pieces[a]!.x - pieces[b]!.x || a - b);
  if (byX.length === 0) return pieces.map(() => undefined);

  // A cut between pieces is possible where everything to its left comes before everything to its right.
  const first = byX.map((i) => positions[i]![0]!);
  const last = byX.map((i) => positions[i]![positions[i]!.length - 1]!);
  const suffixFirst = [...first];
  for (let g = byX.length - 2; g >= 0; g--) suffixFirst[g] = Math.min(suffixFirst[g]!, suffixFirst[g + 1]!);
  let groupStart = 0;
  let from = 0;
  let maxLast = -1;
  for (let g = 0; g < byX.length; g++) {
    maxLast = Math.max(maxLast, last[g]!);
    if (g + 1 < byX.length && maxLast >= suffixFirst[g + 1]!) continue;
    const members = byX.slice(groupStart, g + 1);
    // The characters of pieces set apart go with the stretch they fall in (the last takes the rest).
    const to = g + 1 < byX.length ? suffixFirst[g + 1]! : order.length;
    const stretch = order.slice(from, to);
    const folded = stretch.some((c) => apart.has(c.owner));
    shareStretch(stretch, members).forEach((text, m) => {
      const i = members[m]!;
      // A piece left to its glyphs gives its own characters in reading order (its spaces as gaps).
      const own = kept.filter((c) => c.owner === i).map((c) => c.ch).join('');
      if (folded || members.length > 1 || pieces[i]!.rtl || text !== own) result[i] = text;
    });
    groupStart = g + 1;
    from = to;
  }
  return result;
}

/**
 * The pieces set apart by a gap at either end of the line (a label hung in the margin, a page
 * number), read first or last: each end's cluster of pieces, when it is a stretch at the start
 * or end of the line's reading order. Where poppler will read such a cluster where it is read
 * (on a left-to-right page, one on the left read first or on the right read last) it is left
 * `alone`; otherwise it is given to the line (`apart`: its ActualText empty). Of two clusters
 * that both could be, the one with less text is.
 */
function setApart(pieces: readonly LinePiece[], leftToRightPage: boolean): { alone: Set<number>; apart: Set<number> } {
  const alone = new Set<number>();
  const apart = new Set<number>();
  if (pieces.length < 2 || pieces.some((p) => p.width === undefined)) return { alone, apart };
  const byX = pieces.map((_, i) => i).sort((a, b) => pieces[a]!.x - pieces[b]!.x || a - b);
  const clusters: number[][] = [[byX[0]!]];
  for (let k = 1; k < byX.length; k++) {
    const [a, b] = [pieces[byX[k - 1]!]!, pieces[byX[k]!]!];
    if (b.x - (a.x + a.width!) > GAP) clusters.push([]);
    clusters[clusters.length - 1]!.push(byX[k]!);
  }
  if (clusters.length < 2) return { alone, apart };
  const readAt = (cluster: number[]): 'first' | 'last' | undefined => {
    const sorted = [...cluster].sort((a, b) => a - b);
    const contiguous = sorted[sorted.length - 1]! - sorted[0]! === sorted.length - 1;
    if (!contiguous) return undefined;
    return sorted[0] === 0 ? 'first' : sorted[sorted.length - 1] === pieces.length - 1 ? 'last' : undefined;
  };
  const size = (cluster: number[]) => cluster.reduce((n, i) => n + pieces[i]!.reading.length, 0);
  const ends = [
    { cluster: clusters[0]!, side: 'left' as const },
    { cluster: clusters[clusters.length - 1]!, side: 'right' as const },
  ].filter((end) => readAt(end.cluster) !== undefined);
  // Two clusters: only one of them is the line.
  if (clusters.length === 2 && ends.length === 2) ends.splice(size(ends[0]!.cluster) > size(ends[1]!.cluster) ? 0 : 1, 1);
  for (const { cluster, side } of ends) {
    const where = readAt(cluster);
    const inPlace = leftToRightPage && ((side === 'left' && where === 'first') || (side === 'right' && where === 'last'));
    for (const i of cluster) (inPlace ? alone : apart).add(i);
  }
  return { alone, apart };
}

/**
 * Cut a stretch among the pieces that share it (in left-to-right order) so that the fewest
 * characters land in another piece than their own. Every piece gets at least one character,
 * and never a lone space: poppler drops an ActualText that is one white-space character, and
 * the gap it leaves would split the line.
 */
function shareStretch(stretch: readonly Owned[], members: readonly number[]): string[] {
  const n = stretch.length;
  const m = members.length;
  if (m === 1) return [stretch.map((c) => c.ch).join('')];
  // own[j][p]: characters of member j among the first p of the stretch.
  const own = members.map((owner) => {
    const counts = [0];
    for (const c of stretch) counts.push(counts[counts.length - 1]! + (c.owner === owner ? 1 : 0));
    return counts;
  });
  const lone = (p: number) => /\s/.test(stretch[p]!.ch);
  // best[j][q]: fewest misplaced characters when members 0..j-1 take the first q characters.
  // Member j taking [p, q) misplaces (q - own[q]) - (p - own[p]): the best p for each q is a
  // running minimum, so the whole is linear in the stretch for each member.
  const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let j = 0; j < m; j++) {
    const mine = own[j]!;
    const start = (p: number) => best[j]![p]! - (p - mine[p]!);
    // The best start among p <= q - 2 (any length), kept as q grows; p = q - 1 only when not a lone space.
    let runningStart = -1;
    for (let q = j + 1; q <= n - (m - 1 - j); q++) {
      if (q - 2 >= 0 && (runningStart === -1 || start(q - 2) < start(runningStart))) runningStart = q - 2;
      let p = runningStart;
      if (!lone(q - 1) && (p === -1 || start(q - 1) < start(p))) p = q - 1;
      if (p === -1 || best[j]![p] === Infinity) continue;
      const cost = start(p) + (q - mine[q]!);
      if (cost < best[j + 1]![q]!) [best[j + 1]![q], from[j + 1]![q]] = [cost, p];
    }
  }
  // Without a valid cut (a stretch of spaces), share it evenly.
  if (best[m]![n] === Infinity) return members.map((_, j) => stretch.slice(Math.floor((j * n) / m), Math.floor(((j + 1) * n) / m)).map((c) => c.ch).join(''));
  const texts: string[] = [];
  for (let j = m, q = n; j > 0; j--) {
    const p = from[j]![q]!;
    texts.unshift(stretch.slice(p, q).map((c) => c.ch).join(''));
    q = p;
  }
  return texts;
}

/** The text a drawable gives an extractor, in reading order. */
const readingText = (d: Extract<Drawable, { kind: 'text' }>): string => d.shaping?.actualText ?? d.shaping?.reading ?? d.text;

/** Poppler's count for a page's direction: characters of class L less those of class R. */
function directionCount(texts: Iterable<string>): number {
  let count = 0;
  for (const text of texts) {
    for (const ch of text) {
      const k = extractionClass(ch);
      if (k === 'L') count++;
      else if (k === 'R') count--;
    }
  }
  return count;
}

type TextDrawable = Extract<Drawable, { kind: 'text' }>;

/**
 * The page with ActualText where poppler would read a line out of order: every line set
 * right to left, or every line when the page is mostly right to left (poppler then reads
 * each line from the right). Pages without right-to-left text are returned as they are.
 */
export function withReadingOrderText(page: PageLayout): PageLayout {
  const texts = [...page.artifacts, ...page.content].filter((d): d is TextDrawable => d.kind === 'text');
  if (!texts.some((d) => d.line?.reordered || hasRtlCharacter(readingText(d)))) return page;
  const count = directionCount(texts.map(readingText));
  // The marks added count too: when they would tip the page the other way, set it for that way.
  let plan = planPage(texts, count >= 0);
  if (count + plan.marks >= 0 !== count >= 0) {
    const other = planPage(texts, count < 0);
    if (count + other.marks >= 0 === count < 0) plan = other;
  }
  if (plan.actualTexts.size === 0) return page;
  const replace = (d: Drawable): Drawable => {
    if (d.kind !== 'text') return d;
    const actualText = plan.actualTexts.get(d);
    return actualText === undefined ? d : { ...d, shaping: { ...d.shaping, actualText } };
  };
  return { ...page, artifacts: page.artifacts.map(replace), content: page.content.map(replace) };
}

/** ActualText for the drawables of the lines that need it, and the directional marks added (L counts +1, R −1). */
function planPage(texts: readonly TextDrawable[], leftToRightPage: boolean): { actualTexts: Map<TextDrawable, string>; marks: number } {
  const lines = new Map<DrawnLine | TextDrawable, TextDrawable[]>();
  for (const d of texts) {
    const key = d.line ?? d;
    const list = lines.get(key);
    if (list) list.push(d);
    else lines.set(key, [d]);
  }
  const actualTexts = new Map<TextDrawable, string>();
  let marks = 0;
  for (const [key, drawables] of lines) {
    const reordered = 'reordered' in key && key.reordered;
    if (leftToRightPage && !reordered) continue;
    const texts = lineActualTexts(
      drawables.map((d) => ({ reading: readingText(d), x: d.x, rtl: d.shaping?.rtl === true, ...(d.width !== undefined ? { width: d.width } : {}) })),
      leftToRightPage,
    );
    texts.forEach((text, i) => {
      if (text === undefined) return;
      actualTexts.set(drawables[i]!, text);
      for (const ch of text) marks += ch === LRM ? 1 : ch === RLM ? -1 : 0;
    });
  }
  return { actualTexts, marks };
}
