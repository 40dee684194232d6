import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLwrManifest } from './manifest.js';
import { isInside, realPath } from './real-path.js';

/** Folders an output folder must never replace or hold: the content, and lwr's own files. */
export interface KeptFolders {
  content: string;
  others: readonly string[];
}

/** Where the output really goes (every symlink resolved), or why it may not go there. */
export type OutputFolder = { path: string; problem?: undefined } | { problem: string; path?: undefined };

/**
 * Resolve `outDir` to the real folder a build replaces or `lwr clean` removes, or say why it
 * may not be. Every path is compared after resolving symbolic links, so `ln -s . out` is the
 * working folder and a link to the content is the content. A build replaces its output
 * folder whole, so it must only ever be a folder lwr made (it holds a manifest.json that lwr
 * wrote), an empty folder, or nothing yet — never the working folder, one of its parents, the
 * content, a file, or a folder of someone else's that happens to hold a manifest.json (a web
 * app's public/, a browser extension's dist/).
 */
export function resolveOutputFolder(outDir: string, keep: KeptFolders, cwd: string = process.cwd()): OutputFolder {
  const requested = path.resolve(cwd, outDir);
  let target: string;
  try {
    target = realPath(requested);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ELOOP' ? `${outDir} leads through a loop of symbolic links` : `${outDir} cannot be resolved (${code ?? (error as Error).message})` };
  }
  const realCwd = realPath(cwd);
  const shown = (p: string) => path.relative(realCwd, p) || '.';
  // Name where a link leads, so the message explains a refusal the typed path would not.
  const named = target === requested ? outDir : `${outDir} leads to ${target}, which`;
  if (isInside(realCwd, target)) return { problem: `${named} is the working folder or holds it` };
  const content = realPath(path.resolve(cwd, keep.content));
  if (isInside(content, target) || isInside(target, content)) return { problem: `${named} ${isInside(target, content) ? 'is inside' : 'holds'} the content folder ${shown(content)}` };
  // The output may live inside lwr's own folder (dist/ beside content/), but never hold it.
  for (const kept of keep.others.map((p) => realPath(path.resolve(cwd, p)))) {
    if (isInside(kept, target)) return { problem: `${named} holds ${shown(kept)}, which lwr must not replace` };
  }
  if (!existsSync(target)) return { path: target };
  if (!statSync(target).isDirectory()) return { problem: `${named} is a file, not an output folder` };
  const entries = readdirSync(target);
  if (entries.length === 0) return { path: target };
  if (!entries.includes('manifest.json')) return { problem: `${named} is a folder lwr did not make (it has files but no manifest.json); choose a new or empty folder` };
  if (!isLwrManifest(readManifest(path.join(target, 'manifest.json')))) {
    return { problem: `${outDir} holds a manifest.json lwr did not write, so it is not lwr's output; choose a new or empty folder` };
  }
  return { path: target };
}

function readManifest(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
