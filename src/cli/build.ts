import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

export interface BuildFlags {
  format?: string[];
  edition?: string[];
  out: string;
  strict?: boolean;
  width?: string;
  ascii?: boolean;
  pageSize?: 'A4' | 'Letter';
  templates?: string;
}

/** A4 or Letter, in any case ("letter", "a4"). */
function pageSize(value: string): 'A4' | 'Letter' {
  const size = PAGE_SIZES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!size) throw new InvalidArgumentError(`must be ${PAGE_SIZES.join(' or ')}`);
  return size;
}
const PAGE_SIZES = ['A4', 'Letter'] as const;

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** `lwr build`: check, render every edition, verify, and publish dist/ atomically. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('check the report, render its editions (HTML, PDF, text) and publish them into the output folder')
    .option('-f, --format <formats>', 'only these formats: html, pdf, text (comma-separated or repeated)', list)
    .option('-e, --edition <ids>', 'only these editions (see lwr editions)', list)
    .option('-o, --out <dir>', 'the output folder', 'dist')
    .option('--strict', 'fail (exit 1) when the checks report errors; what CI uses')
    .option('--width <columns>', 'text edition: wrap width')
    .option('--ascii', 'text edition: 7-bit ASCII punctuation')
    .addOption(new Option('--page-size <size>', 'PDF edition: page size, A4 or Letter (any case)').argParser(pageSize))
    .option('--templates <dir>', 'HTML templates folder', path.join(PACKAGE_ROOT, 'templates'))
    .addHelpText('after', '\nExamples:\n  $ lwr build\n  $ lwr build --format html --out public\n  $ SOURCE_DATE_EPOCH=1700000000 lwr build --strict')
    // The build pipeline is loaded only when this command runs.
    .action(async (flags: BuildFlags, command: Command) => (await import('./build-action.js')).runBuild(flags, command));
}
