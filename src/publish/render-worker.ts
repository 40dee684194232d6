import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Report } from '../model/types.js';
import { loadRenderer } from '../render/registry.js';
import type { Format, RenderContext, RenderedFile } from '../render/types.js';
import { loadShaping, saveShaping, type ShapingStore } from './shaping-store.js';

/** A render job sent to the worker: everything but the context's functions, which cannot cross threads. */
export interface RenderJob {
  id: number;
  format: Format;
  report: Report;
  context: Omit<RenderContext, 'readAsset'>;
}

/** Sent after the last job: record what the worker shaped in the cache, then say so. */
export interface SaveRequest {
  save: true;
}

export type RenderReply = { id: number; files: RenderedFile[] } | { id: number; error: string };

/** What the worker is started with (startRenderWorker). */
export interface RenderWorkerData {
  /** The shaping cache to read now and add to when asked (absent: no cache). */
  shaping?: ShapingStore;
}

// The second core renders the slow formats (PDF) while the main thread renders the rest. It
// starts loading the PDF renderer (pdfkit, fontkit) and reading the shaping cache at once,
// while the main thread reads and checks the content.
const store = (workerData as RenderWorkerData | undefined)?.shaping;
void loadRenderer('pdf');
const loaded = store ? loadShaping(store) : {};

parentPort?.on('message', async (message: RenderJob | SaveRequest) => {
  if ('save' in message) {
    if (store) saveShaping(store, loaded);
    parentPort!.postMessage({ saved: true });
    return;
  }
  const job = message;
  try {
    const render = await loadRenderer(job.format);
    const files = await render(job.report, { ...job.context, readAsset: (file) => readFileSync(file) });
    parentPort!.postMessage({ id: job.id, files } satisfies RenderReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
