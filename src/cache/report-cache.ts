import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { AssetReader, ImageLookup, LoadedContent } from '../read/load.js';
import type { ReadResult } from '../read/report.js';
import { sha256 } from '../model/hash.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';

/** Where the read model is kept, and the lwr build it is valid for. */
export interface ReportCacheSettings {
  /** The cache folder (`.lwr-cache/`). */
  folder: string;
  /** lwr's cache identity (version and bundled code). */
  identity: string;
}

/** What is kept: what reading gave, and every image the reader asked about with what it found. */
interface CachedRead {
  result: ReadResult;
  images: [string, ImageLookup][];
}

/**
 * The content's hash: every file's path and text, report.yaml's, the content folder's real
 * path, and whether images are read. Reading is a pure function of these and of the image
 * files it asks about, which are compared when the cached read is used.
 */
function contentKey(content: LoadedContent, identity: string, readsImages: boolean): string {
  const hash = createHash('sha256').update(`read ${identity}\0${content.root}\0${content.dir}\0${readsImages ? 'assets' : 'no assets'}\0`);
  const add = (label: string, file: { path: string; text: string } | undefined) => hash.update(`${label}\0${file?.path ?? ''}\0${file?.text.length ?? -1}\0${file?.text ?? ''}\0`);
  add('config', content.config);
  for (const file of content.files) add('file', file);
  return hash.digest('hex');
}

/**
 * Read the content into the model (with the reader `reader` loads: only when needed), or take
 * the model an earlier run read from the same content
 * (`.lwr-cache/read-<folder>.json`, one per content folder). The cached read is used only when
 * the content's hash matches and every image it asked about is found the same today (same
 * bytes, same problem); otherwise the content is read again and the cache replaced. With
 * `assets`, images are read through the asset reader it loads (only when the cached read names
 * images, or the content is read afresh); without it, as `content.assets` says.
 */
export async function readReportCached(
  content: LoadedContent,
  settings: ReportCacheSettings | undefined,
  reader: () => Promise<(content: LoadedContent) => ReadResult>,
  assets?: () => Promise<AssetReader>,
): Promise<ReadResult> {
  const withAssets = async (): Promise<LoadedContent> => (assets ? { ...content, assets: await assets() } : content);
  if (!settings) return (await reader())(await withAssets());
  const key = contentKey(content, settings.identity, Boolean(assets ?? content.assets));
  const file = path.join(settings.folder, `read-${sha256(content.root).slice(0, 16)}.json`);
  const cached = readCacheFile<CachedRead>(file, key);
  if (cached && Array.isArray(cached.images)) {
    const imageReader = cached.images.length === 0 ? undefined : (await withAssets()).assets;
    if (imagesUnchanged(cached.images, imageReader)) {
      markRead(file);
      return cached.result;
    }
  }
  const fresh = await withAssets();
  const asked = new Map<string, ImageLookup>();
  const recording: LoadedContent = fresh.assets ? { ...fresh, assets: recordingAssets(fresh.assets, asked) } : fresh;
  const result = (await reader())(recording);
  if (result.report && writeCacheFile(file, key, { result, images: [...asked] } satisfies CachedRead)) keepNewestReads(settings.folder);
  return result;
}

/** A model used again counts as read now, so the folders in use are the ones the cache keeps. */
function markRead(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a read-only cache still serves; it is only pruned by age of writing then
  }
}

/** How many content folders' read models the cache keeps: the most recently read. */
export const MAX_CACHED_READS = 16;

/**
 * Keep the cache from growing with every content folder ever read (a CI job that checks
 * folders made on the fly, a benchmark): beyond MAX_CACHED_READS, the models read longest ago
 * are removed. Best effort: a file that cannot be looked at or removed is left.
 */
function keepNewestReads(folder: string): void {
  let reads: { file: string; at: number }[];
  try {
    reads = readdirSync(folder)
      .filter((name) => /^read-[0-9a-f]{16}\.json$/.test(name))
      .map((name) => ({ file: path.join(folder, name), at: statSync(path.join(folder, name)).mtimeMs }));
  } catch {
    return;
  }
  reads.sort((a, b) => b.at - a.at);
  for (const { file } of reads.slice(MAX_CACHED_READS)) rmSync(file, { force: true });
}

function imagesUnchanged(images: CachedRead['images'], assets: AssetReader | undefined): boolean {
  if (!assets) return images.length === 0;
  return images.every(([contentPath, lookup]) => JSON.stringify(assets.image(contentPath, lookup)) === JSON.stringify(lookup));
}

function recordingAssets(assets: AssetReader, asked: Map<string, ImageLookup>): AssetReader {
  return {
    image(contentPath) {
      const lookup = assets.image(contentPath);
      asked.set(contentPath, lookup);
      return lookup;
    },
    bytes: (sha256) => assets.bytes(sha256),
  };
}
