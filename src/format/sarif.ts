import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';

/** What the SARIF log needs to know about a rule. */
export interface SarifRule {
  id: string;
  severity: Diagnostic['severity'];
  description: string;
}

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
const toUri = (file: string): string => file.split(/[\\/]/).map(encodeURIComponent).join('/');

/**
 * A SARIF 2.1.0 log: one run, the tool's rules in `tool.driver.rules`, one result per
 * diagnostic with its rule, level, message and region. Paths are relative to the working
 * directory (`%SRCROOT%`), as GitHub code scanning expects.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], tool: { name: string; version: string; informationUri?: string; rules: readonly SarifRule[] }): string {
  const ruleIndex = new Map(tool.rules.map((r, i) => [r.id, i]));
  const results = sortDiagnostics(diagnostics).map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      level: LEVELS[d.severity],
      message: { text: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message },
    };
    if (ruleIndex.has(d.ruleId)) result.ruleIndex = ruleIndex.get(d.ruleId);
    if (d.file) {
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' } };
      if (d.line) physicalLocation.region = { startLine: d.line, ...(d.column ? { startColumn: d.column } : {}) };
      result.locations = [{ physicalLocation }];
    }
    if (d.url) result.properties = { url: d.url };
    return result;
  });
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
              defaultConfiguration: { level: LEVELS[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
