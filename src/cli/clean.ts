import type { Command } from 'commander';
import { CACHE_FOLDER } from '../cache/location.js';


/** `lwr clean`: remove the output folder (and temporary folders a killed build left beside it); with --cache, lwr's cache too. */
export function registerClean(program: Command): void {
  program
    .command('clean')
    .description('remove the output folder (with --cache, also lwr\'s cache, .lwr-cache/)')
    .option('-o, --out <dir>', 'the output folder', 'dist')
    .option('--cache', `also remove ${CACHE_FOLDER}/ (read models, shaped text, link results): the next run starts from scratch`)
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (opts: { out: string; cache?: boolean }, command: Command) => (await import('./clean-action.js')).runClean(opts, command));
}
