import type { Command } from 'commander';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';
import { outputFileProblem } from '../publish/output-file.js';
import { writeTextFile } from './write-file.js';

/** `lwr model`: print the report model (or its JSON Schema) as JSON. */
export function registerModel(program: Command): void {
  program
    .command('model')
    .description('print the report model as JSON')
    .option('--schema', 'print the JSON Schema of the model instead')
    .option('--out <file>', 'write the JSON to a file instead of standard output')
    .addHelpText('after', '\nExamples:\n  $ lwr model | jq ".quotes[0]"\n  $ lwr model --schema --out model.schema.json')
    .action(async (opts: { schema?: boolean; out?: string }, command: Command) => {
      const ctx = cliContext(command);
      const unsafeOut = opts.out === undefined ? undefined : outputFileProblem(opts.out, ctx.options.content);
      if (unsafeOut) {
        ctx.err(`lwr model: refusing to write ${opts.out}: ${unsafeOut}`);
        return void (process.exitCode = EXIT.usageOrUnreadable);
      }
      let value: unknown;
      // The schema is built from zod only when asked for: lwr model itself does not pay for it.
      if (opts.schema) value = (await import('../model/schema.js')).modelJsonSchema();
      else {
        const read = readContentOrReport(ctx);
        if ('exitCode' in read) return void (process.exitCode = read.exitCode);
        value = read.report;
      }
      const json = `${JSON.stringify(value, null, 2)}\n`;
      if (opts.out) {
        writeTextFile(opts.out, json);
        ctx.info(`wrote ${opts.out}`);
      } else ctx.out(json);
      process.exitCode = EXIT.ok;
    });
}
