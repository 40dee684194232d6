import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { FaceInfo } from '../fonts/faces.js';
import type { Report } from '../model/types.js';
import type { RenderContext } from '../render/types.js';
import { editionImageBytes } from '../model/images.js';
import { selectEdition } from '../model/edition.js';
import type { ManifestEntry } from './manifest.js';
import { planBuild, targetOfPath, type BuildTarget } from './plan.js';
import type { Worker } from 'node:worker_threads';
import { renderTargets, renderTargetsInParallel, type OutputFile } from './render-targets.js';
import type { StagedOutput } from './write-output.js';

export interface BuildOptions {
  outDir: string;
  editions?: string[];
  formats?: string[];
  /** Check errors fail the build (exit 1) instead of being reported only. */
  strict?: boolean;
  width?: number;
  ascii?: boolean;
  pageSize?: 'A4' | 'Letter';
  /** SOURCE_DATE_EPOCH, in seconds, for reproducible output. */
  sourceDateEpoch?: number;
  lwrVersion: string;
  templatesDir: string;
  /** The fonts the PDF may draw with (found by the CLI); lwr's own when absent. */
  fonts?: FaceInfo[];
}

/** The effects a build needs, injected so the pipeline can be tested without a disk. */
export interface BuildEffects {
  readAsset: RenderContext['readAsset'];
  /** The bytes of an image file the loader read, by sha256 (the publisher hands each edition its own). */
  imageBytes?: (sha256: string) => Uint8Array | undefined;
  /** Run the report's checks (offline). */
  check: (report: Report) => Promise<Diagnostic[]>;
  /** Verify rendered files against the model; returns problems. */
  verify: (report: Report, files: readonly OutputFile[], targets: readonly BuildTarget[]) => Promise<Diagnostic[]>;
  /**
   * Start writing the output (stageOutput): each target's files are added as soon as they are
   * rendered, and published only when every target was verified, else discarded.
   */
  stage: (keepExisting: boolean) => StagedOutput;
  now: () => Date;
  /** A started render worker (startRenderWorker), when present: PDF is then rendered on the second core. */
  renderWorker?: Worker;
}

export type BuildOutcome =
  | { status: 'usage'; diagnostics: Diagnostic[] }
  | { status: 'check-failed'; checks: Diagnostic[] }
  | { status: 'verify-failed'; checks: Diagnostic[]; problems: Diagnostic[] }
  | { status: 'built'; checks: Diagnostic[]; targets: BuildTarget[]; entries: ManifestEntry[]; /** What verification warned about. */ verified: Diagnostic[] };

/**
 * Build = check + render + verify + publish. Each edition is written into the staged output as
 * it is rendered; nothing is published (the output folder replaced) unless every step succeeded.
 */
export async function buildReport(report: Report, options: BuildOptions, effects: BuildEffects): Promise<BuildOutcome> {
  const plan = planBuild(report, { editions: options.editions, formats: options.formats });
  if (plan.diagnostics.length) return { status: 'usage', diagnostics: plan.diagnostics };

  const checks = await effects.check(report);
  if (options.strict && hasErrors(checks)) return { status: 'check-failed', checks };
  // A character no font has would be an empty box in the PDF: a known cause, stopped here, before rendering.
  if (plan.targets.some((t) => t.format === 'pdf') && checks.some((d) => d.ruleId === 'font-missing-glyph' && d.severity === 'error')) {
    return { status: 'check-failed', checks };
  }

  const buildDate = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : effects.now();
  const contextFor = (target: BuildTarget): RenderContext => renderContext(report, target, options, effects, buildDate);
  const narrowed = Boolean(options.editions?.length || options.formats?.length);
  const output = effects.stage(narrowed);
  try {
    // Each target is verified, and its files written into the staged output, as soon as it is
    // rendered, while the others still render.
    const verifying = new Map<BuildTarget, Promise<Diagnostic[]>>();
    const rendered = (target: BuildTarget, files: OutputFile[]) => {
      const verdict = effects.verify(report, files, [target]);
      verdict.catch(() => undefined); // awaited below; a rejection before then is not unhandled
      verifying.set(target, verdict);
      output.add(files);
    };
    const worker = effects.renderWorker;
    if (worker) await renderTargetsInParallel(report, plan.targets, contextFor, worker, rendered);
    else await renderTargets(report, plan.targets, contextFor, rendered);

    const problems = (await Promise.all(plan.targets.map((target) => verifying.get(target) ?? Promise.resolve([])))).flat();
    // Warnings (a known cause, named) are reported and published; errors stop the build.
    if (hasErrors(problems)) {
      output.discard();
      return { status: 'verify-failed', checks, problems };
    }
    const entries = output.publish((file) => targetOfPath(file, report));
    return { status: 'built', checks, targets: plan.targets, entries, verified: problems };
  } catch (error) {
    output.discard();
    throw error;
  }
}

/** What the options the renderers share mean for one edition and format: its render context. */
export type RenderContextOptions = Pick<BuildOptions, 'width' | 'ascii' | 'pageSize' | 'sourceDateEpoch' | 'lwrVersion' | 'templatesDir' | 'fonts'>;

/**
 * The render context of one target: the build date (SOURCE_DATE_EPOCH when given), the
 * options over the edition's own (`text.width`, `pdf.pageSize`), and the edition's image bytes.
 */
export function renderContext(report: Report, target: BuildTarget, options: RenderContextOptions, effects: Pick<BuildEffects, 'readAsset' | 'imageBytes'>, buildDate: Date): RenderContext {
  const renderOptions: RenderContext['options'] = {};
  const width = options.width ?? target.edition.text?.width;
  const pageSize = options.pageSize ?? target.edition.pdf?.pageSize;
  if (width !== undefined) renderOptions.width = width;
  if (pageSize !== undefined) renderOptions.pageSize = pageSize;
  if (options.ascii) renderOptions.ascii = true;
  const images = effects.imageBytes ? editionImageBytes(selectEdition(report, target.edition), effects.imageBytes) : undefined;
  return {
    edition: target.edition,
    buildDate,
    reproducible: options.sourceDateEpoch !== undefined,
    lwrVersion: options.lwrVersion,
    templatesDir: options.templatesDir,
    readAsset: effects.readAsset,
    ...(images ? { images } : {}),
    ...(options.fonts ? { fonts: options.fonts } : {}),
    options: renderOptions,
  };
}

/** SOURCE_DATE_EPOCH as seconds, or undefined when unset or not a whole number. */
export function sourceDateEpoch(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
