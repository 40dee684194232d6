import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { messageWithHint, type CheckRun } from './check-run.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
const toUri = (file: string): string => file.split(/[\\/]/).map(encodeURIComponent).join('/');

function region(d: Diagnostic): Record<string, number> | undefined {
  if (!d.line) return undefined;
  const r: Record<string, number> = { startLine: d.line };
  if (d.column) r.startColumn = d.column;
  if (d.endLine) r.endLine = d.endLine;
  if (d.endLine && d.endColumn) r.endColumn = d.endColumn;
  return r;
}

function locations(d: Diagnostic): Record<string, unknown>[] | undefined {
  if (!d.file) return undefined;
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' } };
  const where = region(d);
  if (where) physicalLocation.region = where;
  return [{ physicalLocation }];
}

/**
 * A SARIF 2.1.0 log: one run, the tool's rules in `tool.driver.rules` (each with its docs
 * anchor as `helpUri`), one result per diagnostic with its rule, level, message and region
 * (start and, when known, end), and one invocation with the exit code. A run that could not
 * read its content (exit 2) says `executionSuccessful: false` and lists the fatal problems as
 * tool execution notifications too. Paths are relative to the working directory
 * (`%SRCROOT%`), as GitHub code scanning expects.
 */
export function formatSarif(run: CheckRun): string {
  const { tool } = run;
  const ruleIndex = new Map(tool.rules.map((r, i) => [r.id, i]));
  const sorted = sortDiagnostics(run.diagnostics);
  const results = sorted.map((d) => {
    const result: Record<string, unknown> = { ruleId: d.ruleId, level: LEVELS[d.severity], message: { text: messageWithHint(d) } };
    if (ruleIndex.has(d.ruleId)) result.ruleIndex = ruleIndex.get(d.ruleId);
    const where = locations(d);
    if (where) result.locations = where;
    if (d.url) result.properties = { url: d.url };
    return result;
  });
  const fatal = sorted.filter((d) => d.fatal);
  const invocation: Record<string, unknown> = { executionSuccessful: run.exitCode !== 2, exitCode: run.exitCode };
  if (fatal.length > 0) {
    invocation.toolExecutionNotifications = fatal.map((d) => {
      const notification: Record<string, unknown> = { level: 'error', message: { text: messageWithHint(d) }, descriptor: { id: d.ruleId } };
      const where = locations(d);
      if (where) notification.locations = where;
      return notification;
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: tool.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: LEVELS[r.severity] },
              properties: { tags: [r.family] },
            })),
          },
        },
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
