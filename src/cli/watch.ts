import type { Command } from 'commander';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

export interface WatchFlags {
  port: string;
  templates: string;
}

/** `lwr watch`: serve the HTML edition, rebuild on every change, reload the open page. */
export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('serve the HTML edition on 127.0.0.1, rebuild on every change to content or templates, and reload the page')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '4173')
    .option('--templates <dir>', 'HTML templates folder', path.join(PACKAGE_ROOT, 'templates'))
    .addHelpText('after', '\nExamples:\n  $ lwr watch\n  $ lwr watch --port 8080 --content drafts')
    .action(async (flags: WatchFlags, command: Command) => (await import('./watch-action.js')).runWatch(flags, command));
}
