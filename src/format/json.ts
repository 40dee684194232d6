import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { countDiagnostics, type CheckRun, type DiagnosticCounts } from './check-run.js';

/** The JSON form of one diagnostic: every field present, null when unknown. */
export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  /** The last line, and the column just after the last character (both null when unknown). */
  endLine: number | null;
  endColumn: number | null;
  url: string | null;
  hint: string | null;
  /** True when the content (or the command line) could not be used at all: exit code 2. */
  fatal: boolean;
}

/** `lwr check --format json`: the whole run as one object (documented in docs/formats.md). */
export interface JsonCheckResult {
  tool: { name: string; version: string };
  exitCode: number;
  counts: DiagnosticCounts;
  diagnostics: JsonDiagnostic[];
}

/** One diagnostic in its JSON form, with the same fields in the same order. */
export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    url: d.url ?? null,
    hint: d.hint ?? null,
    fatal: d.fatal === true,
  };
}

/** The run as a JSON object: the tool, the exit code, counts by severity, and the diagnostics in a stable order. */
export function formatJson(run: CheckRun): string {
  const result: JsonCheckResult = {
    tool: { name: run.tool.name, version: run.tool.version },
    exitCode: run.exitCode,
    counts: countDiagnostics(run.diagnostics),
    diagnostics: sortDiagnostics(run.diagnostics).map(jsonDiagnostic),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}
