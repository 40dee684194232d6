import type { Command } from 'commander';

/** `lwr editions`: list the editions the report's config defines. */
export function registerEditions(program: Command): void {
  program
    .command('editions')
    .description('list the editions defined in report.yaml: formats, sections and output folders')
    .option('--json', 'print the editions as JSON')
    .option('--out <dir>', 'the output folder the editions are shown in (lwr.config.yaml\'s out, else dist)', 'dist')
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (opts: { json?: boolean; out: string }, command: Command) => (await import('./editions-action.js')).runEditions(opts, command));
}
