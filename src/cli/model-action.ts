import type { Command } from 'commander';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';
import { outputFileProblem } from '../publish/output-file.js';
import { writeTextFile } from './write-file.js';

/** What `lwr model` does once its arguments are parsed. */
export async function runModel(opts: { schema?: boolean; out?: string }, command: Command): Promise<void> {
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
    const read = await readContentOrReport(ctx);
    if ('exitCode' in read) return void (process.exitCode = read.exitCode);
    value = read.report;
  }
  const json = `${JSON.stringify(value, null, 2)}\n`;
  if (opts.out) {
    writeTextFile(opts.out, json);
    ctx.info(`wrote ${opts.out}`);
  } else ctx.out(json);
  process.exitCode = EXIT.ok;
}
