import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { blockExtents, spanStartingAt } from './block-extents.js';

/**
 * Drop check diagnostics that repeat a problem the reader already reported: same rule, same
 * file, and the reader's diagnostic lies within the block the check's diagnostic points at
 * (the reader says "the attribution after the dash is empty" where the check would say
 * "quote has no attribution").
 */
export function dropRepeatsOfReadDiagnostics(report: Report, checks: readonly Diagnostic[], read: readonly Diagnostic[]): Diagnostic[] {
  if (read.length === 0) return [...checks];
  const extentsByFile = new Map(report.sections.map((s) => [s.source.file, blockExtents(s)]));
  return checks.filter((d) => {
    const extents = d.file === undefined || d.line === undefined ? undefined : extentsByFile.get(d.file);
    const span = extents && spanStartingAt(extents, d.line!);
    if (!span) return true;
    return !read.some((r) => r.ruleId === d.ruleId && r.file === d.file && r.line !== undefined && r.line >= span.startLine && r.line <= span.endLine);
  });
}
