import { Chalk } from 'chalk';
import { formatStylish, summaryLine } from '../format/stylish.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** Diagnostics as `lwr check` prints them on a terminal (grouped by file, a summary line last); colour only when asked. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: { color?: boolean } = {}): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  return formatStylish(diagnostics, chalk) || summaryLine(diagnostics, chalk);
}
