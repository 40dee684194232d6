import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { popplerReader } from '../publish/pdf-text.js';
import type { BuildTarget } from '../publish/plan.js';
import type { OutputFile } from '../publish/render-targets.js';
import { verifyEditions } from '../publish/verify.js';
import { contentFileAccess } from '../read/content-files.js';
import type { FontLibrary } from '../fonts/locate.js';
import { fontCheckOptions } from './fonts.js';
import { glyphCoverage } from '../check/fonts/missing-glyph.js';
import { graphemes } from '../fonts/coverage.js';

/**
 * The offline checks `lwr build` runs first, with the reader's own warnings among them;
 * missing glyphs are judged against the fonts the PDF will have.
 */
export async function runBuildChecks(report: Report, contentDir: string, fonts: FontLibrary, readDiagnostics: readonly Diagnostic[] = []): Promise<Diagnostic[]> {
  const { runChecks } = await import('../check/index.js');
  // Relative links are looked up inside the content folder only, never through a link out of it.
  return await runChecks(report, { ...contentFileAccess(contentDir), contentRoot: path.resolve(contentDir), ...fontCheckOptions(fonts), readDiagnostics });
}

/** Verify each rendered edition against the model (PDF through poppler's pdftotext, pdfimages and pdfinfo when installed). */
export async function verifyBuild(report: Report, files: readonly OutputFile[], targets: readonly BuildTarget[], fonts?: FontLibrary): Promise<Diagnostic[]> {
  const pdf = popplerReader();
  const coverage = fonts ? glyphCoverage(fonts.faces) : undefined;
  try {
    return await verifyEditions(report, files, targets, pdf.text, pdf.figures, coverage ? { withoutUndrawable: (text) => graphemes(text).filter((c) => coverage(c, 'serif')).join('') } : {});
  } finally {
    pdf.close();
  }
}
