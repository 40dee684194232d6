import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT } from './exit-codes.js';
import { registerModel } from './model.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Build the `lwr` program: global options and one small file per command. */
export function createProgram(): Command {
  const program = new Command('lwr')
    .description('Publish the Living Well UK Learning Report from Markdown: editions, checks and quotes.')
    .version(version, '-V, --version', 'print the lwr version')
    .option('--content <dir>', 'the content folder', 'content')
    .option('-q, --quiet', 'print only results and problems')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are respected too)')
    .addOption(new Option('--debug', 'show stack traces for internal errors'))
    .showHelpAfterError('(run lwr --help for usage)')
    .exitOverride();
  registerModel(program);
  // lwr:commands — each command registers itself here.
  return program;
}

/** Run the CLI; never lets an internal error escape as a stack trace unless --debug is given. */
export async function main(argv: string[]): Promise<void> {
  // `lwr model | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usageOrUnreadable;
      return;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(`lwr: internal error: ${(error as Error).message}\n`);
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('run again with --debug to see the stack trace\n');
    process.exitCode = EXIT.usageOrUnreadable;
  }
}
