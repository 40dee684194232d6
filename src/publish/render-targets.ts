import { Worker } from 'node:worker_threads';
import type { Report } from '../model/types.js';
import { loadRenderer } from '../render/registry.js';
import type { RenderContext, RenderedFile } from '../render/types.js';
import { selectEdition } from '../model/edition.js';
import type { BuildTarget } from './plan.js';
import type { RenderJob, RenderReply, RenderWorkerData, SaveRequest } from './render-worker.js';

/** A file of the output, relative to the output folder. */
export interface OutputFile {
  path: string;
  contents: Uint8Array | string;
  edition: string;
  format: string;
}

export type ContextFor = (target: BuildTarget) => RenderContext;

/** Told about each target as soon as its files are rendered (verification starts there, while the rest render). */
export type OnRendered = (target: BuildTarget, files: OutputFile[]) => void;

const placed = (target: BuildTarget, files: RenderedFile[]): OutputFile[] =>
  files.map((file) => ({ path: `${target.folder}/${file.path}`, contents: file.contents, edition: target.edition.id, format: target.format }));

/** Render targets one after another on this thread; each renderer gets its edition's model. */
export async function renderTargets(report: Report, targets: readonly BuildTarget[], contextFor: ContextFor, onRendered?: OnRendered): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const target of targets) {
    const render = await loadRenderer(target.format);
    const rendered = placed(target, await render(selectEdition(report, target.edition), contextFor(target)));
    onRendered?.(target, rendered);
    files.push(...rendered);
  }
  return files;
}

/**
 * Render on both cores: PDF targets (the slow typesetting) go to a worker thread while this
 * thread renders the others. Output order is the targets' order either way.
 */
export async function renderTargetsInParallel(report: Report, targets: readonly BuildTarget[], contextFor: ContextFor, worker: Worker, onRendered?: OnRendered): Promise<OutputFile[]> {
  const offloaded = targets.filter((t) => t.format === 'pdf');
  if (offloaded.length === 0) return renderTargets(report, targets, contextFor, onRendered);
  {
    const inWorker = renderInWorker(worker, report, offloaded, contextFor, onRendered);
    const here = renderTargets(report, targets.filter((t) => t.format !== 'pdf'), contextFor, onRendered);
    const [workerFiles, localFiles] = await Promise.all([inWorker, here]);
    const byTarget = (t: BuildTarget) => (t.format === 'pdf' ? workerFiles : localFiles).filter((f) => f.edition === t.edition.id && f.format === t.format);
    return targets.flatMap(byTarget);
  }
}

/** Start the render worker early, so it loads the PDF renderer (and the shaping cache) while the content is read. */
export const startRenderWorker = (workerFile: string, data: RenderWorkerData = {}): Worker => new Worker(workerFile, { workerData: data });

/** Let the worker add what it shaped to the shaping cache, then stop it. */
export async function stopRenderWorker(worker: Worker): Promise<void> {
  await new Promise<void>((resolve) => {
    // Only the worker's "saved" ends the wait: a render still running (a build that failed
    // meanwhile) may answer first.
    const saved = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'saved' in message) done();
    };
    const done = () => {
      worker.off('message', saved);
      resolve();
    };
    worker.on('message', saved);
    worker.once('error', done);
    worker.once('exit', done);
    worker.postMessage({ save: true } satisfies SaveRequest);
  });
  await worker.terminate();
}

/** The images (by sha256) each worker has been sent: the bytes of an image cross to a worker once. */
const sentImages = new WeakMap<Worker, Set<string>>();

async function renderInWorker(worker: Worker, report: Report, targets: readonly BuildTarget[], contextFor: ContextFor, onRendered?: OnRendered): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const sent = sentImages.get(worker) ?? new Set<string>();
  sentImages.set(worker, sent);
  const send = (id: number): Promise<RenderReply> => {
    const target = targets[id]!;
    const { readAsset: _readAsset, images, ...context } = contextFor(target);
    const unsent = new Map([...(images ?? [])].filter(([sha256]) => !sent.has(sha256)));
    for (const sha256 of unsent.keys()) sent.add(sha256);
    const job: RenderJob = { id, format: target.format, report: selectEdition(report, target.edition), context: images ? { ...context, images: unsent } : context, imageIds: [...(images?.keys() ?? [])] };
    const reply = new Promise<RenderReply>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: RenderReply) => {
        worker.off('error', onError);
        resolve(message);
      });
      worker.postMessage(job);
    });
    reply.catch(() => undefined); // awaited below, unless an earlier edition already failed the build
    return reply;
  };
  let next = targets.length > 0 ? send(0) : undefined;
  for (const [id, target] of targets.entries()) {
    const reply = await next!;
    // The worker is given its next edition before this one is verified here, so it never waits.
    next = id + 1 < targets.length && !('error' in reply) ? send(id + 1) : undefined;
    if ('error' in reply) throw new Error(`the ${target.format} renderer failed: ${reply.error}`);
    const rendered = placed(target, reply.files);
    onRendered?.(target, rendered);
    files.push(...rendered);
  }
  return files;
}
