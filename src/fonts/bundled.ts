import path from 'node:path';
import { BUNDLED_COVERAGE } from './bundled-coverage.js';
import type { Ranges } from './coverage.js';
import { BUNDLED_FACES, FONT_KEYS, type FaceInfo } from './faces.js';

const parsed = new Map<string, Ranges>();

/** What one of lwr's own font files covers (from the generated table, parsed once). */
export function bundledCoverage(file: string): Ranges {
  let ranges = parsed.get(file);
  if (!ranges) {
    const text = BUNDLED_COVERAGE[file];
    if (text === undefined) throw new Error(`no coverage is recorded for fonts/${file}: run node scripts/font-coverage.mjs`);
    ranges = text.split(' ').map((part) => {
      const [a, b] = part.split('-');
      const start = parseInt(a!, 36);
      return [start, b === undefined ? start : parseInt(b, 36)] as const;
    });
    parsed.set(file, ranges);
  }
  return ranges;
}

/** lwr's own faces as font data, their files in `fontsFolder` (the package's `fonts/`). */
export function bundledFaces(fontsFolder: string): FaceInfo[] {
  return FONT_KEYS.map((key) => {
    const face = BUNDLED_FACES[key];
    return { id: key, path: path.join(fontsFolder, face.file), index: 0, family: face.family, kind: face.kind, weight: face.weight, italic: face.italic, coverage: bundledCoverage(face.file), origin: 'bundled' };
  });
}
