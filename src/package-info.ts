import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export { PACKAGE_ROOT };

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };

/** lwr's version, from package.json. */
export const LWR_VERSION = packageJson.version;

/**
 * Where lwr is documented: package.json's `homepage` (a folder URL under which docs/rules.md
 * resolves), else the same placeholder host the model schema's `$id` uses until the project
 * has a public home.
 */
export const LWR_INFORMATION_URI = (packageJson.homepage ?? 'https://living-well-report.invalid/lwr/').replace(/\/?$/, '/');

/** A rule's documentation: its anchor in docs/rules.md. */
export const ruleHelpUri = (ruleId: string): string => new URL(`docs/rules.md#${ruleId}`, LWR_INFORMATION_URI).href;
