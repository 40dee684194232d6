/**
 * Answers "does this text occur in the haystack?" for many needles without scanning the
 * haystack for each: a suffix array, built once in O(n log n) time and 4 bytes per UTF-16 code
 * unit, then each question in O(m log n). Verification asks tens of thousands of such
 * questions of one edition's text; `String.includes` for each made it quadratic.
 */
export class SubstringIndex {
  private readonly text: string;
  private readonly suffixes: Int32Array;

  constructor(text: string) {
    this.text = text;
    this.suffixes = suffixArray(text);
  }

  /** Whether `needle` occurs in the text (the empty string always does). */
  has(needle: string): boolean {
    if (needle.length === 0) return true;
    const { text, suffixes } = this;
    let low = 0;
    let high = suffixes.length;
    // The first suffix not less than the needle: the needle occurs iff it starts with it.
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareSuffix(text, suffixes[middle]!, needle) < 0) low = middle + 1;
      else high = middle;
    }
    return low < suffixes.length && text.startsWith(needle, suffixes[low]!);
  }
}

/** The suffix starting at `start` compared with `needle` on the needle's length: negative, 0 (it starts with it) or positive. */
function compareSuffix(text: string, start: number, needle: string): number {
  const length = Math.min(needle.length, text.length - start);
  for (let i = 0; i < length; i++) {
    const difference = text.charCodeAt(start + i) - needle.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return length === needle.length ? 0 : -1;
}

/**
 * The suffix array of `text` by prefix doubling with counting sorts (Manber and Myers): after
 * round k suffixes are ordered by their first 2^k code units; it stops as soon as every rank is
 * distinct, so ordinary prose takes a few rounds and at most log2(n) in all.
 */
export function suffixArray(text: string): Int32Array {
  const n = text.length;
  const suffixes = new Int32Array(n);
  if (n === 0) return suffixes;
  let rank = new Int32Array(n);
  let next = new Int32Array(n);
  const bySecond = new Int32Array(n);

  // Round 0: order by the first code unit.
  const units = new Int32Array(65536);
  for (let i = 0; i < n; i++) units[text.charCodeAt(i)]!++;
  let offset = 0;
  for (let c = 0; c < 65536; c++) {
    const count = units[c]!;
    units[c] = offset;
    offset += count;
  }
  for (let i = 0; i < n; i++) suffixes[units[text.charCodeAt(i)]!++] = i;
  let distinct = 0;
  for (let j = 0; j < n; j++) {
    if (j > 0 && text.charCodeAt(suffixes[j]!) !== text.charCodeAt(suffixes[j - 1]!)) distinct++;
    rank[suffixes[j]!] = distinct;
  }

  const counts = new Int32Array(n + 1);
  for (let step = 1; distinct < n - 1; step *= 2) {
    // Order by the second half (rank at i + step; suffixes too short to have one come first)…
    let filled = 0;
    for (let i = n - step; i < n; i++) bySecond[filled++] = i;
    for (let j = 0; j < n; j++) if (suffixes[j]! >= step) bySecond[filled++] = suffixes[j]! - step;
    // …then, stably, by the first half.
    counts.fill(0, 0, distinct + 2);
    for (let i = 0; i < n; i++) counts[rank[i]! + 1]!++;
    for (let r = 1; r <= distinct + 1; r++) counts[r]! += counts[r - 1]!;
    for (let j = 0; j < n; j++) {
      const i = bySecond[j]!;
      suffixes[counts[rank[i]!]!++] = i;
    }
    // New ranks: equal only when both halves are equal.
    next[suffixes[0]!] = 0;
    distinct = 0;
    for (let j = 1; j < n; j++) {
      const a = suffixes[j - 1]!;
      const b = suffixes[j]!;
      const secondA = a + step < n ? rank[a + step]! : -1;
      const secondB = b + step < n ? rank[b + step]! : -1;
      if (rank[a] !== rank[b] || secondA !== secondB) distinct++;
      next[b] = distinct;
    }
    [rank, next] = [next, rank];
  }
  return suffixes;
}

/**
 * Substring questions asked mostly in the order the text holds the answers (an edition's
 * quotes in reading order): each is first looked for after the previous answer, so a run of
 * them reads the text about once. The first question that is not found there (text out of
 * order, or missing) switches to a SubstringIndex built once, so misses never rescan the text.
 */
export class TextSearch {
  private cursor = 0;
  private index: SubstringIndex | undefined;

  constructor(private readonly text: string) {}

  /** Start looking from the beginning again (a new kind of question, in its own order). */
  restart(): void {
    this.cursor = 0;
  }

  /** Whether `needle` occurs in the text. */
  has(needle: string): boolean {
    if (this.index) return this.index.has(needle);
    const at = this.text.indexOf(needle, this.cursor);
    if (at !== -1) {
      this.cursor = at;
      return true;
    }
    this.index = new SubstringIndex(this.text);
    return this.index.has(needle);
  }
}
