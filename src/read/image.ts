import path from 'node:path';
import type { Image } from 'mdast';
import type { ImageInline, ImageProblem } from '../model/types.js';
import { positionOf, type ReadContext } from './context.js';

/**
 * Where an image's address leads: a path inside the content folder (relative to it, which is
 * also relative to the Markdown file: content files sit at its top), or why lwr will not read
 * it. Remote addresses are never fetched; paths leaving the content folder are never looked at.
 */
export function resolveImageAddress(url: string): { path: string } | { problem: ImageProblem } {
  const trimmed = url.trim();
  if (trimmed === '') return { problem: { kind: 'missing', message: 'the image has no address', hint: 'write the path of the image file: ![what it shows](images/name.png)' } };
  const compact = trimmed.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || trimmed.startsWith('//')) {
    return {
      problem: {
        kind: 'remote',
        message: `${trimmed} is on another site; lwr never downloads images, the PDF needs a file, and the HTML page's security policy shows only its own images`,
        hint: 'save the image in the content folder (content/images/) and use its path',
      },
    };
  }
  if (scheme === 'file') return { problem: { kind: 'outside-content', message: `${trimmed} is a file: address; lwr reads images only from the content folder`, hint: 'copy the image into the content folder and use a relative path' } };
  if (scheme !== undefined && scheme.length > 1) {
    return { problem: { kind: 'outside-content', message: `${trimmed.slice(0, 60)}${trimmed.length > 60 ? '…' : ''} is a ${scheme}: address, not a file in the content folder`, hint: 'save the image as a file in the content folder and use its path' } };
  }
  let decoded = trimmed.replace(/[?#].*$/s, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape is kept as written.
  }
  decoded = decoded.replace(/\\/g, '/');
  if (decoded.startsWith('/') || /^[a-z]:/i.test(decoded)) {
    return { problem: { kind: 'outside-content', message: `${trimmed} is an absolute path; lwr reads images only from the content folder`, hint: 'write the path relative to the content folder: images/name.png' } };
  }
  const normal = path.posix.normalize(decoded);
  if (normal === '..' || normal.startsWith('../')) {
    return { problem: { kind: 'outside-content', message: `${trimmed} leads outside the content folder; it is not read`, hint: 'copy the image into the content folder (content/images/) and use that path' } };
  }
  return { path: normal.replace(/^\.\//, '') };
}

/** An mdast image as a model image: the address resolved and, when the loader can, the file's facts read. */
export function readImage(node: Image, ctx: ReadContext): ImageInline {
  const image: ImageInline = { type: 'image', url: node.url, alt: node.alt ?? '', source: positionOf(ctx, node) };
  if (node.title) image.title = node.title;
  const resolved = resolveImageAddress(node.url);
  if ('problem' in resolved) image.problem = resolved.problem;
  else if (ctx.assets) {
    const lookup = ctx.assets.image(resolved.path);
    if ('file' in lookup) image.file = lookup.file;
    else image.problem = lookup.problem;
  }
  return image;
}
