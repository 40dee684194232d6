import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { terminalSafe } from './terminal-safe.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Escape a workflow command's message: %, CR and LF (GitHub's own escaping rules); other
 * control characters, ANSI escapes and bidi overrides are shown escaped, as on a terminal,
 * since the command is printed in the job's log.
 */
export const escapeData = (text: string): string => terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));

/** Escape a workflow command's property value: as for messages, plus : and ,. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one line per diagnostic:
 * `::error file=content/x.md,line=3,endLine=3,col=5,endColumn=12,title=link-placeholder::message`
 * (ends when known).
 * Info becomes a notice; the hint follows the message on a second (escaped) line.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const properties: string[] = [];
      if (d.file) properties.push(`file=${escapeProperty(d.file)}`);
      if (d.line) properties.push(`line=${d.line}`);
      if (d.line && d.endLine) properties.push(`endLine=${d.endLine}`);
      if (d.line && d.column) properties.push(`col=${d.column}`);
      // GitHub reads a column range only on one line.
      if (d.line && d.column && d.endLine === d.line && d.endColumn) properties.push(`endColumn=${d.endColumn}`);
      properties.push(`title=${escapeProperty(d.ruleId)}`);
      const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
      return `::${COMMANDS[d.severity]} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
