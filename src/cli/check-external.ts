import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkExternalLinks, type CacheFile, type ExternalCheckOptions } from '../check/index.js';
import { EXTERNAL_DEFAULTS } from '../check/external/options.js';
import { parseDuration, parsePatterns } from '../check/external/parse.js';
import type { ProjectConfig } from '../config/project-config.js';
import { terminalProgress } from '../format/progress.js';
import { outputFileProblem } from '../publish/output-file.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import type { CliContext } from './context.js';
import { LWR_VERSION } from '../package-info.js';
import { writeTextFile } from './write-file.js';

/** The flags of `lwr check` that set an external option, and the option each sets. */
const FLAG_OPTIONS = {
  timeout: 'timeoutMs',
  concurrency: 'concurrency',
  hostConcurrency: 'hostConcurrency',
  retries: 'retries',
  maxRedirects: 'maxRedirects',
  accept: 'accept',
  include: 'include',
  exclude: 'exclude',
  linkDeadline: 'linkDeadlineMs',
  excludePrivate: 'excludePrivate',
  excludeLinkLocal: 'excludeLinkLocal',
  excludeLoopback: 'excludeLoopback',
} as const satisfies Record<string, keyof ExternalCheckOptions>;

export type ExternalFlags = { [F in keyof typeof FLAG_OPTIONS]?: unknown } & { cache?: string | true; cacheTtl?: string; excludeAllPrivate?: boolean };

const DEFAULT_CACHE_FILE = '.lwr-cache/links.json';

/**
 * The external checker's options: lwr.config.yaml's `external:` first, then every flag given on
 * the command line over it (a flag left at its default does not override the config). Throws
 * when an --include/--exclude pattern is not a regular expression.
 */
export function externalOptions(flags: ExternalFlags, command: Command, config: ProjectConfig | undefined): ExternalCheckOptions {
  const { enabled: _enabled, cache: _cache, cacheTtlMs: _ttl, ...configured } = config?.external ?? {};
  const options: Record<string, unknown> = { ...configured };
  for (const [flag, option] of Object.entries(FLAG_OPTIONS)) {
    if (command.getOptionValueSource(flag) !== 'cli') continue;
    const value = flags[flag as keyof typeof FLAG_OPTIONS];
    options[option] = option === 'include' || option === 'exclude' ? parsePatterns(value as string[]) : value;
  }
  // --exclude-all-private is lychee's shorthand for the three address exclusions.
  if (flags.excludeAllPrivate) Object.assign(options, { excludePrivate: true, excludeLinkLocal: true, excludeLoopback: true });
  return options as ExternalCheckOptions;
}

/** Whether to check external links: --external or the config's `external.enabled`, never with --offline. */
export function wantsExternal(flags: { external?: boolean; offline?: boolean }, config: ProjectConfig | undefined): boolean {
  return !flags.offline && (flags.external === true || config?.external.enabled === true);
}

/** The cache file and time-to-live: --cache [file] and --cache-ttl over the config's. */
function cacheSettings(flags: ExternalFlags, command: Command, ctx: CliContext): { file?: string; ttlMs: number } {
  const config = ctx.config?.external;
  const ttlMs = command.getOptionValueSource('cacheTtl') === 'cli' || config?.cacheTtlMs === undefined ? parseDuration(flags.cacheTtl ?? '1d') : config.cacheTtlMs;
  if (typeof flags.cache === 'string') return { file: flags.cache, ttlMs };
  if (flags.cache === true) {
    const file = typeof config?.cache === 'string' ? config.cache : ctx.config ? path.join(ctx.config.dir, DEFAULT_CACHE_FILE) : DEFAULT_CACHE_FILE;
    return { file, ttlMs };
  }
  return typeof config?.cache === 'string' ? { file: config.cache, ttlMs } : { ttlMs };
}

/**
 * Why the link cache file may not be used, or undefined when it may: lwr writes it after the
 * run, so it must never be a content file or a folder (`--cache content/01-intro.md`).
 */
export function cacheFileProblem(flags: ExternalFlags, command: Command, ctx: CliContext): string | undefined {
  const { file } = cacheSettings(flags, command, ctx);
  return file === undefined ? undefined : outputFileProblem(file, ctx.options.content, ctx.cwd);
}

/** Run the network check, with the cache file read and written here (the checker only sees the interface). */
export async function checkExternal(report: Report, options: ExternalCheckOptions, flags: ExternalFlags, command: Command, ctx: CliContext): Promise<Diagnostic[]> {
  const { createLinkCache, parseCacheFile } = await import('../check/external/cache.js');
  const { file: cacheFile, ttlMs } = cacheSettings(flags, command, ctx);
  const accept = typeof options.accept === 'string' ? options.accept : '200-299';
  const cache = cacheFile
    ? createLinkCache(parseCacheFile(readIfPresent(cacheFile), (note) => ctx.info(`lwr check: ${cacheFile}: ${note}`)), { ttlMs, settings: `accept=${accept};redirects=${options.maxRedirects ?? EXTERNAL_DEFAULTS.maxRedirects}` })
    : undefined;
  const showProgress = Boolean(process.stderr.isTTY) && !process.env.CI && !ctx.options.quiet;
  const progress = showProgress ? terminalProgress((t) => process.stderr.write(t), 'checking external links') : undefined;
  let pages = 0;
  const started = performance.now();
  const diagnostics = await checkExternalLinks(report, {
    userAgent: `lwr/${LWR_VERSION} (link checker)`,
    ...options,
    onProgress: (done, total) => {
      pages = total;
      progress?.update(done, total);
    },
    ...(cache ? { cache } : {}),
  });
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
