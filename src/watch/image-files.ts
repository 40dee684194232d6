import path from 'node:path';
import { sectionImages } from '../model/images.js';
import type { Report } from '../model/types.js';
import { resolveImageAddress } from '../read/image.js';

/**
 * The image files a report uses, as absolute paths inside the content folder: found or not
 * (so that adding a missing file is seen), in any of its folders (`images/`). Remote and
 * outside addresses are never watched. `lwr watch` watches exactly these, so the watch stays
 * as small as the report's figures, however many files sit beside them.
 */
export function imageFilesOf(report: Pick<Report, 'sections'>, contentDir: string): Set<string> {
  const root = path.resolve(contentDir);
  const files = new Set<string>();
  for (const image of sectionImages(report.sections)) {
    const resolved = resolveImageAddress(image.url);
    if ('path' in resolved) files.add(path.join(root, ...resolved.path.split('/')));
  }
  return files;
}
