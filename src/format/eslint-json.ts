import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { messageWithHint, type CheckRun } from './check-run.js';

/** One message in ESLint's JSON formatter output. */
interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
}

/** One file in ESLint's JSON formatter output. */
interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
  usedDeprecatedRules: [];
}

/**
 * The shape ESLint's `--format json` prints, so tools that read it (reviewdog, editor
 * integrations, code-quality converters) read lwr too: one entry per checked file with an
 * absolute `filePath`, its messages (severity 2 error, 1 warning; ESLint has no info, so info
 * is 1 as well) and counts. Problems that belong to no file are listed under `reportRoot`.
 */
export function formatEslintJson(run: CheckRun, options: { cwd: string; reportRoot: string }): string {
  const byFile = new Map<string, EslintFileResult>();
  const entry = (file: string) => {
    const filePath = path.resolve(options.cwd, file);
    let result = byFile.get(filePath);
    if (!result) {
      result = { filePath, messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] };
      byFile.set(filePath, result);
    }
    return result;
  };
  for (const file of run.files) entry(file);
  for (const d of sortDiagnostics(run.diagnostics)) {
    const result = entry(d.file ?? options.reportRoot);
    result.messages.push(eslintMessage(d));
    if (d.severity === 'error') result.errorCount++;
    else result.warningCount++;
    if (d.fatal) result.fatalErrorCount++;
  }
  return `${JSON.stringify([...byFile.values()], null, 2)}\n`;
}

function eslintMessage(d: Diagnostic): EslintMessage {
  const message: EslintMessage = { ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1, message: messageWithHint(d), line: d.line ?? 1, column: d.column ?? 1 };
  if (d.line && d.endLine) message.endLine = d.endLine;
  if (d.line && d.endLine && d.endColumn) message.endColumn = d.endColumn;
  if (d.fatal) message.fatal = true;
  return message;
}
