import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { Report } from '../model/types.js';
import { loadRenderer } from '../render/registry.js';
import type { Format, RenderContext, RenderedFile } from '../render/types.js';

/** A render job sent to the worker: everything but the context's functions, which cannot cross threads. */
export interface RenderJob {
  id: number;
  format: Format;
  report: Report;
  context: Omit<RenderContext, 'readAsset'>;
}

export type RenderReply = { id: number; files: RenderedFile[] } | { id: number; error: string };

// The second core renders the slow formats (PDF) while the main thread renders the rest. It
// starts loading the PDF renderer (pdfkit, fontkit) at once, while the main thread reads and
// checks the content.
void loadRenderer('pdf');

parentPort?.on('message', async (job: RenderJob) => {
  try {
    const render = await loadRenderer(job.format);
    const files = await render(job.report, { ...job.context, readAsset: (file) => readFileSync(file) });
    parentPort!.postMessage({ id: job.id, files } satisfies RenderReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
