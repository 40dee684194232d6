import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { didYouMean } from '../model/suggest.js';
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
    const message = missing ? `${where} is required` : `${where} ${plainWords(issue)}`;
    out.push(diagnostic(options.ruleId, 'error', message, { file: options.file, line, column: 1 }, { fatal: true }));
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping of keys to values' };

/** What a zod issue asks for, in the words an editor uses for YAML ("must be a list"). */
function plainWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const unit = issue.origin === 'string' ? ' characters long' : issue.origin === 'array' || issue.origin === 'set' ? ' items long' : '';
      return `must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}${unit}`;
    }
    default:
      // lwr's own checks already say "must be …"; zod's generic ones are kept after a plain lead.
      return /^must /.test(issue.message) ? issue.message : `is not valid: ${issue.message}`;
  }
}
