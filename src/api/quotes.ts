import { extractQuotes as extract, QUOTE_FORMATS, quoteFilterProblem as filterProblem, type ExtractedQuote, type QuoteFilter, type QuoteFormat } from '../extract/quotes.js';
import type { Report } from '../model/types.js';
import type { ReportInput } from './input.js';

export type { ExtractedQuote, QuoteFilter, QuoteFormat };

const modelOf = (input: ReportInput): Report => ('report' in input ? input.report : input);

/** The report's quotes (and poems, with `includePoems`) that pass every filter given, in reading order, as `lwr quotes` lists them. */
export function extractQuotes(input: ReportInput, filter: QuoteFilter = {}): ExtractedQuote[] {
  return extract(modelOf(input), filter);
}

/** Why a filter cannot apply to this report (a section or learning it does not have, with a did-you-mean), or undefined. */
export function quoteFilterProblem(input: ReportInput, filter: QuoteFilter): string | undefined {
  return filterProblem(modelOf(input), filter);
}

/** Quotes as `lwr quotes --format` writes them: `text`, `json`, `csv` (RFC 4180; formula cells escaped unless `escapeFormulas: false`) or `markdown`. */
export function formatQuotes(quotes: readonly ExtractedQuote[], input: ReportInput, format: QuoteFormat, options: { escapeFormulas?: boolean } = {}): string {
  return QUOTE_FORMATS[format](quotes, modelOf(input), { escapeFormulas: options.escapeFormulas !== false });
}
