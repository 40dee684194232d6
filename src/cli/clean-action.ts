import type { Command } from 'commander';
import { cachePath } from '../cache/location.js';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { resolveOutputFolder } from '../publish/output-folder.js';
import { sweepLeftovers } from '../publish/write-output.js';
import { PACKAGE_ROOT } from '../package-info.js';

/** What `lwr clean` does once its arguments are parsed. */
export async function runClean(opts: { out: string; cache?: boolean }, command: Command): Promise<void> {
  const ctx = cliContext(command);
  const out = resolveOutputFolder(opts.out, { content: ctx.options.content, others: [PACKAGE_ROOT] });
  if (out.problem !== undefined) {
    ctx.err(`lwr clean: refusing to remove ${opts.out}: ${out.problem}; nothing was removed`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  // A symlinked --out is judged, and cleaned, where it leads.
  const target = out.path;
  sweepLeftovers(target);
  if (existsSync(target)) {
    rmSync(target, { recursive: true, force: true });
    ctx.info(`removed ${opts.out}`);
  } else ctx.info(`${opts.out} does not exist; nothing to remove`);
  if (opts.cache) {
    // The cache lives beside lwr.config.yaml, else beside the content folder (whatever LWR_CACHE says).
    const cache = cachePath(ctx.config?.dir, path.resolve(ctx.cwd, ctx.options.content));
    const shown = path.relative(ctx.cwd, cache) || cache;
    if (existsSync(cache)) {
      rmSync(cache, { recursive: true, force: true });
      ctx.info(`removed ${shown}`);
    } else ctx.info(`${shown} does not exist; nothing to remove`);
  }
  process.exitCode = EXIT.ok;
}
