import { sectionAnchors } from '../../../model/anchors.js';
import type { InReportTarget, Report } from '../../../model/types.js';
import { decodeFragment, iriToUri } from '../../../model/url.js';
import { schemePolicy } from '../../../model/url-schemes.js';

/**
 * Every anchor the PDF sets as a named destination: sections, headings, quotes, the
 * comparison, forces, glossary terms, the poem, figures and footnotes of the sections in the model
 * (`sectionAnchors`).
 * Links to anything else (a section another edition leaves out) are set as plain text.
 */
export function destinationsOf(report: Report): Set<string> {
  return new Set(report.sections.flatMap(sectionAnchors));
}

/**
 * Where a link goes in the PDF: a destination we set (from the link's in-report target, or a
 * `#id`), a web or mail address, or nowhere.
 */
export function linkResolver(destinations: ReadonlySet<string>) {
  return (url: string, target?: InReportTarget): { kind: 'internal'; destination: string } | { kind: 'external'; url: string } | undefined => {
    if (target) return destinations.has(target.anchor) ? { kind: 'internal', destination: target.anchor } : undefined;
    if (url.startsWith('#')) {
      const id = decodeFragment(url.slice(1));
      return destinations.has(id) ? { kind: 'internal', destination: id } : undefined;
    }
    // Only lwr's published schemes (model/url-schemes.ts); anything else (javascript:, relative paths) stays text.
    // PDF readers take only URIs as link targets: an address in any script is encoded first.
    if (schemePolicy(url) === 'published') return { kind: 'external', url: iriToUri(url.trim()) };
    return undefined;
  };
}
