import path from 'node:path';
import { readReportCached, type ReportCacheSettings } from '../cache/report-cache.js';
import type { FoundConfig } from '../config/config-file.js';
import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { loadContent, type AssetReader } from '../read/load.js';

/** A report that was read: the model, and what reading it found. */
export interface LoadedReport {
  report: Report;
  /** Problems found while reading (lwr.config.yaml, front matter, Markdown): none of them fatal. */
  diagnostics: Diagnostic[];
  /** The files read, as shown in diagnostics: report.yaml, then the Markdown files. */
  files: string[];
  /** The content folder, absolute. */
  contentDir: string;
  /** The folder the paths in the model and diagnostics are relative to. */
  cwd: string;
  /** The bytes of an image file the model names, by its sha256 (read once, while loading). */
  imageBytes: (sha256: string) => Uint8Array | undefined;
}

/** Content that could not be read: `diagnostics` says why (at least one is fatal). */
export interface UnreadableReport {
  report: undefined;
  diagnostics: Diagnostic[];
  files: string[];
  contentDir: string;
  cwd: string;
}

export type LoadResult = LoadedReport | UnreadableReport;

/** Load and read one content folder with a config already found (the CLI finds it once per run). Never prints. */
export async function readContentFolder(contentDir: string, cwd: string, found: FoundConfig, options: { cache?: ReportCacheSettings | undefined } = {}): Promise<LoadResult> {
  const diagnostics = [...found.diagnostics];
  const absolute = path.resolve(cwd, contentDir);
  const unreadable = (files: string[]): UnreadableReport => ({ report: undefined, diagnostics, files, contentDir: absolute, cwd });
  if (hasFatal(diagnostics)) return unreadable([]);
  const loaded = loadContent(contentDir, cwd);
  diagnostics.push(...loaded.diagnostics);
  const content = loaded.content;
  const files = content ? [...(content.config ? [content.config.path] : []), ...content.files.map((f) => f.path)] : [];
  if (!content || hasFatal(loaded.diagnostics)) return unreadable(files);
  // The CLI keeps the read model in the project's cache (.lwr-cache/); the library reads afresh.
  // The reader (micromark, the front matter's YAML and schema) is loaded only when the cache has
  // no model, the image reader (PNG, JPEG and SVG decoders) only when images are to be read.
  let assets: AssetReader | undefined;
  const loadAssets = async () => (assets ??= (await import('../read/assets.js')).createAssetReader(content.root));
  const read = await readReportCached(content, options.cache, async () => (await import('../read/report.js')).readReport, loadAssets);
  diagnostics.push(...read.diagnostics);
  if (!read.report || hasFatal(diagnostics)) return unreadable(files);
  // lwr.config.yaml's settings (and picomatch, for its `ignores:`) only for a project that has one.
  const report = found.config ? (await import('../config/apply.js')).applyProjectConfig(read.report, found.config, cwd) : read.report;
  return { report, diagnostics, files, contentDir: absolute, cwd, imageBytes: (sha256) => assets?.bytes(sha256) };
}
