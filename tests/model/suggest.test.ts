import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, editDistanceWithin } from '../../src/model/suggest.js';

/** The textbook full-table Levenshtein distance the fast one must agree with. */
function reference(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return table[a.length]![b.length]!;
}

/** The first candidate at the smallest distance, when within the limit: what lwr always suggested. */
function referenceSuggestion(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = reference(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

// Short words over a small alphabet, so that near and equal strings are common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'A'), maxLength: 14 });
const SEED = { seed: 20261130, numRuns: 2000 };

describe('did you mean', () => {
  it('measures the edit distance exactly', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), SEED);
  });

  it('within a bound: exact up to it, one more beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const d = reference(a, b);
        return editDistanceWithin(a, b, max) === (d <= max ? d : max + 1);
      }),
      SEED,
    );
  });

  it('suggests what the full comparison suggests: the first closest candidate, ignoring case, within a third of the word', () => {
    fc.assert(fc.property(word, fc.array(word, { maxLength: 12 }), (w, candidates) => didYouMean(w, candidates) === referenceSuggestion(w, candidates)), SEED);
    expect(didYouMean('learning-2', ['learning-1', 'Learning-2', 'learning-3'])).toBe('Learning-2');
    expect(didYouMean('conclusion', ['introduction', 'methods'])).toBeUndefined();
  });

  it('compares a fragment with thousands of anchors quickly (a far candidate costs a few rows)', () => {
    const anchors = Array.from({ length: 5_000 }, (_, i) => `what-we-learnt-about-collaboration-copy-${i}`);
    const started = performance.now();
    for (let i = 0; i < 200; i++) didYouMean(`a-fragment-that-names-nothing-${i}`, anchors);
    // A million comparisons of 40-character strings: the full table took about 7 s here, this 0.65 s.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
