import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { blockExtents, firstBlockAfter } from './block-extents.js';

interface Silence {
  file: string;
  ruleId: string;
  startLine: number;
  endLine: number;
}

/**
 * Drop the diagnostics silenced by `<!-- lwr-ignore rule-id … -->` comments.
 *
 * A comment silences the rules it names for one block: the first block (paragraph, list,
 * quote, directive…, or footnote) that starts on a line after the comment, in the same
 * file. A diagnostic is silenced when its rule is named and its line lies within that
 * block, from the block's first line to the last line of anything inside it. A comment
 * with no block after it silences nothing.
 */
export function applyIgnores(report: Report, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const silences = ignoreSilences(report);
  if (silences.length === 0) return [...diagnostics];
  return diagnostics.filter(
    (d) => !silences.some((s) => s.ruleId === d.ruleId && s.file === d.file && d.line !== undefined && d.line >= s.startLine && d.line <= s.endLine),
  );
}

function ignoreSilences(report: Report): Silence[] {
  const silences: Silence[] = [];
  for (const section of report.sections) {
    if (section.ignores.length === 0) continue;
    const extents = blockExtents(section);
    for (const ignore of section.ignores) {
      const block = firstBlockAfter(extents, ignore.line);
      if (block) silences.push({ file: section.source.file, ruleId: ignore.ruleId, ...block });
    }
  }
  return silences;
}
