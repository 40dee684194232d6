import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { didYouMean } from './suggest.js';
import { lineForPath } from './yaml-positions.js';

/**
 * Turn every zod issue into a positioned diagnostic: one per invalid field, with a
 * did-you-mean for unknown keys.
 */
export function schemaIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  options: { ruleId: string; file: string; keyLines: Map<string, number>; lineOffset: number; knownKeys: (path: PropertyKey[]) => string[] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const line = lineForPath(options.keyLines, [...path, key]) + options.lineOffset;
        const suggestion = didYouMean(key, options.knownKeys(issue.path));
        out.push(
          diagnostic(options.ruleId, 'error', `unknown key "${[...path, key].join('.')}"`, { file: options.file, line, column: 1 }, {
            fatal: true,
            hint: suggestion ? `did you mean "${suggestion}"?` : `known keys: ${options.knownKeys(issue.path).join(', ')}`,
          }),
        );
      }
      continue;
    }
    const line = lineForPath(options.keyLines, path) + options.lineOffset;
    const where = path.length ? `"${path.join('.')}"` : 'front matter';
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    const message = missing ? `${where} is required` : `${where}: ${issue.message}`;
    out.push(diagnostic(options.ruleId, 'error', message, { file: options.file, line, column: 1 }, { fatal: true }));
  }
  return out;
}
