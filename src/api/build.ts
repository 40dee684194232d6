import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { LWR_VERSION, PACKAGE_ROOT } from '../package-info.js';
import { buildReport as publish, sourceDateEpoch, type BuildOutcome } from '../publish/build.js';
import { resolveOutputFolder } from '../publish/output-folder.js';
import { startRenderWorker, stopRenderWorker } from '../publish/render-targets.js';
import type { RenderWorkerData } from '../publish/render-worker.js';
import { stageOutput } from '../publish/write-output.js';
import type { Format } from '../render/types.js';
import { runBuildChecks, verifyBuild } from './build-steps.js';
import { reportFonts } from './fonts.js';
import { resolveInput, type ReportInput } from './input.js';
import { DEFAULT_TEMPLATES_DIR, type RenderOptions } from './render.js';

/** Options of `buildReport`. */
export interface BuildReportOptions extends RenderOptions {
  /** The output folder, relative to the working folder (default `dist`): replaced whole, only ever a folder lwr made, an empty one, or a new one. */
  outDir?: string;
  /** Only these editions (default: every edition of report.yaml). */
  editions?: string[];
  /** Only these formats (default: each edition's). */
  formats?: Format[];
  /** Fail when the checks report errors, as `lwr build --strict` does. */
  strict?: boolean;
  /** Render PDF on a worker thread while the other formats render on this one (default: true). */
  renderWorker?: boolean;
}

/**
 * What a build did: `built` (the output folder replaced, its manifest entries), or why nothing
 * was written — `usage` (an unknown edition or format, an output folder lwr may not replace),
 * `check-failed` (with `strict`, or characters no font has), `verify-failed` (an edition
 * misses something the model has).
 */
export type BuildResult = BuildOutcome;

/** The render worker built beside the bundled CLI (scripts/bundle.mjs). */
const RENDER_WORKER = path.join(PACKAGE_ROOT, 'build/bundle/render-worker.js');

/**
 * Build a report as `lwr build` does: check, render every edition, verify each against the
 * model, and publish them into the output folder atomically (a failed build leaves the
 * previous output as it was). Output problems that stop a build before anything is written
 * are a `usage` result; a failure to write throws.
 */
export async function buildReport(input: ReportInput, options: BuildReportOptions = {}): Promise<BuildResult> {
  const worker = startBuildWorker(options);
  try {
    return await buildWith(input, options, worker);
  } finally {
    if (worker) await stopRenderWorker(worker);
  }
}

/**
 * Start the PDF render worker a build with these options uses, if any: started early, it loads
 * pdfkit and the fonts (and, for the CLI, the shaping cache) while the content is read.
 */
export function startBuildWorker(options: Pick<BuildReportOptions, 'formats' | 'renderWorker'>, data: RenderWorkerData = {}): Worker | undefined {
  const mayRenderPdf = !options.formats || options.formats.includes('pdf');
  return options.renderWorker !== false && mayRenderPdf && existsSync(RENDER_WORKER) ? startRenderWorker(RENDER_WORKER, data) : undefined;
}

/** `buildReport` with a render worker already started (or none); the caller terminates it. */
export async function buildWith(input: ReportInput, options: BuildReportOptions, worker: Worker | undefined): Promise<BuildResult> {
  const { report, contentDir, cwd, imageBytes, readDiagnostics } = await resolveInput(input, options.contentDir);
  const outDir = options.outDir ?? 'dist';
  const templatesDir = path.resolve(cwd, options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  const out = resolveOutputFolder(outDir, { content: contentDir, others: [templatesDir, PACKAGE_ROOT] }, cwd);
  if (out.problem !== undefined) return usage(`refusing to write to ${outDir}: ${out.problem}; nothing was written`);
  if (options.width !== undefined && (!Number.isInteger(options.width) || options.width < MIN_TEXT_WIDTH)) {
    return usage(`the text width must be a whole number of columns, at least ${MIN_TEXT_WIDTH} (--width)`);
  }
  const fonts = reportFonts(report, contentDir);
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
  return await publish(
    report,
    {
      outDir,
      ...(options.editions ? { editions: options.editions } : {}),
      ...(options.formats ? { formats: options.formats } : {}),
      strict: Boolean(options.strict),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.ascii ? { ascii: true } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      lwrVersion: LWR_VERSION,
      templatesDir,
      fonts: fonts.faces,
    },
    {
      readAsset: (file) => readFileSync(file),
      imageBytes,
      // The reader's own warnings are reported among the checks.
      check: (checked) => runBuildChecks(checked, contentDir, fonts, readDiagnostics),
      verify: (verified, files, targets) => verifyBuild(verified, files, targets, fonts),
      stage: (keepExisting) => stageOutput(out.path, { keepExisting, lwrVersion: LWR_VERSION, reportSlug: report.meta.slug }),
      now: () => new Date(),
      ...(worker ? { renderWorker: worker } : {}),
    },
  );
}

/** The narrowest text edition lwr wraps. */
const MIN_TEXT_WIDTH = 20;

const usage = (message: string): BuildResult => ({ status: 'usage', diagnostics: [diagnostic('build-usage', 'error', message, {})] as Diagnostic[] });
