import { createHash } from 'node:crypto';
import { sortDiagnostics } from '../model/diagnostic.js';
import type { CheckRun } from './check-run.js';

/** GitLab's Code Quality severities. */
const SEVERITIES = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * A GitLab Code Quality report (the Code Climate JSON subset GitLab reads, for
 * `artifacts:reports:codequality`): one issue per diagnostic with its rule as `check_name`, a
 * severity (fatal `blocker`, error `major`, warning `minor`, info `info`), the file and line,
 * and a fingerprint that stays the same while the problem does (rule, file, message, and which
 * occurrence it is), so merge requests show what they add and what they fix.
 */
export function formatGitlab(run: CheckRun, options: { reportFile: string }): string {
  const seen = new Map<string, number>();
  const issues = sortDiagnostics(run.diagnostics).map((d) => {
    const file = d.file ?? options.reportFile;
    const identity = `${d.ruleId}\0${file}\0${d.message}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return {
      type: 'issue',
      check_name: d.ruleId,
      description: d.hint ? `${d.message} (hint: ${d.hint})` : d.message,
      categories: ['Style'],
      severity: d.fatal ? 'blocker' : SEVERITIES[d.severity],
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
      location: { path: file, lines: { begin: d.line ?? 1, ...(d.endLine ? { end: d.endLine } : {}) } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
