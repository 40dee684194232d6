import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckOptions } from '../check/index.js';
import { locateFonts, type FontLibrary } from '../fonts/locate.js';
import { reportTexts } from '../fonts/report-text.js';
import type { Report } from '../model/types.js';
import { decodeSource } from '../read/load.js';

/** The fonts a report's PDF may draw with: lwr's own, its `fonts:`, and the system's its text needs. */
export function reportFonts(report: Report, contentDir: string): FontLibrary {
  return locateFonts(reportTexts(report), report.meta.fonts ?? [], path.resolve(contentDir));
}

/** What the checks need to report missing glyphs: the fonts, problems finding them, and the source to point into. */
export function fontCheckOptions(library: FontLibrary): Pick<CheckOptions, 'fonts' | 'fontProblems' | 'fontsLacking' | 'sourceText'> {
  const texts = new Map<string, string | undefined>();
  return {
    fonts: library.faces,
    fontProblems: library.problems,
    ...(library.lacking ? { fontsLacking: library.lacking } : {}),
    sourceText: (file) => {
      if (!texts.has(file)) {
        let text: string | undefined;
        try {
          text = decodeSource(readFileSync(file), file).text;
        } catch {
          text = undefined;
        }
        texts.set(file, text);
      }
      return texts.get(file);
    },
  };
}
