import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder lwr is installed in (where package.json, templates/ and fonts/ live). Found by
 * walking up from this module, so it holds both for the compiled files and for the bundled CLI.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'living-well-report') return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}
