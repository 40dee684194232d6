import { hasFatal, type Diagnostic } from '../model/diagnostic.js';
import { editionImageBytes } from '../model/images.js';
import type { Report } from '../model/types.js';
import { selectEdition } from '../model/edition.js';
import { createAssetReader } from '../read/assets.js';
import { loadContent, type LoadCache } from '../read/load.js';
import { readReport, useFrontMatterCache, type FrontMatterCache } from '../read/report.js';
import { useParseCache } from '../read/section.js';
import type { Root } from 'mdast';
import { loadRenderer } from '../render/registry.js';
import type { RenderContext } from '../render/types.js';
import { LIVE_CLIENT_PATH } from './live-client.js';
import type { LaterFiles } from './preview-server.js';

/** Where the preview serves the text edition. */
const TEXT_FOLDER = 'text';

let trees = new Map<string, Root>();
let frontMatters = new Map<string, Parameters<FrontMatterCache['set']>[1]>();

export interface PreviewBuild {
  /** Site files: the HTML edition at the root. */
  files?: Map<string, Uint8Array | string>;
  /** The text edition's files, under text/: rendered only when `make` is called (the server calls it when the text is asked for). */
  text?: LaterFiles;
  report?: Report;
  diagnostics: Diagnostic[];
}

/**
 * Rebuild the preview: re-read changed content files only (the cache), then render the
 * primary edition's HTML in memory, and its text edition when `text` is called (the open page
 * is told to reload before that). Content problems come back as diagnostics.
 */
export async function rebuildPreview(contentDir: string, cache: LoadCache, context: Omit<RenderContext, 'edition'>): Promise<PreviewBuild> {
  const loaded = loadContent(contentDir, process.cwd(), cache);
  if (!loaded.content || hasFatal(loaded.diagnostics)) return { diagnostics: loaded.diagnostics };
  const content = { ...loaded.content, assets: createAssetReader(loaded.content.root, cache) };
  // Parse only what changed: trees of unchanged files are reused, and trees no file uses any
  // more are dropped after this rebuild.
  const inUse = new Map<string, Root>();
  const frontMatterInUse: typeof frontMatters = new Map();
  useParseCache({ get: (markdown) => trees.get(markdown), set: (markdown, tree) => inUse.set(markdown, tree) });
  useFrontMatterCache({ get: (key) => frontMatters.get(key), set: (key, result) => frontMatterInUse.set(key, result) });
  let read;
  try {
    read = readReport(content);
  } finally {
    useParseCache(undefined);
    useFrontMatterCache(undefined);
  }
  trees = inUse;
  frontMatters = frontMatterInUse;
  if (!read.report) return { diagnostics: read.diagnostics };
  const edition = read.report.meta.editions[0]!;
  const model = selectEdition(read.report, edition);
  const files = new Map<string, Uint8Array | string>();
  const [html, text] = await Promise.all([loadRenderer('html'), loadRenderer('text')]);
  const images = editionImageBytes(model, content.assets.bytes);
  for (const file of await html(model, { ...context, edition, images, options: { ...context.options, liveReloadScript: LIVE_CLIENT_PATH } })) files.set(file.path, file.contents);
  const textFiles = async () => new Map((await text(model, { ...context, edition })).map((file) => [`${TEXT_FOLDER}/${file.path}`, file.contents] as const));
  return { files, text: { folder: TEXT_FOLDER, make: textFiles }, report: read.report, diagnostics: read.diagnostics };
}
