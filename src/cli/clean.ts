import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { cliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { resolveOutputFolder } from '../publish/output-folder.js';
import { sweepLeftovers } from '../publish/write-output.js';
import { PACKAGE_ROOT } from '../package-info.js';

/** `lwr clean`: remove the output folder (and temporary folders a killed build left beside it). */
export function registerClean(program: Command): void {
  program
    .command('clean')
    .description('remove the output folder')
    .option('-o, --out <dir>', 'the output folder', 'dist')
    .action((opts: { out: string }, command: Command) => {
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
      process.exitCode = EXIT.ok;
    });
}
