import anyAscii from 'any-ascii';
import { FORMAT_EXTENSION, publishedImageFiles } from './images.js';
import type { ImageFile, Report } from './types.js';

// Apart from images.ts, which every check reads: the transliteration table is large, and only
// the HTML edition and the build's verification name published files.

/**
 * Where the HTML edition publishes an image file, relative to its `index.html`: the file's
 * name in ASCII (`Graph ŁÓDŹ.PNG` → `graph-lodz`) and the start of its content hash, so a
 * changed image never hides behind a cached copy. Use `imageAssetPaths` for a report's
 * images: identical bytes under two names are one file.
 */
export function imageAssetPath(file: Pick<ImageFile, 'path' | 'sha256' | 'format'>): string {
  const base = file.path.split('/').pop() ?? 'image';
  const stem =
    anyAscii(base.replace(/\.[^.]*$/, ''))
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'image';
  return `assets/images/${stem}-${file.sha256.slice(0, 12)}.${FORMAT_EXTENSION[file.format]}`;
}

/**
 * Where the HTML edition publishes each image file of a report (or an edition's model), by
 * sha256: identical bytes are one file, named after the first file in reading order that
 * has them. The renderer and the build's verification both ask this, so they agree.
 */
export function imageAssetPaths(report: Pick<Report, 'sections'>): Map<string, string> {
  return new Map(publishedImageFiles(report).map((file) => [file.sha256, imageAssetPath(file)]));
}
