import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { CHECK_FAMILIES, RULES, type CheckFamily } from '../check/rules.js';
import { runChecks, checkExternalLinks, type CacheFile, type ExternalCheckOptions } from '../check/index.js';
import { parseAccept } from '../check/external/accept.js';
import { EXTERNAL_DEFAULTS } from '../check/external/options.js';
import { parseCount, parseDuration, parsePatterns } from '../check/external/parse.js';
import { formatGithub } from '../format/github.js';
import { formatJson } from '../format/json.js';
import { terminalProgress } from '../format/progress.js';
import { formatRuleList } from '../format/rule-list.js';
import { formatSarif } from '../format/sarif.js';
import { formatStylish, summaryLine } from '../format/stylish.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { cliContext, readContentOrReport, type CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { LWR_VERSION } from './package-info.js';
import { writeTextFile } from './write-file.js';

interface CheckCommandOptions {
  format: 'stylish' | 'json' | 'github' | 'sarif';
  maxWarnings?: number;
  listRules?: boolean;
  external?: boolean;
  offline?: boolean;
  timeout: number;
  concurrency: number;
  hostConcurrency: number;
  retries: number;
  maxRedirects: number;
  accept: string;
  include?: string[];
  exclude?: string[];
  cache?: string | true;
  cacheTtl: string;
}

const DEFAULT_CACHE_FILE = '.lwr-cache/links.json';

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

/** `lwr check [links|attribution]`: run the rules, print diagnostics, exit 1 on errors. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check links and attribution; exit 1 when there are errors (or too many warnings)')
    .addArgument(new Argument('[family]', 'run one family of rules only').choices(CHECK_FAMILIES))
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', usage(parseCount))
    .option('--list-rules', 'print every rule: id, family, default severity, description')
    .option('--external', 'also check external links over the network')
    .option('--offline', 'never use the network (wins over --external)')
    .option('--timeout <ms>', 'time allowed for one request', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.timeoutMs)
    .option('--concurrency <n>', 'requests in flight at once', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.concurrency)
    .option('--host-concurrency <n>', 'requests in flight at once to one host', usage((t) => parseCount(t, 1)), EXTERNAL_DEFAULTS.hostConcurrency)
    .option('--retries <n>', 'retries after network errors, timeouts and 5xx', usage(parseCount), EXTERNAL_DEFAULTS.retries)
    .option('--max-redirects <n>', 'redirects followed before giving up', usage(parseCount), EXTERNAL_DEFAULTS.maxRedirects)
    .option('--accept <codes>', 'accepted status codes, e.g. 200-299,403', usage((t) => (parseAccept(t), t)), '200-299')
    .option('--include <regex>', 'check only external URLs matching this (repeatable)', collect, [])
    .option('--exclude <regex>', 'do not check external URLs matching this (repeatable)', collect, [])
    .option('--cache [file]', `keep external results between runs (default file ${DEFAULT_CACHE_FILE})`)
    .option('--cache-ttl <duration>', 'how long cached results are trusted, e.g. 30m, 12h, 7d', usage((t) => (parseDuration(t), t)), '1d')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or unreadable content.\n\nExamples:\n  $ lwr check\n  $ lwr check links --external --cache\n  $ lwr check --format github          # annotations in GitHub Actions\n  $ lwr check --format sarif > lwr.sarif',
    )
    .action(async (family: CheckFamily | undefined, opts: CheckCommandOptions, command: Command) => {
      const ctx = cliContext(command);
      if (opts.listRules) {
        ctx.out(formatRuleList(RULES));
        return void (process.exitCode = EXIT.ok);
      }
      let patterns: { include: RegExp[]; exclude: RegExp[] };
      try {
        patterns = { include: parsePatterns(opts.include), exclude: parsePatterns(opts.exclude) };
      } catch (error) {
        ctx.err(`lwr check: ${(error as Error).message}`);
        return void (process.exitCode = EXIT.usageOrUnreadable);
      }
      const read = readContentOrReport(ctx);
      if ('exitCode' in read) return void (process.exitCode = read.exitCode);
      const diagnostics = runChecks(read.report, {
        ...(family ? { families: [family] } : {}),
        contentRoot: ctx.options.content,
        fileExists: existsSync,
        listFiles: (dir) => readdirSync(dir),
        readDiagnostics: read.diagnostics,
      });
      if (opts.external && !opts.offline && family !== 'attribution') {
        diagnostics.push(...(await checkExternal(read.report, opts, patterns, ctx)));
      }
      ctx.out(formatDiagnostics(diagnostics, opts.format, ctx));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
      if (tooManyWarnings && opts.format === 'stylish') ctx.err(ctx.chalk.red(`lwr check: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}`));
      process.exitCode = errors > 0 || tooManyWarnings ? EXIT.contentErrors : EXIT.ok;
    });
}

function formatDiagnostics(diagnostics: Diagnostic[], format: CheckCommandOptions['format'], ctx: CliContext): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, { name: 'lwr', version: LWR_VERSION, rules: RULES });
    default:
      return formatStylish(diagnostics, ctx.chalk) || summaryLine(diagnostics, ctx.chalk);
  }
}

/** The network check, with the cache file read and written here (the checker only sees the interface). */
async function checkExternal(report: Report, opts: CheckCommandOptions, patterns: { include: RegExp[]; exclude: RegExp[] }, ctx: CliContext): Promise<Diagnostic[]> {
  const { createLinkCache, parseCacheFile } = await import('../check/external/cache.js');
  const cacheFile = opts.cache === undefined ? undefined : opts.cache === true ? DEFAULT_CACHE_FILE : opts.cache;
  const cache = cacheFile
    ? createLinkCache(parseCacheFile(readIfPresent(cacheFile)), { ttlMs: parseDuration(opts.cacheTtl), settings: `accept=${opts.accept};redirects=${opts.maxRedirects}` })
    : undefined;
  const showProgress = Boolean(process.stderr.isTTY) && !process.env.CI && !ctx.options.quiet;
  const progress = showProgress ? terminalProgress((t) => process.stderr.write(t), 'checking external links') : undefined;
  let pages = 0;
  const options: ExternalCheckOptions = {
    timeoutMs: opts.timeout,
    concurrency: opts.concurrency,
    hostConcurrency: opts.hostConcurrency,
    retries: opts.retries,
    maxRedirects: opts.maxRedirects,
    accept: opts.accept,
    include: patterns.include,
    exclude: patterns.exclude,
    userAgent: `lwr/${LWR_VERSION} (link checker)`,
    onProgress: (done, total) => {
      pages = total;
      progress?.update(done, total);
    },
    ...(cache ? { cache } : {}),
  };
  const started = performance.now();
  const diagnostics = await checkExternalLinks(report, options);
  progress?.stop();
  const took = ((performance.now() - started) / 1000).toFixed(2);
  ctx.info(`external links checked in ${took} s: ${pages} ${pages === 1 ? 'page' : 'pages'} asked${cache ? `, ${cache.hits} from the cache` : ''}`);
  if (cache && cacheFile) writeTextFile(cacheFile, `${JSON.stringify(cache.file() satisfies CacheFile)}\n`);
  return diagnostics;
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
