import type { ChalkInstance } from 'chalk';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { terminalSafe } from './terminal-safe.js';

/** Human-readable diagnostics grouped by file, with a summary line (like ESLint's "stylish"). */
export function formatStylish(diagnostics: readonly Diagnostic[], chalk: ChalkInstance): string {
  if (diagnostics.length === 0) return '';
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const key = d.file ?? '(report)';
    byFile.set(key, [...(byFile.get(key) ?? []), d]);
  }
  const lines: string[] = [];
  for (const [file, ds] of byFile) {
    lines.push(chalk.underline(terminalSafe(file)));
    for (const d of ds) {
      const where = d.line ? `${d.line}:${d.column ?? 1}` : '';
      const severity = d.severity === 'error' ? chalk.red('error') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info');
      lines.push(`  ${chalk.dim(where.padEnd(7))} ${severity.padEnd(7 + (severity.length - d.severity.length))}  ${terminalSafe(d.message)}  ${chalk.dim(d.ruleId)}`);
      if (d.hint) lines.push(`  ${' '.repeat(7)}          ${chalk.dim('hint:')} ${terminalSafe(d.hint)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(diagnostics, chalk));
  return lines.join('\n');
}

/** "✖ 5 problems (4 errors, 1 warning)" */
export function summaryLine(diagnostics: readonly Diagnostic[], chalk: ChalkInstance): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) parts.push(`${infos} info`);
  const total = errors + warnings + infos;
  if (total === 0) return chalk.green('✔ no problems');
  const text = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  return errors ? chalk.red.bold(text) : chalk.yellow.bold(text);
}
