import { plainText } from '../model/text.js';
import type { PoemBlock, QuoteRecord, Report } from '../model/types.js';
import { didYouMean } from '../model/suggest.js';

export { formatQuotesCsv, formatQuotesJson, formatQuotesMarkdown, formatQuotesText, QUOTE_FORMATS, type QuoteFormat } from './quote-formats.js';

/**
 * One quote as `lwr quotes` lists it: the model's quote record, plus its kind. Poems are
 * listed only when asked for (`includePoems`): a poem is a whole section, not a quotation.
 */
export interface ExtractedQuote extends QuoteRecord {
  /** A poem's entry has the poem's id, its stanzas as text and its author as attribution. */
  kind: 'quote' | 'poem';
}

export interface QuoteFilter {
  /** Case-insensitive text the attribution must contain. */
  by?: string;
  section?: string;
  learning?: number;
  /** Only quotes without an attribution. */
  unattributed?: boolean;
  includePoems?: boolean;
}

/** Why a filter cannot apply to this report (an unknown section or learning), as a usage error; else undefined. */
export function quoteFilterProblem(report: Report, filter: QuoteFilter): string | undefined {
  if (filter.section !== undefined && !report.sections.some((s) => s.id === filter.section)) {
    const suggestion = didYouMean(filter.section, report.sections.map((s) => s.id));
    return `unknown section "${filter.section}" for --section; ${suggestion ? `did you mean "${suggestion}"?` : `the sections are: ${report.sections.map((s) => s.id).join(', ')}`}`;
  }
  if (filter.learning !== undefined && !report.learnings.some((l) => l.number === filter.learning)) {
    return `there is no learning ${filter.learning} for --learning; the learnings are ${report.learnings.map((l) => l.number).join(', ') || 'none'}`;
  }
  return undefined;
}

function poemQuote(poem: PoemBlock, section: Report['sections'][number]): ExtractedQuote {
  const text = poem.stanzas.map((stanza) => stanza.lines.map((line) => plainText(line)).join('\n')).join('\n\n');
  const quote: ExtractedQuote = { id: poem.id, kind: 'poem', text, section: { id: section.id, title: section.title }, source: poem.source };
  if (poem.author) {
    quote.attribution = poem.author;
    quote.person = poem.author;
  }
  if (section.learning) quote.learning = section.learning.number;
  return quote;
}

/** Every quote of the report (and its poems, when asked), in reading order. */
function allQuotes(report: Report, includePoems: boolean): ExtractedQuote[] {
  return report.sections.flatMap((section) => {
    const quotes = report.quotes.filter((q) => q.section.id === section.id).map((q): ExtractedQuote => ({ ...q, kind: 'quote' }));
    const poems = includePoems ? section.blocks.flatMap((b) => (b.type === 'poem' ? [poemQuote(b, section)] : [])) : [];
    return [...quotes, ...poems].map(inFieldOrder).sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column);
  });
}

const FIELD_ORDER = ['id', 'kind', 'text', 'attribution', 'person', 'role', 'place', 'section', 'learning', 'source'] as const;

/** The same quote with its fields in one fixed order (that of the JSON output), absent ones left out. */
function inFieldOrder(quote: ExtractedQuote): ExtractedQuote {
  const entries = FIELD_ORDER.flatMap((key) => (quote[key] === undefined ? [] : [[key, quote[key]] as const]));
  return Object.fromEntries(entries) as unknown as ExtractedQuote;
}

/** The quotes that pass every filter given, in reading order. Check `quoteFilterProblem` first. */
export function extractQuotes(report: Report, filter: QuoteFilter = {}): ExtractedQuote[] {
  const by = filter.by?.toLowerCase();
  return allQuotes(report, filter.includePoems === true).filter(
    (q) =>
      (by === undefined || (q.attribution ?? '').toLowerCase().includes(by)) &&
      (filter.section === undefined || q.section.id === filter.section) &&
      (filter.learning === undefined || q.learning === filter.learning) &&
      (!filter.unattributed || q.attribution === undefined),
  );
}
