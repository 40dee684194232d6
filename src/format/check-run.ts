import type { Diagnostic, Severity } from '../model/diagnostic.js';

/** What a rule looks like to the machine formats: id, family, default severity, description, docs. */
export interface RuleDescriptor {
  id: string;
  family: string;
  severity: Severity;
  description: string;
  /** Where the rule is documented (an anchor in docs/rules.md). */
  helpUri?: string;
}

/** The tool that made a run, as SARIF and the JSON formats name it. */
export interface ToolDescriptor {
  name: string;
  version: string;
  informationUri?: string;
  rules: readonly RuleDescriptor[];
}

/**
 * One `lwr check` run, everything a formatter needs: the diagnostics (fatal ones included),
 * the exit code the run ends with, and the files it checked (for formats that list files
 * without problems too).
 */
export interface CheckRun {
  diagnostics: readonly Diagnostic[];
  exitCode: number;
  /** Display paths of the files checked, in order. */
  files: readonly string[];
  tool: ToolDescriptor;
}

/** How many diagnostics of each severity, and how many are fatal. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
  fatal: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0, fatal: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (d.fatal) counts.fatal++;
  }
  return counts;
}

/** The message with its hint on a second line, as the machine formats carry it. */
export const messageWithHint = (d: Diagnostic): string => (d.hint ? `${d.message}\nhint: ${d.hint}` : d.message);
