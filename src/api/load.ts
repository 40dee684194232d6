import path from 'node:path';
import { loadProjectConfig, type FoundConfig } from '../config/config-file.js';
import { readContentFolder, type LoadResult } from './read-content.js';
import { findReportFolder } from './report-folder.js';

export { findReportFolder, type FoundReportFolder } from './report-folder.js';
export { readContentFolder, type LoadedReport, type LoadResult, type UnreadableReport } from './read-content.js';

/** Options of `loadReport`. */
export interface LoadReportOptions {
  /** The folder relative paths are resolved against and shown relative to in diagnostics (default: the working folder). */
  cwd?: string;
  /** The lwr.config.yaml to apply: a path, or `false` for none (default: the nearest one from `cwd` up). */
  config?: string | false;
}

/**
 * Read a report's content folder into the model: report.yaml and its Markdown files, with
 * lwr.config.yaml's rules and ignores applied. Never throws for bad content: when the content
 * cannot be read, `report` is undefined and `diagnostics` says why.
 */
export async function loadReport(contentDir?: string, options: LoadReportOptions = {}): Promise<LoadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const found: FoundConfig = options.config === false ? { diagnostics: [] } : loadProjectConfig(cwd, options.config);
  const dir = contentDir ?? (found.config ? found.config.content : findReportFolder(cwd)?.content ?? 'content');
  return readContentFolder(dir, cwd, found);
}
