import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runChecks, type CheckOptions } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Report } from '../../src/model/types.js';
import { FIXTURES, readContent, ROOT } from '../support/report.js';

/** Folder of check fixtures: tests/fixtures/check/<case>/content + expected.txt. */
export const CHECK_FIXTURES = path.join(FIXTURES, 'check');

/** Read a fixture's content folder; throws when it cannot be read (fixtures must be readable). */
export function readFixture(name: string): { report: Report; readDiagnostics: Diagnostic[]; contentDir: string } {
  const contentDir = path.join(CHECK_FIXTURES, name, 'content');
  const { report, diagnostics } = readContent(contentDir);
  if (!report) throw new Error(`fixture ${name} cannot be read: ${JSON.stringify(diagnostics)}`);
  return { report, readDiagnostics: diagnostics, contentDir };
}

/** Run every offline check on a fixture the way `lwr check` does, with the real file system. */
export function checkFixture(name: string, options: CheckOptions = {}): Promise<Diagnostic[]> {
  const { report, readDiagnostics, contentDir } = readFixture(name);
  return runChecks(report, { contentRoot: contentDir, fileExists: existsSync, listFiles: (dir) => readdirSync(dir), readDiagnostics, ...options });
}

/** One `file:line:col severity rule-id` line per diagnostic, file relative to `dir`. */
export function positionLines(diagnostics: readonly Diagnostic[], dir: string): string {
  return diagnostics
    .map((d) => {
      const file = d.file ? path.relative(dir, path.resolve(ROOT, d.file)).split(path.sep).join('/') : '-';
      return `${file}:${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.ruleId}`;
    })
    .join('\n');
}
