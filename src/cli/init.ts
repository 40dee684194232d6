import type { Command } from 'commander';

/** `lwr init <dir>`: start a new report from a small one that builds and checks cleanly. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a small working report (config, sections, a learning, a quote, a footnote) in a new folder')
    .argument('<dir>', 'the folder to create (must not exist, or be empty)')
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (dir: string, _opts: object, command: Command) => (await import('./init-action.js')).runInit(dir, _opts, command));
}
