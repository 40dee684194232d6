import path from 'node:path';
import { Liquid, type FS } from 'liquidjs';
import type { RenderContext } from '../types.js';

/**
 * A Liquid file system over `context.readAsset`, confined to one folder: the renderer never
 * touches the disk itself, and a template cannot include anything outside its folder.
 */
function templateFileSystem(root: string, readAsset: RenderContext['readAsset']): FS {
  const inside = (file: string) => {
    const relative = path.relative(root, path.resolve(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const read = (file: string) => {
    if (!inside(file)) throw new Error(`template ${file} is outside ${root}`);
    return new TextDecoder().decode(readAsset(file));
  };
  const exists = (file: string) => {
    try {
      read(file);
      return true;
    } catch {
      return false;
    }
  };
  return {
    exists: async (file) => exists(file),
    existsSync: exists,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, ext) => path.resolve(dir, path.extname(file) ? file : file + ext),
    contains: async (_root, file) => inside(file),
    containsSync: (_root, file) => inside(file),
    sep: path.sep,
    dirname: path.dirname,
  };
}

/**
 * The Liquid engine for the page templates in `folder`. Every output is HTML-escaped unless
 * a template says `| raw`; unknown filters and variables are errors, so a typo in a template
 * fails the build instead of printing nothing.
 */
export function createTemplateEngine(folder: string, readAsset: RenderContext['readAsset']): Liquid {
  return new Liquid({
    root: [folder],
    partials: [path.join(folder, 'partials')],
    extname: '.liquid',
    fs: templateFileSystem(folder, readAsset),
    relativeReference: false,
    outputEscape: 'escape',
    strictFilters: true,
    strictVariables: true,
    ownPropertyOnly: true,
    cache: false,
  });
}
