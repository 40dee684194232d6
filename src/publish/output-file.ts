import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realPath } from './real-path.js';

/**
 * Why `--out <file>` (lwr quotes, lwr model) may not be written, or undefined when it may:
 * never into the content folder (a content file would be overwritten, or a new one read as
 * content), judged by real paths so a link into the content is the content; never a folder.
 */
export function outputFileProblem(file: string, contentDir: string, cwd: string = process.cwd()): string | undefined {
  let target: string;
  try {
    target = realPath(path.resolve(cwd, file));
  } catch (error) {
    return `${file} cannot be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  const content = realPath(path.resolve(cwd, contentDir));
  if (isInside(target, content)) return `${file} is inside the content folder ${path.relative(realPath(cwd), content) || content}`;
  try {
    if (statSync(target).isDirectory()) return `${file} is a folder`;
  } catch {
    // Not there yet: it will be created.
  }
  return undefined;
}
