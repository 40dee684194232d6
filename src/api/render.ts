import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LWR_VERSION, PACKAGE_ROOT } from '../package-info.js';
import { renderContext, sourceDateEpoch } from '../publish/build.js';
import { selectEdition } from '../model/edition.js';
import { planBuild } from '../publish/plan.js';
import { loadRenderer } from '../render/registry.js';
import type { Format, RenderedFile } from '../render/types.js';
import { reportFonts } from './fonts.js';
import { resolveInput, type ReportInput } from './input.js';

/** Options of `renderEdition` (and of the renderers in `buildReport`). */
export interface RenderOptions {
  /** Text edition: wrap width in columns (default: the edition's `text.width`, else 72). */
  width?: number;
  /** Text edition: 7-bit ASCII. */
  ascii?: boolean;
  /** PDF edition: page size (default: the edition's `pdf.pageSize`, else A4). */
  pageSize?: 'A4' | 'Letter';
  /** HTML edition: the templates folder (default: lwr's own `templates/`). */
  templatesDir?: string;
  /** The date the editions carry, in seconds since 1970 (default: SOURCE_DATE_EPOCH when set, else now). */
  sourceDateEpoch?: number;
  /** The content folder (default: the report's own). */
  contentDir?: string;
}

/** lwr's own HTML templates. */
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/**
 * Render one edition in one format, in memory: the files of its folder (`index.html` and its
 * assets, `<slug>.pdf`, `<slug>.txt`), paths relative to that folder. Nothing is checked,
 * verified or written; `buildReport` does all three. Throws for an edition or format the
 * report does not have.
 */
export async function renderEdition(input: ReportInput, edition: string, format: Format, options: RenderOptions = {}): Promise<RenderedFile[]> {
  const { report, contentDir, imageBytes } = await resolveInput(input, options.contentDir);
  const plan = planBuild(report, { editions: [edition], formats: [format] });
  const target = plan.targets[0];
  if (plan.diagnostics.length > 0 || !target) {
    const problem = plan.diagnostics[0];
    throw new Error(problem ? `lwr: ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}` : `lwr: edition "${edition}" has no ${format} format`);
  }
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
  const context = renderContext(
    report,
    target,
    {
      ...options,
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      lwrVersion: LWR_VERSION,
      templatesDir: path.resolve(options.templatesDir ?? DEFAULT_TEMPLATES_DIR),
      ...(format === 'pdf' ? { fonts: reportFonts(report, contentDir).faces } : {}),
    },
    { readAsset: (file) => readFileSync(file), imageBytes },
    epoch !== undefined ? new Date(epoch * 1000) : new Date(),
  );
  const render = await loadRenderer(format);
  return render(selectEdition(report, target.edition), context);
}
