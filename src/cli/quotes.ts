import { InvalidArgumentError, Option, type Command } from 'commander';
import { extractQuotes, formatQuotes, quoteFilterProblem } from '../api/quotes.js';
import { QUOTE_FORMATS, type QuoteFormat } from '../extract/quotes.js';
import { terminalSafe } from '../format/terminal-safe.js';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';
import { outputFileProblem } from '../publish/output-file.js';
import { writeTextFile } from './write-file.js';

interface QuotesOptions {
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
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(QUOTE_FORMATS)).default('text'))
    .option('--by <text>', 'only quotes whose attribution contains this text (any case)')
    .option('--section <id>', 'only quotes in this section')
    .option('--learning <n>', 'only quotes in this learning', positiveInteger)
    .option('--unattributed', 'only quotes without an attribution')
    .option('--include-poems', 'list each poem too, as one entry attributed to its author')
    .option('--out <file>', 'write to a file instead of standard output (never inside the content folder)')
    .option('--no-escape-formulas', 'CSV: write cells beginning with = + - @ as they are (by default they get a leading \' so spreadsheets show them as text)')
    .addHelpText('after', '\nExamples:\n  $ lwr quotes --learning 2\n  $ lwr quotes --by "living well site" --format csv --out quotes.csv\n  $ lwr quotes --format markdown --section whole-system')
    .action((opts: QuotesOptions, command: Command) => {
      const ctx = cliContext(command);
      const unsafeOut = opts.out === undefined ? undefined : outputFileProblem(opts.out, ctx.options.content);
      if (unsafeOut) {
        ctx.err(`lwr quotes: refusing to write ${opts.out}: ${unsafeOut}`);
        return void (process.exitCode = EXIT.usageOrUnreadable);
      }
      const read = readContentOrReport(ctx);
      if ('exitCode' in read) return void (process.exitCode = read.exitCode);
      const filter = { by: opts.by, section: opts.section, learning: opts.learning, unattributed: opts.unattributed, includePoems: opts.includePoems };
      const problem = quoteFilterProblem(read, filter);
      if (problem) {
        ctx.err(`error: ${problem}`);
        return void (process.exitCode = EXIT.usageOrUnreadable);
      }
      const quotes = extractQuotes(read, filter);
      const output = formatQuotes(quotes, read, opts.format, { escapeFormulas: opts.escapeFormulas });
      const count = `${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}`;
      if (opts.out) {
        writeTextFile(opts.out, output);
        ctx.info(`wrote ${opts.out} (${count})`);
      } else {
        // Content shown on a terminal must not be able to drive it; piped output stays byte-exact.
        if (output) ctx.out(process.stdout.isTTY ? terminalSafe(output.replace(/\r\n/g, '\n')) : output);
        ctx.info(count);
      }
      process.exitCode = EXIT.ok;
    });
}
