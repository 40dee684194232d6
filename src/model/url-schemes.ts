/**
 * lwr's link scheme policy, shared by the reader (link kinds), the checks and every edition.
 *
 * - Published as links: http, https, mailto, tel, irc, ircs, ftp, ftps, xmpp (and relative
 *   paths and #fragments).
 * - Unsafe, never published and an error in `lwr check`: javascript, data, vbscript.
 * - Any other scheme (`made-up-scheme:`, `localhost:5001`, `file:`…) keeps its text but is not
 *   published as a link, and `lwr check` says so.
 */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'ftp', 'ftps', 'xmpp'];

/** Schemes that run or embed code in the reader's browser. */
export const UNSAFE_SCHEMES: readonly string[] = ['javascript', 'data', 'vbscript'];

/**
 * The scheme of a URL, lower-cased, or undefined for a relative URL. Browsers ignore ASCII
 * whitespace and control characters inside a scheme ("java\tscript:"), so they are removed
 * before the scheme is read.
 */
export function schemeOf(url: string): string | undefined {
  const compact = url.trim().replace(/[\u0000-\u0020\u007f]+/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

/** How lwr treats a URL's scheme: published, unsafe, or unknown (kept as text). */
export function schemePolicy(url: string): 'relative' | 'published' | 'unsafe' | 'unknown' {
  const scheme = schemeOf(url);
  if (scheme === undefined) return 'relative';
  if (UNSAFE_SCHEMES.includes(scheme)) return 'unsafe';
  return LINK_SCHEMES.includes(scheme) ? 'published' : 'unknown';
}
