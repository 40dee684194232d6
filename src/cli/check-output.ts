import path from 'node:path';
import { formatEslintJson } from '../format/eslint-json.js';
import { formatGithub } from '../format/github.js';
import { formatGitlab } from '../format/gitlab.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif } from '../format/sarif.js';
import { formatStylish, summaryLine } from '../format/stylish.js';
import type { CheckRun } from '../format/check-run.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';

import type { CheckFormat } from './check-formats.js';

export { CHECK_FORMATS, type CheckFormat } from './check-formats.js';

/** The run in a machine format (everything but stylish). */
export function formatMachine(run: CheckRun, format: Exclude<CheckFormat, 'stylish'>, ctx: CliContext): string {
  switch (format) {
    case 'json':
      return formatJson(run);
    case 'github':
      return formatGithub(run.diagnostics);
    case 'sarif':
      return formatSarif(run);
    case 'eslint-json':
      return formatEslintJson(run, { cwd: ctx.cwd, reportRoot: path.resolve(ctx.cwd, ctx.options.content) });
    case 'junit':
      return formatJunit(run);
    case 'gitlab':
      return formatGitlab(run, { reportFile: ctx.options.content });
  }
}

/**
 * Print a run. Machine formats always go to stdout, fatal problems included, so CI sees them
 * in the file it asked for (with a one-line note on stderr); the stylish format prints
 * problems on stdout, and fatal ones on stderr as every other command does.
 */
export function printCheckRun(run: CheckRun, format: CheckFormat, ctx: CliContext): void {
  const fatal = run.exitCode === EXIT.usageOrUnreadable;
  if (format !== 'stylish') {
    ctx.out(formatMachine(run, format, ctx));
    if (fatal) ctx.err(`lwr check: the content could not be checked (exit ${run.exitCode}); the problems are in the ${format} output`);
    return;
  }
  if (fatal) {
    ctx.err(formatStylish(run.diagnostics, ctx.chalk));
    ctx.err(ctx.chalk.red('The content could not be checked.'));
    return;
  }
  ctx.out(formatStylish(run.diagnostics, ctx.outChalk) || summaryLine(run.diagnostics, ctx.outChalk));
}
