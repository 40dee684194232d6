/**
 * lwr as a library: the same stages the CLI runs — load → check / render / extract → publish —
 * as functions over the typed report model. `import { loadReport } from 'living-well-report'`.
 */
import { RULES as ALL_RULES, type RuleInfo } from '../check/rules.js';

export { loadReport, type LoadReportOptions, type LoadResult, type LoadedReport, type UnreadableReport } from './load.js';
export { checkReport, type CheckReportOptions } from './check.js';
export { renderEdition, DEFAULT_TEMPLATES_DIR, type RenderOptions } from './render.js';
export { buildReport, type BuildReportOptions, type BuildResult } from './build.js';
export { extractQuotes, quoteFilterProblem, formatQuotes, type ExtractedQuote, type QuoteFilter, type QuoteFormat } from './quotes.js';
export { formatDiagnostics } from './format.js';
export { jsonSchema, SCHEMA_NAMES, type SchemaName } from './schemas.js';
export type { ReportInput } from './input.js';

export { LWR_VERSION } from '../package-info.js';
export { MODEL_VERSION } from '../model/types.js';
export type { RuleInfo };
/** Every rule lwr knows: id, family, default severity, one line of description (`lwr check --list-rules`). */
export const RULES: readonly RuleInfo[] = ALL_RULES;
export type { CheckFamily, ExternalCheckOptions } from '../check/index.js';
export type { Diagnostic, Severity } from '../model/diagnostic.js';
export type { Format, RenderedFile } from '../render/types.js';
export type { ManifestEntry } from '../publish/manifest.js';
export type { BuildTarget } from '../publish/plan.js';
export type * from '../model/types.js';
