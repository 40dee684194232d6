import { Chalk, type ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { formatStylish } from '../format/stylish.js';
import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { loadContent } from '../read/load.js';
import { readReport } from '../read/report.js';
import { EXIT } from './exit-codes.js';

/** Options every command takes. */
export interface GlobalOptions {
  content: string;
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
}

/** What a command needs from the terminal: output streams, colours, the exit code. */
export interface CliContext {
  options: GlobalOptions;
  chalk: ChalkInstance;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Informational output, silenced by --quiet. */
  info: (text: string) => void;
}

/** Build the context from the root command's options (colour: --no-color, NO_COLOR, FORCE_COLOR, TTY). */
export function cliContext(command: Command): CliContext {
  const options = command.optsWithGlobals() as GlobalOptions;
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  const colour = options.color !== false && !process.env.NO_COLOR && (forced || Boolean(process.stderr.isTTY));
  const chalk = new Chalk({ level: colour ? (forced ? Math.max(1, Math.min(3, Number(process.env.FORCE_COLOR) || 1)) as 1 | 2 | 3 : 1) : 0 });
  return {
    options,
    chalk,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    info: (text) => {
      if (!options.quiet) process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}

/**
 * Load and read the content. On unreadable content, prints every problem and returns the
 * exit code to use instead of a report.
 */
export function readContentOrReport(ctx: CliContext): { report: Report; diagnostics: Diagnostic[] } | { exitCode: number } {
  const loaded = loadContent(ctx.options.content);
  const diagnostics = [...loaded.diagnostics];
  let report: Report | undefined;
  if (loaded.content && !hasFatal(loaded.diagnostics)) {
    const read = readReport(loaded.content);
    diagnostics.push(...read.diagnostics);
    report = read.report;
  }
  if (!report || hasFatal(diagnostics)) {
    ctx.err(formatStylish(diagnostics.filter((d) => d.fatal || d.severity === 'error'), ctx.chalk));
    ctx.err(ctx.chalk.red('The content could not be read; nothing was written.'));
    return { exitCode: EXIT.usageOrUnreadable };
  }
  return { report, diagnostics };
}
