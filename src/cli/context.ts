import { Chalk, type ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import path from 'node:path';
import type { LoadedReport, LoadResult } from '../api/read-content.js';
import { findReportFolder } from '../api/report-folder.js';
import { preloadedProjectConfig, preloadProjectConfig } from '../config/config-locate.js';
import type { ProjectConfig } from '../config/project-config.js';
import { formatStylish } from '../format/stylish.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { EXIT } from './exit-codes.js';
import type { ReportCacheSettings } from '../cache/report-cache.js';
import { cacheFolder } from '../cache/location.js';
import { lwrCacheIdentity } from '../cache/identity.js';
import { LWR_VERSION } from '../package-info.js';

/** Options every command takes. */
export interface GlobalOptions {
  /** The content folder: --content, else lwr.config.yaml's, else the report found from the working folder up, else `content`. */
  content: string;
  /** --config: the lwr.config.yaml to use instead of looking for one. */
  config?: string;
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
}

/** What a command needs from the terminal: output streams, colours, the project's config. */
export interface CliContext {
  options: GlobalOptions;
  /** Colours for stderr, where `err` and `info` write (decided from stderr alone). */
  chalk: ChalkInstance;
  /** Colours for stdout, where `out` writes (decided from stdout alone). */
  outChalk: ChalkInstance;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Informational output, silenced by --quiet. */
  info: (text: string) => void;
  /** The working folder relative paths (and the paths shown) are relative to. */
  cwd: string;
  /** lwr.config.yaml, when one was found and could be used. */
  config?: ProjectConfig;
  /** Problems with lwr.config.yaml: fatal ones stop every command that reads content. */
  configDiagnostics: Diagnostic[];
}

type ColourLevel = 0 | 1 | 2 | 3;

/**
 * The colour level for one stream: never with --no-color or NO_COLOR; FORCE_COLOR=0 or false
 * turns colour off, another FORCE_COLOR value forces it (1–3 choose the level); otherwise
 * colour only when the stream itself is a terminal. stdout and stderr each decide for
 * themselves, so `lwr check > out.txt` on a terminal writes no escape codes into the file.
 */
export function colourLevel(stream: { isTTY?: boolean }, noColorFlag: boolean, env: NodeJS.ProcessEnv = process.env): ColourLevel {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return 0;
    return (['1', '2', '3'].includes(force) ? Number(force) : 1) as ColourLevel;
  }
  return stream.isTTY ? 1 : 0;
}

/** Build the context from the root command's options; colour decided per stream. */
export function cliContext(command: Command): CliContext {
  const options = command.optsWithGlobals() as GlobalOptions;
  const cwd = process.cwd();
  const found = preloadedProjectConfig(cwd, options.config);
  const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text.endsWith('\n') ? text : `${text}\n`);
  const ctx: CliContext = {
    options,
    chalk: new Chalk({ level: colourLevel(process.stderr, options.color === false) }),
    outChalk: new Chalk({ level: colourLevel(process.stdout, options.color === false) }),
    out: write(process.stdout),
    err: write(process.stderr),
    info: (text) => {
      if (!options.quiet) write(process.stderr)(text);
    },
    cwd,
    configDiagnostics: found.diagnostics,
  };
  if (found.config) ctx.config = found.config;
  return ctx;
}

/**
 * Apply lwr.config.yaml to the parsed options before a command runs: a value the command line
 * did not give (`--content`, and `--out` for the commands that have it) comes from the config,
 * as a path relative to the working folder. Without a config, the report is found from the
 * working folder up (`findReportFolder`): its content folder, and `dist/` beside it, so
 * `cd content/images && lwr build` reads and writes what it would from the project's top.
 */
export async function applyConfigDefaults(root: Command, action: Command): Promise<void> {
  const cwd = process.cwd();
  const explicit = (root.opts() as GlobalOptions).config;
  // Read once for the run here; cliContext takes it from there.
  await preloadProjectConfig(cwd, explicit);
  const { config } = preloadedProjectConfig(cwd, explicit);
  const relative = (absolute: string) => path.relative(cwd, absolute) || '.';
  const found = config ? { content: config.content, out: config.out } : foundFolders(cwd);
  if (root.getOptionValueSource('content') === 'default' && found.content !== undefined) root.setOptionValueWithSource('content', relative(found.content), 'config');
  const hasOut = action.options.some((o) => o.attributeName() === 'out');
  if (found.out && hasOut && action.getOptionValueSource('out') === 'default') action.setOptionValueWithSource('out', relative(found.out), 'config');
}

function foundFolders(cwd: string): { content?: string; out?: string } {
  const report = findReportFolder(cwd);
  return report ? { content: report.content, out: path.join(report.project, 'dist') } : {};
}

/**
 * Load and read the content with the project's lwr.config.yaml (found once for the run);
 * never prints. The library's `loadReport` reads through the same function.
 */
export async function readContent(ctx: CliContext): Promise<LoadResult> {
  const { readContentFolder } = await import('../api/read-content.js');
  return readContentFolder(ctx.options.content, ctx.cwd, { ...(ctx.config ? { config: ctx.config } : {}), diagnostics: ctx.configDiagnostics }, { cache: readCache(ctx) });
}

/** The read model's cache in the project's `.lwr-cache/`, unless caching is off or lwr runs unbundled. */
function readCache(ctx: CliContext): ReportCacheSettings | undefined {
  const folder = cacheFolder(ctx.config?.dir, path.resolve(ctx.cwd, ctx.options.content));
  const identity = lwrCacheIdentity(LWR_VERSION);
  return folder && identity ? { folder, identity } : undefined;
}

/**
 * Load and read the content. On unreadable content (or an unusable lwr.config.yaml), prints
 * every problem on stderr and returns the exit code to use instead of a report.
 */
export async function readContentOrReport(ctx: CliContext): Promise<LoadedReport | { exitCode: number }> {
  const read = await readContent(ctx);
  if (!read.report) {
    ctx.err(formatStylish(read.diagnostics.filter((d) => d.fatal || d.severity === 'error'), ctx.chalk));
    ctx.err(ctx.chalk.red('The content could not be read; nothing was written.'));
    return { exitCode: EXIT.usageOrUnreadable };
  }
  return read;
}
