import { InvalidArgumentError, Option, type Command } from 'commander';
import { QUOTE_FORMAT_NAMES, type QuoteFormat } from '../extract/quote-format-names.js';

export interface QuotesOptions {
  format: QuoteFormat;
  by?: string;
  section?: string;
  learning?: number;
  unattributed?: boolean;
  includePoems?: boolean;
  out?: string;
  escapeFormulas: boolean;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a learning number (1, 2, 3…)');
  return Number(value);
}

/** `lwr quotes`: list the report's quotes as text, JSON, CSV or Markdown, optionally filtered. */
export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description('list the report\'s quotes (text, JSON, CSV or Markdown)')
    .addOption(new Option('--format <format>', 'output format').choices(QUOTE_FORMAT_NAMES).default('text'))
    .option('--by <text>', 'only quotes whose attribution contains this text (any case)')
    .option('--section <id>', 'only quotes in this section')
    .option('--learning <n>', 'only quotes in this learning', positiveInteger)
    .option('--unattributed', 'only quotes without an attribution')
    .option('--include-poems', 'list each poem too, as one entry attributed to its author')
    .option('--out <file>', 'write to a file instead of standard output (never inside the content folder)')
    .option('--no-escape-formulas', 'CSV: write cells beginning with = + - @ as they are (by default they get a leading \' so spreadsheets show them as text)')
    .addHelpText('after', '\nExamples:\n  $ lwr quotes --learning 2\n  $ lwr quotes --by "living well site" --format csv --out quotes.csv\n  $ lwr quotes --format markdown --section whole-system')
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (opts: QuotesOptions, command: Command) => (await import('./quotes-action.js')).runQuotes(opts, command));
}
