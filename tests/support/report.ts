import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Report } from '../../src/model/types.js';
import { editionImageBytes } from '../../src/model/images.js';
import { createAssetReader } from '../../src/read/assets.js';
import { loadContent, type AssetReader } from '../../src/read/load.js';
import { readReport } from '../../src/read/report.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The report's real content folder. */
export const CONTENT = path.join(ROOT, 'content');
/** Folder of fixture folders. */
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** The figures fixture report: a PNG, an SVG and a JPEG figure, inline images, the PNG again in a second file. */
export const FIGURES_CONTENT = path.join(FIXTURES, 'figures/content');

/** Set LWR_UPDATE_FIXTURES=1 (npm run test:update) to rewrite expectation files for review. */
export const UPDATE = process.env.LWR_UPDATE_FIXTURES === '1';

/** Load and read a content folder; positions are shown relative to the repository root. */
export function readContent(dir: string): { report?: Report; diagnostics: Diagnostic[]; assets?: AssetReader } {
  const loaded = loadContent(dir, ROOT);
  if (!loaded.content || loaded.diagnostics.some((d) => d.fatal)) return { diagnostics: loaded.diagnostics };
  const assets = createAssetReader(loaded.content.root);
  const read = readReport({ ...loaded.content, assets });
  return { ...read, diagnostics: [...loaded.diagnostics, ...read.diagnostics], assets };
}

/** A content folder's model and the bytes of its image files by sha256, as the publisher hands them to renderers. */
export function readContentWithImages(dir: string): { report: Report; images: Map<string, Uint8Array>; diagnostics: Diagnostic[] } {
  const { report, diagnostics, assets } = readContent(dir);
  if (!report) throw new Error(`${dir} could not be read: ${JSON.stringify(diagnostics, null, 2)}`);
  return { report, images: assets ? editionImageBytes(report, assets.bytes) : new Map(), diagnostics };
}

let cached: Report | undefined;
/** The real report's model (read once per test file). */
export function realReport(): Report {
  if (!cached) {
    const { report, diagnostics } = readContent(CONTENT);
    if (!report) throw new Error(`content/ could not be read: ${JSON.stringify(diagnostics, null, 2)}`);
    cached = report;
  }
  return cached;
}

/**
 * Compare text with an expectation file; with LWR_UPDATE_FIXTURES=1 the file is (re)written
 * instead, and the diff is reviewed like code.
 */
export function expectToMatchFile(actual: string, file: string): void {
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE && process.env.CI) throw new Error(`missing expectation file ${path.relative(ROOT, file)}; run npm run test:update`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** One line per diagnostic: `file:line:col severity rule-id message (hint)`, file relative to the fixture. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], relativeTo: string): string {
  return diagnostics
    .map((d) => {
      const file = d.file ? path.relative(relativeTo, path.resolve(ROOT, d.file)).split(path.sep).join('/') : '-';
      return `${file}:${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.ruleId} ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
    })
    .join('\n');
}

/** A content folder, in a fresh temporary folder, holding `files` (file name → text). */
export function contentFolderOf(files: Record<string, string>): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-content-')), 'content');
  mkdirSync(content);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(content, name), text);
  return content;
}

/** Read `files` as a content folder into a model; throws (with the diagnostics) when it cannot be read. */
export function reportOfFiles(files: Record<string, string>): Report {
  const { report, diagnostics } = readContent(contentFolderOf(files));
  if (!report) throw new Error(`the content could not be read: ${JSON.stringify(diagnostics, null, 2)}`);
  return report;
}
