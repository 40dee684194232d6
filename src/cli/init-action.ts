import type { Command } from 'commander';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_SLUG_LENGTH, shortenSlug } from '../read/config.js';
import { cliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { runCommand } from './run-command.js';

/** What `lwr init` does once its arguments are parsed. */
export async function runInit(dir: string, _opts: object, command: Command): Promise<void> {
  const ctx = cliContext(command);
  const target = path.resolve(dir);
  const problem = targetProblem(dir, target);
  if (problem) {
    ctx.err(`lwr init: ${problem}`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  cpSync(path.join(PACKAGE_ROOT, 'starter'), target, { recursive: true });
  const slug = slugForFolder(path.basename(target));
  const config = path.join(target, 'content', 'report.yaml');
  // The YAML language server's modeline names the schema where this lwr has it, so an editor completes and checks report.yaml.
  const schema = path.relative(path.dirname(config), path.join(PACKAGE_ROOT, 'schemas', 'report.schema.json')).split(path.sep).join('/');
  const text = readFileSync(config, 'utf8').replace(/^slug: .*$/m, `slug: ${slug}`).replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`);
  writeFileSync(config, text);
  ctx.info(`created a report in ${dir} (its files will be named ${slug}.pdf, ${slug}.txt)`);
  const lwr = runCommand(target);
  ctx.info(`next:\n  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}\n  ${lwr} check\n  ${lwr} build`);
  process.exitCode = EXIT.ok;
}

/** Why `dir` cannot become a new report, or undefined: it must be new, or an empty folder. */
function targetProblem(dir: string, target: string): string | undefined {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return `${dir} is inside a file, not a folder; give the name of a new folder`;
    return `${dir} cannot be used (${code ?? (error as Error).message})`;
  }
  if (!stat.isDirectory()) return `${dir} is a file; give the name of a new folder (lwr init my-report)`;
  if (readdirSync(target).length > 0) return `${dir} is not empty; choose a new folder`;
  return undefined;
}

/** A short kebab-case slug from a folder's name ("Annual Review 2024" → "annual-review-2024"); "report" when nothing is left. */
export function slugForFolder(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? shortenSlug(slug).slice(0, MAX_SLUG_LENGTH) : 'report';
}
