import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** What the link checks may ask about files, confined to the content folder. */
export interface ContentFileAccess {
  /** Whether a path names a file or folder inside the content folder. */
  fileExists: (absOrRelPath: string) => boolean;
  /** Names in a folder inside the content folder; none for anything else. */
  listFiles: (absOrRelDir: string) => string[];
}

/** More links than this in one path is a loop. */
const MAX_LINKS = 40;

/**
 * File questions for the link checks that never look outside the content folder: a path is
 * walked from the content folder one part at a time, and a symbolic link is followed only
 * when it leads to a place inside the folder, so a link `docs -> /etc` inside the content
 * makes `docs/ssh/ssh_config` simply not exist, without /etc ever being looked at.
 */
export function contentFileAccess(contentDir: string, cwd: string = process.cwd()): ContentFileAccess {
  const given = path.resolve(cwd, contentDir);
  const root = realpathSync(given);
  const within = (base: string, p: string): string | undefined => {
    const relative = path.relative(base, p);
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
  };
  /** The real path inside the root that `p` names, or undefined when it is missing or leads outside. */
  const confined = (p: string): string | undefined => {
    const absolute = path.resolve(cwd, p);
    // Paths come under the content folder as named (which may itself be a link) or its real path.
    const relative = within(given, absolute) ?? within(root, absolute);
    if (relative === undefined) return undefined;
    const found = findInside(root, relative);
    return 'path' in found ? found.path : undefined;
  };
  return {
    fileExists: (p) => confined(p) !== undefined,
    listFiles: (dir) => {
      const real = confined(dir);
      if (real === undefined) return [];
      try {
        return readdirSync(real);
      } catch {
        return [];
      }
    },
  };
}

/**
 * Find `relative` inside the content folder `root` (its real path) one part at a time, judging
 * every symbolic link by where it leads before following it, so nothing outside the folder is
 * ever looked at: the real path, or why there is none (a part is missing, or the path or a
 * link on it leads outside).
 */
export function findInside(root: string, relative: string): { path: string } | { problem: 'missing' | 'outside' } {
  if (path.isAbsolute(relative)) return { problem: 'outside' };
  let here = root;
  const parts = relative.split(/[\\/]+/).filter(Boolean);
  for (let links = 0; parts.length > 0; ) {
    const part = parts.shift()!;
    if (part === '.') continue;
    const next = path.join(here, part);
    if (next !== root && !next.startsWith(root + path.sep)) return { problem: 'outside' };
    let stat;
    try {
      stat = lstatSync(next);
    } catch {
      return { problem: 'missing' };
    }
    if (stat.isSymbolicLink()) {
      if (++links > MAX_LINKS) return { problem: 'missing' };
      // Judge where the link leads before following it; go on from there.
      const target = path.resolve(here, readlinkSync(next));
      const inside = path.relative(root, target);
      if (inside.startsWith('..') || path.isAbsolute(inside)) return { problem: 'outside' };
      parts.unshift(...inside.split(path.sep).filter(Boolean));
      here = root;
      continue;
    }
    here = next;
  }
  return { path: here };
}
