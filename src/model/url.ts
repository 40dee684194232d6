/**
 * A link's `#fragment` percent-decoded, as the id it names. A malformed escape (`#100%`,
 * `#%E0%A4%A`) is kept as written: it names no id, which `lwr check` reports, and it must
 * never stop a renderer.
 */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * An address as a URI (RFC 3987 §3.1): a host in any script becomes punycode, every other
 * character outside ASCII is percent-encoded as UTF-8. PDF readers accept only such URIs as
 * link targets. An address the URL parser refuses is percent-encoded character by character.
 */
export function iriToUri(iri: string): string {
  const trimmed = iri.trim();
  if (/^[\x21-\x7e]*$/.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed.replace(/[^\x21-\x7e]/gu, (ch) => percentEncode(ch));
  }
}

/** UTF-8 percent-encoding of one character (TextEncoder writes a lone surrogate as U+FFFD). */
const percentEncode = (ch: string): string => [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
