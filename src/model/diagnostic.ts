/** Diagnostics are data: collected by readers and checks, printed once by a formatter. */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Where the problem ends, when known: its last line, and the column just after it. */
  endLine?: number;
  endColumn?: number;
  /** The link's target, for link rules. */
  url?: string;
  hint?: string;
  /** A fatal diagnostic means the content could not be read: exit code 2. */
  fatal?: boolean;
}

/** Build a diagnostic positioned at `at` (a SourcePosition or a bare file). */
export function diagnostic(
  ruleId: string,
  severity: Severity,
  message: string,
  at: { file?: string; line?: number; column?: number; endLine?: number; endColumn?: number } = {},
  extra: Partial<Pick<Diagnostic, 'url' | 'hint' | 'fatal'>> = {},
): Diagnostic {
  const d: Diagnostic = { ruleId, severity, message };
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  if (at.line !== undefined && at.endLine !== undefined) d.endLine = at.endLine;
  if (at.line !== undefined && at.endLine !== undefined && at.endColumn !== undefined) d.endColumn = at.endColumn;
  if (extra.url !== undefined) d.url = extra.url;
  if (extra.hint !== undefined) d.hint = extra.hint;
  if (extra.fatal) d.fatal = true;
  return d;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
export const hasFatal = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.fatal);

/**
 * Stable order: file, line, column, rule. Names compare by UTF-16 code unit, not by locale: the
 * order is then the same under every LANG, and no collator is loaded (ICU's costs ~5 ms at start-up).
 */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      byCodePoint(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byCodePoint(a.ruleId, b.ruleId),
  );
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
