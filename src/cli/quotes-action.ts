import type { Command } from 'commander';
import { extractQuotes, formatQuotes, quoteFilterProblem } from '../api/quotes.js';
import { terminalSafe } from '../format/terminal-safe.js';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';
import { outputFileProblem } from '../publish/output-file.js';
import { writeTextFile } from './write-file.js';
import type { QuotesOptions } from './quotes.js';

/** What `lwr quotes` does once its arguments are parsed. */
export async function runQuotes(opts: QuotesOptions, command: Command): Promise<void> {
  const ctx = cliContext(command);
  const unsafeOut = opts.out === undefined ? undefined : outputFileProblem(opts.out, ctx.options.content);
  if (unsafeOut) {
    ctx.err(`lwr quotes: refusing to write ${opts.out}: ${unsafeOut}`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  const read = await readContentOrReport(ctx);
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
}
