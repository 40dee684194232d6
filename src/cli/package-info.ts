import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder lwr is installed in (where package.json and templates/ live). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** lwr's version, from package.json. */
export const LWR_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
