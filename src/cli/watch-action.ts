import chokidar from 'chokidar';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkImages } from '../check/images/index.js';
import { formatStylish } from '../format/stylish.js';
import { terminalSafe } from '../format/terminal-safe.js';
import { imageFilesOf } from '../watch/image-files.js';
import { PreviewLoadCache } from '../watch/load-cache.js';
import { startPreviewServer, type PreviewServer } from '../watch/preview-server.js';
import { rebuildPreview } from '../watch/rebuild.js';
import { changedSinceLoad } from '../read/load.js';
import { cliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { LWR_VERSION } from '../package-info.js';
import type { WatchFlags } from './watch.js';

const SETTLE_MS = 15;
/**
 * chokidar reports one change per file per 50 ms and drops the rest: a second save that soon
 * after the first is never reported. So this long after each rebuild, the files it read are
 * looked at again, and a change the watcher did not report is rebuilt too.
 */
const MISSED_CHANGE_MS = 60;
/** Template folders are shallow (html/partials/); deeper folders are not watched. */
const TEMPLATE_DEPTH = 3;

/** Run the preview server until interrupted; content errors are shown, never fatal. */
export async function runWatch(flags: WatchFlags, command: Command): Promise<void> {
  const ctx = cliContext(command);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.err('lwr watch: --port must be a number from 0 to 65535');
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  const templatesDir = path.resolve(flags.templates);
  const contentDir = ctx.options.content;
  const cache = new PreviewLoadCache();
  let server: PreviewServer;
  try {
    server = await startPreviewServer(port);
  } catch (error) {
    ctx.err(`lwr watch: cannot serve on 127.0.0.1: ${(error as Error).message}`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  if (port !== 0 && server.port !== port) ctx.err(`lwr watch: port ${port} is in use; serving on ${server.port} instead`);
  const context = { buildDate: new Date(), reproducible: false, lwrVersion: LWR_VERSION, templatesDir, readAsset: (file: string) => readFileSync(file), options: {} };

  // The image files the report uses, wherever they sit in the content folder: watched one by
  // one (never a folder's other files), the set renewed after every rebuild.
  const imageWatcher = chokidar.watch([], { ignoreInitial: true, awaitWriteFinish: false, followSymlinks: false, depth: 0 });
  let watchedImages = new Set<string>();
  const watchImages = (files: Set<string>) => {
    imageWatcher.unwatch([...watchedImages].filter((f) => !files.has(f)));
    imageWatcher.add([...files].filter((f) => !watchedImages.has(f)));
    watchedImages = files;
  };

  let running: Promise<void> | undefined;
  let again = false;
  let recheck: NodeJS.Timeout | undefined;
  const rebuild = async (reason: string): Promise<void> => {
    if (running) {
      again = true; // coalesce bursts of saves into one more rebuild
      return running;
    }
    running = (async () => {
      const started = performance.now();
      try {
        const result = await rebuildPreview(contentDir, cache, context);
        cache.sweep();
        const ms = Math.round(performance.now() - started);
        if (!result.files) {
          const text = formatStylish(result.diagnostics, ctx.chalk);
          ctx.err(text);
          server.problem(formatStylish(result.diagnostics, new (await import('chalk')).Chalk({ level: 0 })));
          ctx.err(ctx.chalk.red(`content has problems (${reason}); still serving the last good build`));
        } else {
          // The page reloads as soon as its HTML is ready; the text edition is made when it is
          // first asked for, so it never holds up the page (nor the next rebuild).
          server.publish(result.files, result.text);
          if (result.report) watchImages(imageFilesOf(result.report, contentDir));
          // An image that cannot be published (missing, damaged, an unsafe SVG) is said, in the terminal and the page.
          const imageErrors = result.report ? checkImages(result.report).filter((d) => d.severity === 'error') : [];
          if (imageErrors.length > 0) ctx.err(formatStylish(imageErrors, ctx.chalk));
          server.problem(imageErrors.length > 0 ? formatStylish(imageErrors, new (await import('chalk')).Chalk({ level: 0 })) : undefined);
          ctx.info(`${ctx.chalk.green('rebuilt')} in ${ms} ms (${terminalSafe(reason)})`);
        }
      } catch (error) {
        server.problem(`lwr: internal error while rebuilding: ${(error as Error).message}`);
        ctx.err(`lwr watch: internal error while rebuilding: ${(error as Error).message}`);
      } finally {
        running = undefined;
        if (again) {
          again = false;
          void rebuild('more changes');
        } else {
          clearTimeout(recheck);
          recheck = setTimeout(() => {
            const missed = running ? [] : changedSinceLoad(cache);
            if (missed.length > 0) void rebuild(`change ${path.relative(process.cwd(), missed[0]!)}`);
          }, MISSED_CHANGE_MS);
        }
      }
    })();
    return running;
  };

  await rebuild('start');
  ctx.out(`lwr watch: serving ${server.url} (content: ${contentDir}, templates: ${templatesDir}; the text edition at ${server.url}text/); press Ctrl+C to stop`);
  // Never follow symbolic links: a link to /usr would cost thousands of watches and `loop -> .`
  // would recurse. The reader reads only the content folder's own files, so one level is enough,
  // and the image files the report names, which the image watcher watches one by one.
  const watchOptions = { ignoreInitial: true, awaitWriteFinish: false, followSymlinks: false } as const;
  const watchers = [chokidar.watch(path.resolve(contentDir), { ...watchOptions, depth: 0 }), chokidar.watch(templatesDir, { ...watchOptions, depth: TEMPLATE_DEPTH }), imageWatcher];
  // A save often arrives as several events (truncate, write, rename): wait a moment so one
  // rebuild sees the finished file.
  let pending: NodeJS.Timeout | undefined;
  for (const watcher of watchers) {
    watcher.on('all', (event, file) => {
      clearTimeout(pending);
      pending = setTimeout(() => void rebuild(`${event} ${path.relative(process.cwd(), file)}`), SETTLE_MS);
    });
    // A file that cannot be watched (permissions, too many watches) is said, never fatal.
    watcher.on('error', (error) => ctx.err(`lwr watch: cannot watch everything (${terminalSafe((error as Error).message)}); still serving`));
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearTimeout(pending);
  clearTimeout(recheck);
  await Promise.all(watchers.map((w) => w.close()));
  await server.close();
  ctx.info('lwr watch: stopped');
}
