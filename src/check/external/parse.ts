/** Parse a duration such as "500ms", "45s", "30m", "12h", "7d" (a bare number is seconds) into ms. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration such as 30m, 12h or 7d`);
  const unit = (match[2] ?? 's').toLowerCase();
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * factor;
}

/** Compile URL patterns given on the command line; throws naming the pattern that is not a regular expression. */
export function parsePatterns(patterns: readonly string[] | undefined): RegExp[] {
  return (patterns ?? []).map((pattern) => {
    try {
      return new RegExp(pattern);
    } catch (error) {
      throw new Error(`"${pattern}" is not a regular expression: ${(error as Error).message}`);
    }
  });
}

/** A whole number of at least `min`, for options such as --timeout and --concurrency. */
export function parseCount(text: string, min = 0): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < min) throw new Error(`"${text}" is not a whole number${min ? ` of at least ${min}` : ''}`);
  return Number(text);
}
