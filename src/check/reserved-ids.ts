import type { Diagnostic } from '../model/diagnostic.js';
import { PAGE_IDS } from '../model/reserved-ids.js';
import type { Report, SourcePosition } from '../model/types.js';
import { walkBlocks } from '../model/walk.js';
import { ruleDiagnostic } from './rule-diagnostic.js';

/**
 * Anchors from the content (section, heading, quote, force, glossary ids…) that the HTML page
 * uses for itself (`main`, `contents-title`). Reported rather than renamed: ids are addresses
 * readers share (`report.html#learning-2`) and the content's own `#links` name them, so lwr
 * never changes one behind the editor's back.
 */
export function findReservedIds(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (id: string, source: SourcePosition) => {
    const what = Object.hasOwn(PAGE_IDS, id) ? PAGE_IDS[id] : undefined;
    if (what) {
      out.push(ruleDiagnostic('id-reserved', `id "${id}" is one the HTML page uses itself (${what}); links to #${id} would land there`, source, { hint: 'give the section an id of its own, or the heading another title' }));
    }
  };
  for (const section of report.sections) {
    check(section.id, section.source);
    walkBlocks(section.blocks, (block) => {
      if ('id' in block && typeof block.id === 'string') check(block.id, block.source);
      if (block.type === 'heading') for (const alias of block.aliases ?? []) check(alias, block.source);
      if (block.type === 'forces') for (const force of block.forces) check(force.id, force.source);
      if (block.type === 'glossary') for (const entry of block.entries) check(entry.id, entry.source);
    });
    for (const footnote of section.footnotes) check(footnote.id, footnote.source);
  }
  return out;
}
