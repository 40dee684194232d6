import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { didYouMean } from '../model/suggest.js';
import { ruleDiagnostic } from './rule-diagnostic.js';
import { ruleIds, ruleInfo } from './rules.js';

/** Apply report.yaml's `rules:` severities: a rule set to `off` is dropped, others take the new severity. */
export function applySeverityOverrides(rules: Report['meta']['rules'], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = d.fatal ? undefined : rules[d.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

/** Rule ids named in report.yaml's `rules:` or in lwr-ignore comments that lwr does not know. */
export function findUnknownRuleIds(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const hint = (id: string) => {
    const suggestion = didYouMean(id, ruleIds());
    return suggestion ? `did you mean "${suggestion}"?` : 'lwr check --list-rules lists every rule';
  };
  for (const id of Object.keys(report.meta.rules)) {
    if (!ruleInfo(id)) out.push(ruleDiagnostic('rule-unknown', `report.yaml sets rule "${id}", which lwr does not know`, report.meta.source ?? {}, { hint: hint(id) }));
  }
  for (const section of report.sections) {
    for (const ignore of section.ignores) {
      if (!ruleInfo(ignore.ruleId)) {
        out.push(ruleDiagnostic('rule-unknown', `lwr-ignore names rule "${ignore.ruleId}", which lwr does not know`, { file: section.source.file, line: ignore.line, column: 1 }, { hint: hint(ignore.ruleId) }));
      }
    }
  }
  return out;
}
