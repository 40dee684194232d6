import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

let identity: string | null | undefined;

/**
 * What lwr's cached data is valid for: its version and the identity of its bundled code
 * (scripts/bundle.mjs writes it), so a checkout whose code changed without a version bump
 * never reuses another's cache. Undefined when lwr runs unbundled: then nothing is cached.
 */
export function lwrCacheIdentity(version: string): string | undefined {
  if (identity === undefined) {
    try {
      identity = readFileSync(path.join(PACKAGE_ROOT, 'build/bundle/build-id.txt'), 'utf8').trim() || null;
    } catch {
      identity = null;
    }
  }
  return identity === null ? undefined : `${version}+${identity}`;
}
