import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';

/** The JSON form of one diagnostic: every field present, null when unknown. */
export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  url: string | null;
  hint: string | null;
}

/** Diagnostics as a JSON array, one object per diagnostic with the same fields in the same order. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows: JsonDiagnostic[] = sortDiagnostics(diagnostics).map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    url: d.url ?? null,
    hint: d.hint ?? null,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
