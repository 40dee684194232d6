import type { Diagnostic } from '../../model/diagnostic.js';
import type { KeyLearningsBlock, Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/** Text compared case-folded, without markup, punctuation or repeated spaces. */
export const comparable = (text: string): string =>
  text.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/[‘’“”'"]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The "three big things" summary (`:::key-learnings`) must agree with the learnings: item n
 * reads as learning n's title, and every learning has an item.
 */
export function findKeyLearningMismatches(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of keyLearningBlocks(report)) {
    const byNumber = new Map(report.learnings.map((l) => [l.number, l]));
    for (const item of block.items) {
      const learning = byNumber.get(item.number);
      if (!learning) {
        out.push(ruleDiagnostic('key-learnings-mismatch', `summary item ${item.number} names no learning: there is no learning ${item.number}`, item.source, { hint: 'remove the item, or add the learning' }));
      } else if (comparable(item.text) !== comparable(learning.title)) {
        out.push(
          ruleDiagnostic('key-learnings-mismatch', `summary item ${item.number} reads "${item.text.trim()}" but learning ${item.number} is titled "${learning.title}"`, item.source, {
            hint: `make them agree (${learning.source.file})`,
          }),
        );
      }
    }
    const listed = new Set(block.items.map((i) => i.number));
    for (const learning of report.learnings) {
      if (listed.has(learning.number)) continue;
      out.push(ruleDiagnostic('key-learnings-mismatch', `summary has no item for learning ${learning.number}, "${learning.title}"`, block.source, { hint: `add "${learning.number}. ${learning.title}"` }));
    }
  }
  return out;
}

function keyLearningBlocks(report: Report): KeyLearningsBlock[] {
  const blocks: KeyLearningsBlock[] = [];
  for (const section of report.sections) {
    walkBlocks(section.blocks, (block) => {
      if (block.type === 'keyLearnings') blocks.push(block);
    });
  }
  return blocks;
}
