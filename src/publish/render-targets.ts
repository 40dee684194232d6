import type { Report } from '../model/types.js';
import { loadRenderer } from '../render/registry.js';
import type { RenderContext } from '../render/types.js';
import { selectEdition } from './edition.js';
import type { BuildTarget } from './plan.js';

/** A file of the output, relative to the output folder. */
export interface OutputFile {
  path: string;
  contents: Uint8Array | string;
  edition: string;
  format: string;
}

export type ContextFor = (target: BuildTarget) => RenderContext;

/** Render every target; each renderer gets its edition's model. Renderers run one after another. */
export async function renderTargets(report: Report, targets: readonly BuildTarget[], contextFor: ContextFor): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const target of targets) {
    const render = await loadRenderer(target.format);
    const rendered = await render(selectEdition(report, target.edition), contextFor(target));
    for (const file of rendered) {
      files.push({ path: `${target.folder}/${file.path}`, contents: file.contents, edition: target.edition.id, format: target.format });
    }
  }
  return files;
}
