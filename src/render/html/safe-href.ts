/** Schemes a published link may use; anything else (javascript:, data:, vbscript:, file:…) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The href to publish for a link target, or undefined when it must not become a link.
 * Independent of the reader's classification on purpose: the page is safe even if a
 * link record is missing or wrong. Browsers ignore whitespace and control characters
 * inside a scheme ("java\tscript:"), so they are removed before the scheme is read.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return trimmed;
  const compact = trimmed.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // A relative URL; but a colon before any slash would be read as a scheme by some
    // parsers once decoded, so refuse encoded colons in that position.
    return /^[^/?#]*%3a/i.test(compact) ? undefined : trimmed;
  }
  return ALLOWED_SCHEMES.has(scheme) ? trimmed : undefined;
}
