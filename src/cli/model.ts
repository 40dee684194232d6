import type { Command } from 'commander';

/** `lwr model`: print the report model (or its JSON Schema) as JSON. */
export function registerModel(program: Command): void {
  program
    .command('model')
    .description('print the report model as JSON')
    .option('--schema', 'print the JSON Schema of the model instead')
    .option('--out <file>', 'write the JSON to a file instead of standard output')
    .addHelpText('after', '\nExamples:\n  $ lwr model | jq ".quotes[0]"\n  $ lwr model --schema --out model.schema.json')
    // Loaded only when the command runs: lwr starts without the code of the commands it does not run.
    .action(async (opts: { schema?: boolean; out?: string }, command: Command) => (await import('./model-action.js')).runModel(opts, command));
}
