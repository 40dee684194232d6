import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { CheckRun } from './check-run.js';

/** Text safe in XML 1.0: markup escaped, and the control characters XML cannot hold shown as \xNN. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const where = (d: Diagnostic) => (d.line ? `${d.line}:${d.column ?? 1}` : '-');
const details = (d: Diagnostic) => `${d.severity} ${where(d)} ${d.ruleId}\n${d.message}${d.hint ? `\nhint: ${d.hint}` : ''}${d.url ? `\nurl: ${d.url}` : ''}`;

/**
 * A JUnit XML report for CI test views (GitLab's `artifacts:reports:junit`, Jenkins, Azure):
 * one test suite per checked file, one test case per diagnostic. A fatal problem is an
 * `<error>` (the check could not run), an error a `<failure>`; warnings and infos pass, with
 * their text in `<system-out>`, since they do not fail the run. A file without problems has
 * one passing "no problems" case, so every checked file shows.
 */
export function formatJunit(run: CheckRun): string {
  const suites = new Map<string, Diagnostic[]>();
  for (const file of run.files) suites.set(file, []);
  for (const d of sortDiagnostics(run.diagnostics)) {
    const file = d.file ?? '(report)';
    suites.set(file, [...(suites.get(file) ?? []), d]);
  }
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const body: string[] = [];
  for (const [file, diagnostics] of suites) {
    const cases = diagnostics.length === 0 ? [`    <testcase classname="${xml(file)}" name="no problems" file="${xml(file)}"/>`] : diagnostics.map((d) => testCase(file, d));
    const suiteFailures = diagnostics.filter((d) => !d.fatal && d.severity === 'error').length;
    const suiteErrors = diagnostics.filter((d) => d.fatal).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    body.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">`, ...cases, '  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`${run.tool.name} check`)}" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(file: string, d: Diagnostic): string {
  const open = `    <testcase classname="${xml(file)}" name="${xml(`${where(d)} ${d.ruleId}`)}" file="${xml(file)}"${d.line ? ` line="${d.line}"` : ''}>`;
  const text = xml(details(d));
  const inner = d.fatal
    ? `<error type="${xml(d.ruleId)}" message="${xml(d.message)}">${text}</error>`
    : d.severity === 'error'
      ? `<failure type="${xml(d.ruleId)}" message="${xml(d.message)}">${text}</failure>`
      : `<system-out>${text}</system-out>`;
  return `${open}\n      ${inner}\n    </testcase>`;
}
