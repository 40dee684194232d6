import { Command, CommanderError, Option } from 'commander';
import { applyConfigDefaults } from './context.js';
import { EXIT } from './exit-codes.js';
import { registerBuild } from './build.js';
import { registerClean } from './clean.js';
import { registerEditions } from './editions.js';
import { registerInit } from './init.js';
import { registerModel } from './model.js';
import { registerQuotes } from './quotes.js';
import { registerWatch } from './watch.js';
import { registerCheck } from './check.js';
import { LWR_VERSION } from '../package-info.js';


/** Build the `lwr` program: global options and one small file per command. */
export function createProgram(): Command {
  const program = new Command('lwr')
    .description('Publish a report written in Markdown (made for the Living Well UK Learning Report): HTML, PDF and text editions, checks and quotes.')
    .version(LWR_VERSION, '-V, --version', 'print the lwr version')
    .option('--content <dir>', 'the content folder (lwr.config.yaml can set it)', 'content')
    .option('--config <file>', 'the lwr.config.yaml to use (default: the nearest one from the working folder up)')
    .option('-q, --quiet', 'print only results and problems')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are respected too)')
    .addOption(new Option('--debug', 'show stack traces for internal errors'))
    .showHelpAfterError('(run lwr --help for usage)')
    .exitOverride()
    // lwr.config.yaml fills in what the command line leaves out (--content, --out).
    .hook('preAction', (root, action) => applyConfigDefaults(root, action));
  registerModel(program);
  registerQuotes(program);
  registerCheck(program);
  registerBuild(program);
  registerEditions(program);
  registerClean(program);
  registerInit(program);
  registerWatch(program);
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
