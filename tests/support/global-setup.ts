import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = path.join(ROOT, 'build/bundle/lwr.js');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const full = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

/**
 * The CLI tests run the compiled, bundled CLI (bin/lwr.js). `npm test` builds first; when a
 * single test file is run on its own and src/ is newer than the bundle, build it here, once.
 */
export default function setup(): void {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
}
