import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

/**
 * How to run this lwr from `folder`, for the next steps lwr prints: `lwr` when that command
 * on PATH is this lwr (a global install); `npx living-well-report` when lwr is installed in a
 * project's node_modules (`npx lwr` outside this repository would fetch an unrelated npm
 * package of that name); `npx lwr` inside lwr's own checkout; else node with the path of the bin.
 */
export function runCommand(folder: string, env: NodeJS.ProcessEnv = process.env): string {
  const bin = path.join(PACKAGE_ROOT, 'bin', 'lwr.js');
  const real = realOrSelf(bin);
  // npm puts node_modules/.bin on PATH only while it runs something (npx, npm run): not the user's shell.
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !/node_modules[\\/]\.bin[\\/]?$/.test(dir));
  for (const dir of dirs) {
    const candidate = path.join(dir, 'lwr');
    if (existsSync(candidate) && realOrSelf(candidate) === real) return 'lwr';
  }
  if (PACKAGE_ROOT.split(path.sep).includes('node_modules')) return 'npx living-well-report';
  const relative = path.relative(PACKAGE_ROOT, path.resolve(folder));
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return 'npx lwr';
  const shown = path.relative(path.resolve(folder), bin);
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
