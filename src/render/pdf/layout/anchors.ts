import type { Report } from '../../../model/types.js';
import { decodeFragment, iriToUri } from '../../../model/url.js';
import { schemePolicy } from '../../../model/url-schemes.js';
import { walkBlocks } from '../../../model/walk.js';

/**
 * Every anchor the PDF sets as a named destination: sections, headings, quotes, the
 * comparison, forces, glossary terms, the poem and footnotes of the sections in the model.
 * Links to anything else (a section another edition leaves out) are set as plain text.
 */
export function destinationsOf(report: Report): Set<string> {
  const ids = new Set<string>();
  for (const section of report.sections) {
    ids.add(section.id);
    for (const footnote of section.footnotes) ids.add(footnote.id);
    walkBlocks(section.blocks, (block) => {
      switch (block.type) {
        case 'heading':
        case 'quote':
        case 'comparison':
        case 'poem':
          ids.add(block.id);
          break;
        case 'forces':
          for (const force of block.forces) ids.add(force.id);
          break;
        case 'glossary':
          for (const entry of block.entries) ids.add(entry.id);
          break;
        default:
          break;
      }
    });
  }
  return ids;
}

/** Where a link goes in the PDF: a destination we set, a web or mail address, or nowhere. */
export function linkResolver(destinations: ReadonlySet<string>) {
  return (url: string): { kind: 'internal'; destination: string } | { kind: 'external'; url: string } | undefined => {
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
