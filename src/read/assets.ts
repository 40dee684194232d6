import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/hash.js';
import { IMAGE_LIMITS, imageFacts, unreadable } from './image-facts.js';
import type { AssetReader, ImageLookup, LoadCache } from './load.js';

/**
 * Read image files inside the content folder `root`: confined to it (a symlink leading out is
 * refused, never read), bounded in size (checked before reading), each read once and kept
 * for the publisher by content hash. The bytes are judged by `imageFacts` (pure).
 */
export function createAssetReader(root: string, cache?: LoadCache): AssetReader {
  const lookups = new Map<string, ImageLookup>();
  const bytesByHash = new Map<string, Uint8Array>();
  const read = (contentPath: string, known?: ImageLookup): ImageLookup => {
    const abs = path.join(root, ...contentPath.split('/'));
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { problem: { kind: 'missing', message: `${contentPath} does not exist in the content folder` } };
    }
    if (real !== root && !real.startsWith(root + path.sep)) {
      return { problem: { kind: 'outside-content', message: `${contentPath} is a link to a file outside the content folder; it is not read`, hint: 'copy the image into the content folder' } };
    }
    try {
      const stat = statSync(real);
      if (!stat.isFile()) return { problem: unreadable(`${contentPath} is a folder, not an image file`) };
      if (stat.size > IMAGE_LIMITS.maxBytes) {
        return {
          problem: {
            kind: 'over-limit',
            message: `${contentPath} is ${(stat.size / 1024 / 1024).toFixed(0)} MB; lwr reads image files of at most ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`,
            hint: 'scale the image down or compress it',
          },
        };
      }
      const cached = cache?.get(real);
      if (cached?.image && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        if (cached.image.bytes && 'file' in cached.image.lookup) bytesByHash.set(cached.image.lookup.file.sha256, cached.image.bytes);
        return cached.image.lookup;
      }
      const bytes = readFileSync(real);
      const lookup = knownFor(contentPath, bytes, known) ?? judged(contentPath, bytes);
      if ('file' in lookup) bytesByHash.set(lookup.file.sha256, bytes);
      cache?.set(real, { mtimeMs: stat.mtimeMs, size: stat.size, image: { lookup, ...('file' in lookup ? { bytes } : {}) } });
      return lookup;
    } catch (error) {
      return { problem: unreadable(`${contentPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`) };
    }
  };
  return {
    image(contentPath, known) {
      let lookup = lookups.get(contentPath);
      if (!lookup) {
        lookup = read(contentPath, known);
        lookups.set(contentPath, lookup);
      }
      return lookup;
    },
    bytes: (sha256) => bytesByHash.get(sha256),
  };
}

/** What reading an image file's bytes finds: its facts (format, size) and sha256, or why it cannot be published. */
function judged(contentPath: string, bytes: Uint8Array): ImageLookup {
  const facts = imageFacts(bytes, contentPath);
  return 'kind' in facts ? { problem: facts } : { file: { path: contentPath, ...facts, sha256: sha256(bytes), bytes: bytes.length } };
}

/** What an earlier run found for the file, when these are still its bytes: the facts depend on them alone. */
function knownFor(contentPath: string, bytes: Uint8Array, known: ImageLookup | undefined): ImageLookup | undefined {
  if (!known || !('file' in known) || known.file.path !== contentPath || known.file.bytes !== bytes.length) return undefined;
  return known.file.sha256 === sha256(bytes) ? known : undefined;
}
