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
  /** The context; its `images` holds only the images this worker has not been sent before. */
  context: Omit<RenderContext, 'readAsset'>;
  /** Every image (by sha256) the edition draws: those sent before are taken from the worker's own copies. */
  imageIds: string[];
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
// Each image's bytes are sent once per build, whichever edition needs them first.
const images = new Map<string, Uint8Array>();

parentPort?.on('message', async (message: RenderJob | SaveRequest) => {
  if ('save' in message) {
    if (store) saveShaping(store, loaded);
    parentPort!.postMessage({ saved: true });
    return;
  }
  const job = message;
  try {
    const render = await loadRenderer(job.format);
    for (const [sha256, bytes] of job.context.images ?? []) images.set(sha256, bytes);
    const editionImages = new Map(job.imageIds.flatMap((sha256) => (images.has(sha256) ? [[sha256, images.get(sha256)!] as const] : [])));
    const files = await render(job.report, { ...job.context, ...(job.context.images ? { images: editionImages } : {}), readAsset: (file) => readFileSync(file) });
    parentPort!.postMessage({ id: job.id, files } satisfies RenderReply, handedOver(files));
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});

/**
 * The memory of the files made here, handed to the main thread instead of copied (a PDF with
 * figures is tens of megabytes): each file that alone holds its buffer, never an image kept
 * for the next edition.
 */
function handedOver(files: readonly RenderedFile[]): ArrayBuffer[] {
  const kept = new Set([...images.values()].map((bytes) => bytes.buffer));
  const buffers = new Set<ArrayBuffer>();
  for (const { contents } of files) {
    if (typeof contents === 'string' || !(contents.buffer instanceof ArrayBuffer) || kept.has(contents.buffer)) continue;
    if (contents.byteOffset === 0 && contents.byteLength === contents.buffer.byteLength) buffers.add(contents.buffer);
  }
  return [...buffers];
}
