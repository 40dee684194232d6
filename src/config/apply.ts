import path from 'node:path';
import picomatch from 'picomatch';
import { ruleIds } from '../check/rules.js';
import type { Report, Section } from '../model/types.js';
import type { ProjectConfig } from './project-config.js';

/**
 * The report as lwr.config.yaml says to check it: its `rules:` over report.yaml's, and its
 * `ignores:` as whole-file ignores on the sections whose files match (every rule when an
 * entry names none). The checks then apply them like report.yaml and lwr-ignore comments, in
 * every command. `cwd` is what the sections' file paths are relative to.
 */
export function applyProjectConfig(report: Report, config: ProjectConfig, cwd: string): Report {
  const matchers = config.ignores.map((entry) => ({ matches: picomatch(entry.files, { dot: true }), rules: entry.rules ?? ruleIds() }));
  const silenced = (section: Section): string[] => {
    const relative = path.relative(config.dir, path.resolve(cwd, section.source.file)).split(path.sep).join('/');
    return [...new Set(matchers.filter((m) => m.matches(relative)).flatMap((m) => m.rules))];
  };
  const sections = report.sections.map((section) => {
    const rules = matchers.length ? silenced(section) : [];
    if (rules.length === 0) return section;
    return { ...section, ignores: [...section.ignores, ...rules.map((ruleId) => ({ ruleId, line: 1, scope: 'file' as const }))] };
  });
  return { ...report, meta: { ...report.meta, rules: { ...report.meta.rules, ...config.rules } }, sections };
}
