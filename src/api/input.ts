import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { publishedImageFiles } from '../model/images.js';
import type { Report } from '../model/types.js';
import type { LoadedReport } from './load.js';

/** What the API's functions take: a report `loadReport` read, or a model (perhaps changed) on its own. */
export type ReportInput = LoadedReport | Report;

/** A report with what the stages need beside the model. */
export interface ResolvedInput {
  report: Report;
  /** The content folder, absolute: relative links and the report's `fonts:` resolve against it. */
  contentDir: string;
  cwd: string;
  imageBytes: (sha256: string) => Uint8Array | undefined;
  /** Non-fatal problems reading found, which the checks report with their own. */
  readDiagnostics: readonly Diagnostic[];
}

/**
 * The model and its surroundings. A bare model's content folder is `contentDir`, else the
 * folder of its report.yaml (or of its first file) as the paths in the model say, relative to
 * the working folder; its images are read from that folder when a renderer needs them.
 */
export async function resolveInput(input: ReportInput | { report: undefined }, contentDir?: string): Promise<ResolvedInput> {
  if ('report' in input) {
    if (!input.report) throw new TypeError('lwr: the report could not be read; look at the diagnostics loadReport returned');
    const loaded = input as LoadedReport;
    return { report: loaded.report, contentDir: contentDir ? path.resolve(loaded.cwd, contentDir) : loaded.contentDir, cwd: loaded.cwd, imageBytes: loaded.imageBytes, readDiagnostics: loaded.diagnostics };
  }
  const report = input;
  const cwd = process.cwd();
  const firstFile = report.meta.source?.file ?? report.sections[0]?.source.file;
  const dir = path.resolve(cwd, contentDir ?? (firstFile ? path.dirname(firstFile) : 'content'));
  return { report, contentDir: dir, cwd, imageBytes: await imagesFromDisk(report, dir), readDiagnostics: [] };
}

/**
 * The bytes of a model's image files, read (confined to the content folder, as the loader reads
 * them) when first asked for; the image reader is loaded only for a model with images.
 */
async function imagesFromDisk(report: Report, contentDir: string): Promise<(sha256: string) => Uint8Array | undefined> {
  if (publishedImageFiles(report).length === 0) return () => undefined;
  const { createAssetReader } = await import('../read/assets.js');
  let reader: ReturnType<typeof createAssetReader> | undefined;
  return (sha256) => {
    const file = publishedImageFiles(report).find((f) => f.sha256 === sha256);
    if (!file) return undefined;
    reader ??= createAssetReader(realpathSync(contentDir));
    const lookup = reader.image(file.path);
    return 'file' in lookup && lookup.file.sha256 === sha256 ? reader.bytes(sha256) : undefined;
  };
}
