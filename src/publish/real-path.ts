import { readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** More links than this in one path is a loop (Linux gives up at 40 too). */
const MAX_LINKS = 40;

/**
 * The real absolute path `p` leads to, every symbolic link resolved, also when `p` or some of
 * its last parts do not exist yet: the missing tail is appended to the real path of the part
 * that exists, and a link to a place that does not exist is followed to that place. Throws
 * (ELOOP) on a loop of links. Output guards compare these paths, never the text the user typed.
 */
export function realPath(p: string, links = 0): string {
  const absolute = path.resolve(p);
  try {
    return realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  const parent = path.dirname(absolute);
  if (parent === absolute) return absolute;
  const realParent = realPath(parent, links);
  const here = path.join(realParent, path.basename(absolute));
  let target: string;
  try {
    target = readlinkSync(here);
  } catch {
    return here; // not a link: a path still to be made (or one under a file, which writing reports)
  }
  if (links >= MAX_LINKS) throw Object.assign(new Error(`too many symbolic links in ${p}`), { code: 'ELOOP' });
  return realPath(path.resolve(realParent, target), links + 1);
}

/** Whether `child` is `parent` or inside it (both real, absolute paths). */
export const isInside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
