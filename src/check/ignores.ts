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
 * Drop the diagnostics silenced by lwr-ignore comments (and lwr.config.yaml's file ignores,
 * which the CLI adds to the sections as whole-file ignores).
 *
 * - `<!-- lwr-ignore rule-id … -->` silences the rules it names for one block: the first block
 *   (paragraph, list, quote, directive…, or footnote) that starts on a line after the comment,
 *   in the same file, from the block's first line to the last line of anything inside it. A
 *   comment with no block after it silences nothing.
 * - `<!-- lwr-ignore-start rule-id … -->` … `<!-- lwr-ignore-end -->` silences them on every
 *   line between the two comments (to the end of the file when the range is never closed).
 * - `<!-- lwr-ignore-file rule-id … -->` silences them in the whole file.
 */
export function applyIgnores(report: Report, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const silences = ignoreSilences(report);
  if (silences.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => !silences.some((s) => s.ruleId === d.ruleId && s.file === d.file && covers(s, d)));
}

/** Whole-file silences cover diagnostics without a line too; the others need one in their lines. */
function covers(silence: Silence, d: Diagnostic): boolean {
  if (silence.startLine === 1 && silence.endLine === Infinity) return true;
  return d.line !== undefined && d.line >= silence.startLine && d.line <= silence.endLine;
}

function ignoreSilences(report: Report): Silence[] {
  const silences: Silence[] = [];
  for (const section of report.sections) {
    if (section.ignores.length === 0) continue;
    const file = section.source.file;
    let extents: ReturnType<typeof blockExtents> | undefined;
    for (const ignore of section.ignores) {
      if (ignore.scope === 'file') silences.push({ file, ruleId: ignore.ruleId, startLine: 1, endLine: Infinity });
      else if (ignore.scope === 'range') silences.push({ file, ruleId: ignore.ruleId, startLine: ignore.line, endLine: ignore.endLine ?? Infinity });
      else {
        extents ??= blockExtents(section);
        const block = firstBlockAfter(extents, ignore.line);
        if (block) silences.push({ file, ruleId: ignore.ruleId, ...block });
      }
    }
  }
  return silences;
}
