import { statSync } from 'node:fs';
import path from 'node:path';
import { ruleDiagnostic } from '../check/rule-diagnostic.js';
import { CHECK_FAMILIES, type CheckFamily } from '../check/rules.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** What `lwr check [links|attribution|images] [files…]` was asked to check. */
export interface CheckTargets {
  family?: CheckFamily;
  /** Absolute paths of the files and folders named; empty means the whole report. */
  paths: string[];
}

/** Split the arguments: an optional family first, then files or folders (relative to the working folder). */
export function parseCheckTargets(args: readonly string[], cwd: string): CheckTargets {
  const [first, ...rest] = args;
  const family = CHECK_FAMILIES.find((f) => f === first);
  const files = family ? rest : args;
  const targets: CheckTargets = { paths: files.map((f) => path.resolve(cwd, f)) };
  if (family) targets.family = family;
  return targets;
}

/**
 * Check that every named path exists inside the content folder; each one that does not is a
 * fatal `check-usage` diagnostic (exit 2) naming it as it was given.
 */
export function checkTargetProblems(targets: CheckTargets, contentRoot: string, shown: (absolute: string) => string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const target of targets.paths) {
    const relative = path.relative(contentRoot, target);
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    let exists = true;
    try {
      statSync(target);
    } catch {
      exists = false;
    }
    const why = !exists ? 'does not exist' : !inside ? `is not in the content folder ${shown(contentRoot)}` : undefined;
    if (why) {
      problems.push({ ...ruleDiagnostic('check-usage', `${shown(target)} ${why}`, { file: shown(target) }, { hint: 'name Markdown files (or folders) of the content folder, or none to check the whole report' }), fatal: true });
    }
  }
  return problems;
}

/** Whether a diagnostic is about one of the named files (or inside a named folder). */
export function isAboutTargets(file: string | undefined, targets: CheckTargets, cwd: string): boolean {
  if (targets.paths.length === 0) return true;
  if (file === undefined) return false;
  const absolute = path.resolve(cwd, file);
  return targets.paths.some((t) => absolute === t || absolute.startsWith(t.endsWith(path.sep) ? t : t + path.sep));
}
