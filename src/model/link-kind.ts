import type { LinkRecord } from './types.js';
import { schemeOf, schemePolicy } from './url-schemes.js';

/** Classify a link target by lwr's scheme policy (src/model/url-schemes.ts). */
export function classifyUrl(url: string): LinkRecord['kind'] {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed === '#') return 'placeholder';
  if (trimmed.startsWith('#')) return 'internal';
  const policy = schemePolicy(trimmed);
  if (policy === 'relative') return 'relative';
  if (policy === 'unsafe') return 'unsafe';
  if (policy === 'unknown') return 'unknown';
  const scheme = schemeOf(trimmed);
  if (scheme === 'http' || scheme === 'https') return 'external';
  if (scheme === 'mailto') return 'email';
  return 'other';
}
