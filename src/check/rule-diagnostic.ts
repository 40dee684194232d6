import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { ruleInfo, type RuleId } from './rules.js';

/** Where a diagnostic points: a source position, or just a file. */
export type At = { file?: string; line?: number; column?: number; endLine?: number; endColumn?: number };

/** A diagnostic of a known rule, at the rule's default severity (report.yaml may override it later). */
export function ruleDiagnostic(ruleId: RuleId, message: string, at: At, extra: Partial<Pick<Diagnostic, 'url' | 'hint'>> = {}): Diagnostic {
  return diagnostic(ruleId, ruleInfo(ruleId)!.severity, message, at, extra);
}

/** `file:line` for messages that point at another place in the report. */
export const where = (at: At): string => (at.line ? `${at.file ?? ''}:${at.line}` : (at.file ?? 'report.yaml'));
