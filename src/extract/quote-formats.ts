import { escapeC1, printable } from '../model/printable.js';
import type { Block, PoemBlock, QuoteBlock, Report } from '../model/types.js';
import { walkBlocks } from '../model/walk.js';
import { wrapText } from '../model/wrap.js';
import { asBlockquote, blocksToMarkdown, inlinesToMarkdown } from './markdown.js';
import type { ExtractedQuote } from './quotes.js';
import type { QuoteFormat } from './quote-format-names.js';

export type { QuoteFormat } from './quote-format-names.js';

/** Quotes as a JSON array, the fields in a fixed order; the text exactly, every control character escaped. */
export const formatQuotesJson = (quotes: readonly ExtractedQuote[]): string => `${escapeC1(JSON.stringify(quotes, null, 2))}\n`;

const CSV_COLUMNS = ['id', 'kind', 'text', 'attribution', 'person', 'role', 'place', 'section_id', 'section_title', 'learning', 'file', 'line', 'column'];

export interface CsvOptions {
  /**
   * Cells beginning with =, +, -, @, tab or CR get a leading ' so a spreadsheet shows them
   * as text instead of running them as formulas (OWASP's advice on CSV injection). On by
   * default; off for programs that read the CSV as data.
   */
  escapeFormulas?: boolean;
}

/** A cell a spreadsheet would read as a formula (or as the start of one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, its quotes doubled. */
const csvField = (value: string | number | undefined, escapeFormulas: boolean): string => {
  if (typeof value === 'number') return String(value);
  let text = value === undefined ? '' : printable(value);
  if (escapeFormulas && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Quotes as RFC 4180 CSV: a header row, one row per quote, CRLF after every row. */
export function formatQuotesCsv(quotes: readonly ExtractedQuote[], options: CsvOptions = {}): string {
  const escapeFormulas = options.escapeFormulas !== false;
  const rows = quotes.map((q) => [q.id, q.kind, q.text, q.attribution, q.person, q.role, q.place, q.section.id, q.section.title, q.learning, q.source.file, q.source.line, q.source.column]);
  return [CSV_COLUMNS, ...rows].map((row) => `${row.map((value) => csvField(value, escapeFormulas)).join(',')}\r\n`).join('');
}

function blocksById(report: Report): Map<string, QuoteBlock | PoemBlock> {
  const byId = new Map<string, QuoteBlock | PoemBlock>();
  for (const section of report.sections) {
    walkBlocks(section.blocks, (block: Block) => {
      if (block.type === 'quote' || block.type === 'poem') byId.set(block.id, block);
    });
  }
  return byId;
}

function quoteMarkdown(quote: ExtractedQuote, block: QuoteBlock | PoemBlock | undefined): string {
  if (block?.type === 'poem') {
    const stanzas = block.stanzas.map((s) => s.lines.map((line) => inlinesToMarkdown(line)).join('\\\n')).join('\n\n');
    return `${stanzas}${block.author ? `\n\n— ${inlinesToMarkdown([{ type: 'text', value: block.author }])}` : ''}`;
  }
  const words = block ? blocksToMarkdown(block.children) : inlinesToMarkdown([{ type: 'text', value: quote.text }]);
  const attribution = block?.attribution ? inlinesToMarkdown(block.attribution.children) : undefined;
  return `${words}${attribution ? `\n\n— ${attribution}` : ''}`;
}

/**
 * Quotes as Markdown blockquotes ready to paste, the attribution after a dash as the content
 * conventions write it. The report's emphasis is kept: each quote is rendered from its blocks.
 */
export function formatQuotesMarkdown(quotes: readonly ExtractedQuote[], report: Report): string {
  const blocks = blocksById(report);
  return printable(quotes.map((q) => `${asBlockquote(quoteMarkdown(q, blocks.get(q.id)))}\n`).join('\n'));
}

const TEXT_WIDTH = 72;
const QUOTE_INDENT = '    ';

/**
 * Quotes for reading in a terminal: a line naming the quote and where it is, the section (with
 * its learning), then the words indented and the attribution after a dash.
 */
export function formatQuotesText(quotes: readonly ExtractedQuote[]): string {
  const entries = quotes
    .map((quote) => {
      // Controls dropped and bidi overrides shown before wrapping, so widths stay right.
      const q = { ...quote, text: printable(quote.text), section: { ...quote.section, title: printable(quote.section.title) }, ...(quote.attribution ? { attribution: printable(quote.attribution) } : {}) };
      const where = q.learning !== undefined ? `Learning ${q.learning}: ${q.section.title}` : q.section.title;
      const words = wrapText(q.text, TEXT_WIDTH - QUOTE_INDENT.length);
      const attribution = q.attribution ? wrapText(`— ${q.attribution}`, TEXT_WIDTH - QUOTE_INDENT.length) : [];
      const body = [...words, ...attribution].map((line) => (line ? `${QUOTE_INDENT}${line}` : ''));
      return [`${q.id}  ${q.source.file}:${q.source.line}:${q.source.column}`, ...wrapText(where, TEXT_WIDTH), ...body].join('\n');
    })
    .map((entry) => `${entry}\n`)
    .join('\n');
  // File names and ids too: nothing that drives a terminal reaches it.
  return printable(entries);
}

/** The formats of `lwr quotes`, by name. */
export const QUOTE_FORMATS = {
  text: (quotes: readonly ExtractedQuote[]) => formatQuotesText(quotes),
  json: (quotes: readonly ExtractedQuote[]) => formatQuotesJson(quotes),
  csv: (quotes: readonly ExtractedQuote[], _report: Report, options: CsvOptions = {}) => formatQuotesCsv(quotes, options),
  markdown: (quotes: readonly ExtractedQuote[], report: Report) => formatQuotesMarkdown(quotes, report),
} as const satisfies Record<QuoteFormat, unknown>;
