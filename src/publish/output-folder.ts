import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLwrManifest } from './manifest.js';

/**
 * Why `outDir` may not be replaced by a build or removed by `lwr clean`, or undefined when it
 * may. A build replaces its output folder whole, so it must only ever be a folder lwr made (it
 * holds a manifest.json that lwr wrote), an empty folder, or nothing yet — never the working
 * folder, one of its parents, the content, a file, or a folder of someone else's that happens
 * to hold a manifest.json (a web app's public/, a browser extension's dist/).
 */
export function outputFolderProblem(outDir: string, keep: { content: string; others: readonly string[] }, cwd: string = process.cwd()): string | undefined {
  const target = path.resolve(cwd, outDir);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  const shown = (p: string) => path.relative(cwd, p) || p;
  if (inside(cwd, target)) return `${outDir} is the working folder or holds it`;
  const content = path.resolve(cwd, keep.content);
  if (inside(content, target) || inside(target, content)) return `${outDir} holds or is inside the content folder ${shown(content)}`;
  // The output may live inside lwr's own folder (dist/ beside content/), but never hold it.
  for (const kept of keep.others.map((p) => path.resolve(cwd, p))) {
    if (inside(kept, target)) return `${outDir} holds ${shown(kept)}, which lwr must not replace`;
  }
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `${outDir} is a file, not an output folder`;
  const entries = readdirSync(target);
  if (entries.length === 0) return undefined;
  if (!entries.includes('manifest.json')) return `${outDir} is a folder lwr did not make (it has files but no manifest.json); choose a new or empty folder`;
  if (!isLwrManifest(readManifest(path.join(target, 'manifest.json')))) {
    return `${outDir} holds a manifest.json lwr did not write, so it is not lwr's output; choose a new or empty folder`;
  }
  return undefined;
}

function readManifest(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
