/** The formats of `lwr quotes`, by name (quote-formats.ts writes each). */
export const QUOTE_FORMAT_NAMES = ['text', 'json', 'csv', 'markdown'] as const;
export type QuoteFormat = (typeof QUOTE_FORMAT_NAMES)[number];
