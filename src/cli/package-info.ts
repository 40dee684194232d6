import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder lwr is installed in (where package.json and templates/ live). Found by walking up
 * from this module, so it holds both for the compiled files and for the bundled CLI.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };

/** lwr's version, from package.json. */
export const LWR_VERSION = packageJson.version;

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'living-well-report') return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

/**
 * Where lwr is documented: package.json's `homepage` (a folder URL under which docs/rules.md
 * resolves), else the same placeholder host the model schema's `$id` uses until the project
 * has a public home.
 */
export const LWR_INFORMATION_URI = (packageJson.homepage ?? 'https://living-well-report.invalid/lwr/').replace(/\/?$/, '/');

/** A rule's documentation: its anchor in docs/rules.md. */
export const ruleHelpUri = (ruleId: string): string => new URL(`docs/rules.md#${ruleId}`, LWR_INFORMATION_URI).href;
