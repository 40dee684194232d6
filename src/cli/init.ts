import type { Command } from 'commander';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { PACKAGE_ROOT } from './package-info.js';

/** `lwr init <dir>`: start a new report from a small one that builds and checks cleanly. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a small working report (config, sections, a learning, a quote, a footnote) in a new folder')
    .argument('<dir>', 'the folder to create (must not exist, or be empty)')
    .action((dir: string, _opts: object, command: Command) => {
      const ctx = cliContext(command);
      const target = path.resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0) {
        ctx.err(`lwr init: ${dir} is not empty; choose a new folder`);
        return void (process.exitCode = EXIT.usageOrUnreadable);
      }
      cpSync(path.join(PACKAGE_ROOT, 'starter'), target, { recursive: true });
      ctx.info(`created a report in ${dir}`);
      ctx.info(`next:\n  cd ${dir}\n  lwr check\n  lwr build`);
      process.exitCode = EXIT.ok;
    });
}
