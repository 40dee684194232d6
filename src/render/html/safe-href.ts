import { normalizeUri } from 'micromark-util-sanitize-uri';
import { schemePolicy } from '../../model/url-schemes.js';

/**
 * The href to publish for a link target, or undefined when it must not become a link (an
 * unsafe or unknown scheme: src/model/url-schemes.ts). Independent of the reader's
 * classification on purpose: the page is safe even if a link record is missing or wrong.
 * Characters a URL may not hold are percent-encoded, as CommonMark renders them.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return normalizeUri(trimmed);
  const policy = schemePolicy(trimmed);
  if (policy === 'relative') {
    // A colon before any slash would be read as a scheme by some parsers once decoded, so
    // refuse encoded colons in that position.
    return /^[^/?#]*%3a/i.test(trimmed.replace(/[\u0000-\u0020\u007f]+/g, '')) ? undefined : normalizeUri(trimmed);
  }
  return policy === 'published' ? normalizeUri(trimmed) : undefined;
}
