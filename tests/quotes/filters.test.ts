import { describe, expect, it } from 'vitest';
import { extractQuotes, quoteFilterProblem } from '../../src/extract/quotes.js';
import { quotesFixture } from './support.js';

const real = () => quotesFixture('real-report').report;
const ids = (filter: Parameters<typeof extractQuotes>[1]) => extractQuotes(real(), filter).map((q) => q.id);

describe('filtering the quotes', () => {
  it('lists all seven quotes of the report in reading order, and no poem, by default', () => {
    expect(ids({})).toEqual(real().quotes.map((q) => q.id));
    expect(ids({})).toHaveLength(7);
  });

  it('--by matches the attribution as written, in any case', () => {
    expect(ids({ by: 'SALFORD' })).toEqual(['learning-2-quote-2']);
    expect(ids({ by: 'leader in a living well' })).toEqual(['whole-system-quote-1', 'learning-in-the-midst-of-action-quote-1']);
    expect(ids({ by: 'nobody' })).toEqual([]);
  });

  it('--section keeps the quotes of one section', () => {
    expect(ids({ section: 'learning-2' })).toEqual(['learning-2-quote-1', 'learning-2-quote-2']);
    expect(ids({ section: 'acknowledgements' })).toEqual([]);
  });

  it('--learning keeps the quotes inside one learning, each carrying its number', () => {
    const quotes = extractQuotes(real(), { learning: 3 });
    expect(quotes.map((q) => [q.id, q.learning])).toEqual([['learning-3-quote-1', 3]]);
  });

  it('--unattributed keeps only quotes without an attribution: none in the report, one in the fixture', () => {
    expect(ids({ unattributed: true })).toEqual([]);
    const fixture = quotesFixture('escaping').report;
    expect(extractQuotes(fixture, { unattributed: true }).map((q) => q.id)).toEqual(['commas-quote-4']);
  });

  it('filters combine: every one given must hold', () => {
    expect(ids({ by: 'living well site', learning: 2 })).toEqual(['learning-2-quote-1']);
    expect(ids({ section: 'learning-1', learning: 2 })).toEqual([]);
  });

  it('--include-poems adds each poem as one entry, attributed to its author, in reading order', () => {
    const quotes = extractQuotes(real(), { includePoems: true });
    expect(quotes).toHaveLength(8);
    const poem = quotes.at(-1)!;
    expect(poem).toMatchObject({ id: 'rage-your-ally-poem', kind: 'poem', attribution: 'J', person: 'J', section: { id: 'rage-your-ally', title: 'Rage, your ally' } });
    expect(poem.text.split('\n\n')).toHaveLength(12);
    expect(poem.text.startsWith('We know\nHow you see us,\nAfter years\nOf much the same.\n\nWe know\n')).toBe(true);
    expect(extractQuotes(real(), { includePoems: true, by: 'j' }).map((q) => q.id)).toEqual(['learning-2-quote-2', 'rage-your-ally-poem']);
  });
});

describe('filters that cannot apply', () => {
  it('names an unknown section and suggests the likely one', () => {
    expect(quoteFilterProblem(real(), { section: 'learning2' })).toBe('unknown section "learning2" for --section; did you mean "learning-2"?');
    expect(quoteFilterProblem(real(), { section: 'zzz' })).toMatch(/^unknown section "zzz" for --section; the sections are: acknowledgements, /);
  });

  it('names a learning the report does not have', () => {
    expect(quoteFilterProblem(real(), { learning: 4 })).toBe('there is no learning 4 for --learning; the learnings are 1, 2, 3');
  });

  it('has nothing to say about filters that apply', () => {
    expect(quoteFilterProblem(real(), { section: 'learning-2', learning: 2, by: 'x', unattributed: true })).toBeUndefined();
  });
});
