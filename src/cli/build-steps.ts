import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { popplerReader } from '../publish/pdf-text.js';
import type { BuildTarget } from '../publish/plan.js';
import type { OutputFile } from '../publish/render-targets.js';
import { verifyEditions } from '../publish/verify.js';
import { existsSync } from 'node:fs';

/** The offline checks `lwr build` runs first. */
export async function runBuildChecks(report: Report, contentDir: string): Promise<Diagnostic[]> {
  const { runChecks } = await import('../check/index.js');
  return runChecks(report, { fileExists: (file) => existsSync(file), contentRoot: path.resolve(contentDir) });
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
