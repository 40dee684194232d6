import type { Section } from './types.js';
import { walkBlocks } from './walk.js';

/**
 * The anchors a section sets, in reading order: its own id, then its headings (with their
 * alias ids), quotes, the comparison, forces, glossary terms, the poem, figures, and its
 * footnotes. Renderers set each one as
 * a target; the reader uses them to tell which section a `#fragment` lands in.
 */
export function sectionAnchors(section: Section): string[] {
  const ids = [section.id];
  walkBlocks(section.blocks, (block) => {
    switch (block.type) {
      case 'heading':
        ids.push(block.id, ...(block.aliases ?? []));
        break;
      case 'quote':
      case 'comparison':
      case 'poem':
      case 'figure':
        ids.push(block.id);
        break;
      case 'forces':
        for (const force of block.forces) ids.push(force.id);
        break;
      case 'glossary':
        for (const entry of block.entries) ids.push(entry.id);
        break;
      default:
        break;
    }
  });
  for (const footnote of section.footnotes) ids.push(footnote.id);
  return ids;
}
