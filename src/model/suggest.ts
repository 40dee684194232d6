/** Edit distance between two short strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Math.max(a.length, b.length));
}

/**
 * The edit distance between `a` and `b` when it is at most `max`, else `max + 1`. Only the
 * diagonal band |i − j| ≤ max can hold such a path, and once a whole row exceeds `max` nothing
 * later can come back under it, so a far candidate costs a few rows, not the whole table.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let row = new Array<number>(b.length + 1);
  let next = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    next[0] = i <= max ? i : over;
    if (from > 1) next[from - 1] = over;
    let rowMin = next[0]!;
    for (let j = from; j <= to; j++) {
      const value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      next[j] = value > over ? over : value;
      if (next[j]! < rowMin) rowMin = next[j]!;
    }
    if (to < b.length) next[to + 1] = over;
    if (rowMin > max) return over;
    [row, next] = [next, row];
  }
  return Math.min(row[b.length]!, over);
}

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  // Only a candidate closer than the best so far (and within the limit) can change the answer.
  let bound = limit;
  for (const candidate of candidates) {
    const d = editDistanceWithin(lower, candidate.toLowerCase(), bound);
    if (d <= bound) {
      best = candidate;
      bound = d - 1;
      if (bound < 0) break; // an exact match (ignoring case): nothing is closer
    }
  }
  return best;
}
