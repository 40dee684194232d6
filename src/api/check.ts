import type { CheckFamily, ExternalCheckOptions } from '../check/index.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { LWR_VERSION } from '../package-info.js';
import { contentFileAccess } from '../read/content-files.js';
import { fontCheckOptions, reportFonts } from './fonts.js';
import { resolveInput, type ReportInput } from './input.js';

/** Options of `checkReport`. */
export interface CheckReportOptions {
  /** Rule families to run: `links`, `attribution`, `images`, `fonts` (default: all). */
  families?: CheckFamily[];
  /** The content folder relative links are looked up in (default: the report's own). */
  contentDir?: string;
  /** Report characters no font has (`font-missing-glyph`), asking fontconfig only when lwr's fonts lack one (default: true). */
  fonts?: boolean;
  /** Also check external links over the network: `true`, or the checker's options (timeouts, concurrency, cache…). */
  external?: boolean | ExternalCheckOptions;
}

/**
 * Run lwr's checks on a report, as `lwr check` does: every rule's diagnostics with the
 * severities of report.yaml and lwr.config.yaml, lwr-ignore comments applied, sorted by file
 * and position, reading's own problems included. Content problems are returned, never thrown.
 */
export async function checkReport(input: ReportInput, options: CheckReportOptions = {}): Promise<Diagnostic[]> {
  const { report, contentDir, readDiagnostics } = await resolveInput(input, options.contentDir);
  const { runChecks, checkExternalLinks } = await import('../check/index.js');
  const diagnostics = await runChecks(report, {
    ...(options.families ? { families: options.families } : {}),
    contentRoot: contentDir,
    // Relative links are looked up inside the content folder only, never through a link out of it.
    ...contentFileAccess(contentDir),
    readDiagnostics,
    ...(options.fonts === false ? {} : fontCheckOptions(reportFonts(report, contentDir))),
  });
  if (options.external && (!options.families || options.families.includes('links'))) {
    const external = options.external === true ? {} : options.external;
    diagnostics.push(...(await checkExternalLinks(report, { userAgent: `lwr/${LWR_VERSION} (link checker)`, ...external })));
  }
  return sortDiagnostics(diagnostics);
}
