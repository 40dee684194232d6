import type { LinkRecord } from '../model/types.js';

const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript']);

/**
 * Classify a link target. Browsers ignore ASCII whitespace and control characters inside a
 * scheme ("java\tscript:"), so they are removed before the scheme is read.
 */
export function classifyUrl(url: string): LinkRecord['kind'] {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed === '#') return 'placeholder';
  if (trimmed.startsWith('#')) return 'internal';
  const compact = trimmed.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'relative';
  if (UNSAFE_SCHEMES.has(scheme)) return 'unsafe';
  if (scheme === 'http' || scheme === 'https') return 'external';
  if (scheme === 'mailto') return 'email';
  return 'other';
}
