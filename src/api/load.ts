import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { applyProjectConfig } from '../config/apply.js';
import { loadProjectConfig, type FoundConfig } from '../config/config-file.js';
import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { loadContent } from '../read/load.js';
import { readReport } from '../read/report.js';
import { readReportCached, type ReportCacheSettings } from '../cache/report-cache.js';

/** Options of `loadReport`. */
export interface LoadReportOptions {
  /** The folder relative paths are resolved against and shown relative to in diagnostics (default: the working folder). */
  cwd?: string;
  /** The lwr.config.yaml to apply: a path, or `false` for none (default: the nearest one from `cwd` up). */
  config?: string | false;
}

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

/** Where a report lives when no folder is named and no lwr.config.yaml says. */
export interface FoundReportFolder {
  /** The content folder, absolute. */
  content: string;
  /** The report's project folder (the content folder's parent): `dist/` goes here by default. */
  project: string;
}

const REPORT_CONFIG_NAMES = ['report.yaml', 'report.yml'];
const isDirectory = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();
const holdsReportYaml = (dir: string) => REPORT_CONFIG_NAMES.some((name) => existsSync(path.join(dir, name)));

/**
 * The report around the working folder when none is named, found the way git finds its
 * repository: from `cwd` up, the first folder that has a `content` folder (the project), or
 * that holds report.yaml itself (the content folder, inside its project). The walk stops at a
 * repository's top (a `.git` entry) so it never wanders into an unrelated report above.
 * Undefined when there is none: the commands then say `content` does not exist.
 */
export function findReportFolder(cwd: string): FoundReportFolder | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (isDirectory(path.join(dir, 'content'))) return { content: path.join(dir, 'content'), project: dir };
    if (holdsReportYaml(dir)) return { content: dir, project: path.dirname(dir) };
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/** Load and read one content folder with a config already found (the CLI finds it once per run). Never prints. */
export function readContentFolder(contentDir: string, cwd: string, found: FoundConfig, options: { cache?: ReportCacheSettings | undefined } = {}): LoadResult {
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
  const read = readReportCached(content, options.cache, readReport);
  diagnostics.push(...read.diagnostics);
  if (!read.report || hasFatal(diagnostics)) return unreadable(files);
  const report = found.config ? applyProjectConfig(read.report, found.config, cwd) : read.report;
  const assets = content.assets;
  return { report, diagnostics, files, contentDir: absolute, cwd, imageBytes: (sha256) => assets?.bytes(sha256) };
}
