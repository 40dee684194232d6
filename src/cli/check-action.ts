import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkReport } from '../api/check.js';
import { ruleDiagnostic } from '../check/rule-diagnostic.js';
import { RULES } from '../check/rules.js';
import type { CheckRun } from '../format/check-run.js';
import { formatRuleList } from '../format/rule-list.js';
import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import { displayPath } from '../read/load.js';
import { cacheFileProblem, checkExternal, externalOptions, wantsExternal } from './check-external.js';
import { printCheckRun } from './check-output.js';
import { checkTargetProblems, isAboutTargets, parseCheckTargets } from './check-targets.js';
import { LWR_TOOL, type CheckCommandOptions } from './check.js';
import { cliContext, readContent, type CliContext } from './context.js';
import { EXIT } from './exit-codes.js';

/** What `lwr check` does once its arguments are parsed: check, print, set the exit code. */
export async function runCheck(args: string[], opts: CheckCommandOptions, command: Command): Promise<void> {
  const ctx = cliContext(command);
  if (opts.listRules) {
    ctx.out(formatRuleList(RULES));
    return void (process.exitCode = EXIT.ok);
  }
  const run = await runCheckCommand(args, opts, command, ctx);
  printCheckRun(run, opts.format, ctx);
  if (run.exitCode === EXIT.contentErrors && opts.format === 'stylish' && tooManyWarnings(run.diagnostics, opts.maxWarnings)) {
    ctx.err(ctx.chalk.red(`lwr check: ${warningCount(run.diagnostics)} warnings, more than --max-warnings ${opts.maxWarnings}`));
  }
  process.exitCode = run.exitCode;
}

const warningCount = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'warning').length;
const tooManyWarnings = (ds: readonly Diagnostic[], max: number | undefined) => max !== undefined && warningCount(ds) > max;

/**
 * Everything `lwr check` does short of printing: read the content, run the rules on the whole
 * report, keep what is about the named files, check external links when asked. Every problem
 * that stops it (unreadable content, an unusable config, a file outside the content, a bad
 * pattern) is a fatal diagnostic in the run, with exit code 2, so every format shows it.
 */
export async function runCheckCommand(args: readonly string[], opts: CheckCommandOptions, command: Command, ctx: CliContext): Promise<CheckRun> {
  const shown = (absolute: string) => displayPath(absolute, ctx.cwd);
  const targets = parseCheckTargets(args, ctx.cwd);
  const usageProblems: Diagnostic[] = [];
  let external: ReturnType<typeof externalOptions> | undefined;
  try {
    external = externalOptions(opts, command, ctx.config);
  } catch (error) {
    usageProblems.push({ ...ruleDiagnostic('check-usage', (error as Error).message, {}, { hint: 'write --include and --exclude as JavaScript regular expressions' }), fatal: true });
  }
  const cacheProblem = external && wantsExternal(opts, ctx.config) ? cacheFileProblem(opts, command, ctx) : undefined;
  if (cacheProblem) usageProblems.push({ ...ruleDiagnostic('check-usage', `the link cache cannot be written: ${cacheProblem}`, {}, { hint: 'give --cache a file outside the content folder, e.g. .lwr-cache/links.json' }), fatal: true });
  const contentRoot = path.resolve(ctx.cwd, ctx.options.content);
  // With an unusable config the content folder is a guess: say only what is wrong with the config.
  if (existsSync(contentRoot) && !hasFatal(ctx.configDiagnostics)) usageProblems.push(...checkTargetProblems(targets, contentRoot, shown));
  const read = await readContent(ctx);
  const fatal = [...usageProblems, ...read.diagnostics.filter((d) => d.fatal || d.severity === 'error')];
  const checkedFiles = read.files.filter((f) => isAboutTargets(f, targets, ctx.cwd));
  if (!read.report || usageProblems.length > 0) {
    return { diagnostics: usageProblems.length > 0 && read.report ? usageProblems : fatal, exitCode: EXIT.usageOrUnreadable, files: checkedFiles, tool: LWR_TOOL };
  }
  const report = read.report;
  const diagnostics = await checkReport(read, { ...(targets.family ? { families: [targets.family] } : {}), contentDir: contentRoot });
  if (external && wantsExternal(opts, ctx.config) && (targets.family === undefined || targets.family === 'links')) {
    // Only the named files' links go over the network: a pre-commit hook stays fast.
    const links = report.links.filter((l) => isAboutTargets(l.source.file, targets, ctx.cwd));
    diagnostics.push(...(await checkExternal({ ...report, links }, external, opts, command, ctx)));
  }
  const reported = diagnostics.filter((d) => isAboutTargets(d.file, targets, ctx.cwd));
  const errors = reported.some((d) => d.severity === 'error');
  return { diagnostics: reported, exitCode: errors || tooManyWarnings(reported, opts.maxWarnings) ? EXIT.contentErrors : EXIT.ok, files: checkedFiles, tool: LWR_TOOL };
}
