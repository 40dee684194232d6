import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkReport } from '../api/check.js';
import { parseAccept } from '../check/external/accept.js';
import { EXTERNAL_DEFAULTS, LINK_DEADLINE_TIMEOUTS } from '../check/external/options.js';
import { parseCount, parseDuration } from '../check/external/parse.js';
import { ruleDiagnostic } from '../check/rule-diagnostic.js';
import { RULES } from '../check/rules.js';
import type { CheckRun, ToolDescriptor } from '../format/check-run.js';
import { formatRuleList } from '../format/rule-list.js';
import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import { displayPath } from '../read/load.js';
import { cacheFileProblem, checkExternal, externalOptions, wantsExternal, type ExternalFlags } from './check-external.js';
import { CHECK_FORMATS, printCheckRun, type CheckFormat } from './check-output.js';
import { checkTargetProblems, isAboutTargets, parseCheckTargets } from './check-targets.js';
import { cliContext, readContent, type CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { LWR_VERSION, ruleHelpUri, LWR_INFORMATION_URI } from '../package-info.js';

interface CheckCommandOptions extends ExternalFlags {
  format: CheckFormat;
  maxWarnings?: number;
  listRules?: boolean;
  external?: boolean;
  offline?: boolean;
}

/** Wrap a parser so a bad value is a usage error (exit 2) with a readable message. */
const usage =
  <T>(parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** lwr as the machine formats name it: version, docs, and every rule with its docs anchor. */
export const LWR_TOOL: ToolDescriptor = {
  name: 'lwr',
  version: LWR_VERSION,
  informationUri: LWR_INFORMATION_URI,
  rules: RULES.map((r) => ({ ...r, helpUri: ruleHelpUri(r.id) })),
};

/** `lwr check [links|attribution|images] [files…]`: run the rules, print diagnostics, exit 1 on errors. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check links, attribution, images and fonts; exit 1 when there are errors (or too many warnings)')
    .addArgument(new Argument('[targets...]', 'links, attribution, images or fonts to run one family of rules; then files or folders of the content to report on (default: all)'))
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', usage(parseCount))
    .option('--list-rules', 'print every rule: id, family, default severity, description')
    .option('--external', 'also check external links over the network')
    .option('--offline', 'never use the network (wins over --external and the config)')
    .option('--timeout <ms>', 'time allowed for one request', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.timeoutMs)
    .option('--link-deadline <ms>', `time allowed for one link in all: retries, Retry-After waits, redirects (default: ${LINK_DEADLINE_TIMEOUTS} × --timeout)`, usage((t) => parseCount(t, 1)))
    .option('--exclude-private', 'do not check links to private addresses (10/8, 172.16/12, 192.168/16, fc00::/7), nor follow redirects there')
    .option('--exclude-link-local', 'do not check links to link-local addresses (169.254/16, fe80::/10), nor follow redirects there')
    .option('--exclude-loopback', 'do not check links to loopback addresses (127/8, ::1, localhost), nor follow redirects there')
    .option('--exclude-all-private', 'all three of the above')
    .option('--concurrency <n>', 'requests in flight at once', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.concurrency)
    .option('--host-concurrency <n>', 'requests in flight at once to one host', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.hostConcurrency)
    .option('--retries <n>', 'retries after network errors, timeouts and 5xx', usage(parseCount), EXTERNAL_DEFAULTS.retries)
    .option('--max-redirects <n>', 'redirects followed before giving up', usage(parseCount), EXTERNAL_DEFAULTS.maxRedirects)
    .option('--accept <codes>', 'accepted status codes, e.g. 200-299,403', usage((t) => (parseAccept(t), t)), '200-299')
    .option('--include <regex>', 'check only external URLs matching this (repeatable)', collect, [])
    .option('--exclude <regex>', 'do not check external URLs matching this (repeatable)', collect, [])
    .option('--cache [file]', 'keep external results between runs (default file .lwr-cache/links.json)')
    .option('--cache-ttl <duration>', 'how long cached results are trusted, e.g. 30m, 12h, 7d', usage((t) => (parseDuration(t), t)), '1d')
    .addHelpText(
      'after',
      '\nFlags override lwr.config.yaml, which is found by walking up from the working folder.\n\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or unreadable content.\n\nExamples:\n  $ lwr check\n  $ lwr check content/08-whole-system.md     # report on one file (a pre-commit hook)\n  $ lwr check links --external --cache\n  $ lwr check --format github                # annotations in GitHub Actions\n  $ lwr check --format sarif > lwr.sarif\n  $ lwr check --format junit > lwr-junit.xml',
    )
    .action(async (args: string[], opts: CheckCommandOptions, command: Command) => {
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
    });
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
  const read = readContent(ctx);
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
