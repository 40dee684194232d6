import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where a report lives when no folder is named and no lwr.config.yaml says. */
export interface FoundReportFolder {
  /** The content folder, absolute. */
  content: string;
  /** The report's project folder (the content folder's parent): `dist/` goes here by default. */
  project: string;
}

const REPORT_CONFIG_NAMES = ['report.yaml', 'report.yml'];
const isDirectory = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();
const holdsReportYaml = (dir: string) => REPORT_CONFIG_NAMES.some((name) => existsSync(path.join(dir, name)));

/**
 * The report around the working folder when none is named, found the way git finds its
 * repository: from `cwd` up, the first folder that has a `content` folder (the project), or
 * that holds report.yaml itself (the content folder, inside its project). The walk stops at a
 * repository's top (a `.git` entry) so it never wanders into an unrelated report above.
 * Undefined when there is none: the commands then say `content` does not exist.
 */
export function findReportFolder(cwd: string): FoundReportFolder | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (isDirectory(path.join(dir, 'content'))) return { content: path.join(dir, 'content'), project: dir };
    if (holdsReportYaml(dir)) return { content: dir, project: path.dirname(dir) };
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}
