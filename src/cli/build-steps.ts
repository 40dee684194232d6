import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { popplerReader } from '../publish/pdf-text.js';
import type { BuildTarget } from '../publish/plan.js';
import type { OutputFile } from '../publish/render-targets.js';
import { verifyEditions } from '../publish/verify.js';
import { contentFileAccess } from '../read/content-files.js';

/** The offline checks `lwr build` runs first. */
export async function runBuildChecks(report: Report, contentDir: string): Promise<Diagnostic[]> {
  const { runChecks } = await import('../check/index.js');
  // Relative links are looked up inside the content folder only, never through a link out of it.
  return runChecks(report, { ...contentFileAccess(contentDir), contentRoot: path.resolve(contentDir) });
}

/** Verify each rendered edition against the model (PDF through poppler's pdftotext, pdfimages and pdfinfo when installed). */
export async function verifyBuild(report: Report, files: readonly OutputFile[], targets: readonly BuildTarget[]): Promise<Diagnostic[]> {
  const pdf = popplerReader();
  try {
    return await verifyEditions(report, files, targets, pdf.text, pdf.figures);
  } finally {
    pdf.close();
  }
}
