import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/types.js';
import { checkAttribution } from './attribution/index.js';
import { rawHtmlWithElements } from './content/raw-html-pieces.js';
import type { ExternalCheckOptions } from './external/options.js';
import { applyIgnores } from './ignores.js';
import { checkImages } from './images/index.js';
import type { FaceInfo } from '../fonts/faces.js';
import { checkMissingGlyphs, glyphCoverage } from './fonts/missing-glyph.js';
import { checkLinks } from './links/index.js';
import { dropRepeatsOfReadDiagnostics } from './repeats.js';
import { findReservedIds } from './reserved-ids.js';
import { CHECK_FAMILIES, ruleInfo, type CheckFamily } from './rules.js';
import { applySeverityOverrides, findUnknownRuleIds } from './settings.js';

export type { ExternalCheckOptions } from './external/options.js';
export type { LinkCache, CacheFile } from './external/cache.js';
export type { CheckFamily } from './rules.js';

/** Options of the offline checks. */
export interface CheckOptions {
  /** Rule families to run (default: all). */
  families?: CheckFamily[];
  /** Whether a file exists, for relative links; without it, relative links are not checked for existence. */
  fileExists?: (absOrRelPath: string) => boolean;
  /** The content folder relative links are resolved against (default: the folder of the first section's file). */
  contentRoot?: string;
  /** Names in a folder, for did-you-mean suggestions on missing files. */
  listFiles?: (absOrRelDir: string) => string[];
  /**
   * Non-fatal diagnostics the reader produced: they are filtered by family, overridden and
   * silenced like the checks' own, and a check does not repeat a problem they already report.
   */
  readDiagnostics?: readonly Diagnostic[];
  /**
   * The fonts the PDF may draw with (lwr's own, the report's `fonts:`, the system's): with
   * them, characters no font has are reported (`font-missing-glyph`) for a report with a PDF edition.
   */
  fonts?: readonly FaceInfo[];
  /** Problems finding the report's `fonts:` files, reported with the checks. */
  fontProblems?: readonly Diagnostic[];
  /** Characters no font has although a font for their script is installed (FontLibrary.lacking). */
  fontsLacking?: ReadonlySet<number>;
  /** A content file's text (as loaded), to point at the very character a diagnostic is about. */
  sourceText?: (file: string) => string | undefined;
}

/**
 * Run the offline rules over the report: severities as report.yaml's `rules:` sets them
 * (`off` drops a rule), occurrences silenced by `<!-- lwr-ignore rule-id -->`, sorted by
 * file, line and column. Asynchronous only to load the HTML parser when the report has raw HTML.
 */
export async function runChecks(report: Report, options: CheckOptions = {}): Promise<Diagnostic[]> {
  const families = new Set(options.families ?? CHECK_FAMILIES);
  const contentRoot = options.contentRoot ?? path.dirname(report.sections[0]?.source.file ?? 'content/x');
  const checks: Diagnostic[] = [...findUnknownRuleIds(report), ...(await removedHtml(report))];
  if (families.has('links')) checks.push(...checkLinks(report, { contentRoot, ...pick(options, 'fileExists', 'listFiles') }), ...findReservedIds(report));
  if (families.has('attribution')) checks.push(...checkAttribution(report));
  if (families.has('images')) checks.push(...checkImages(report));
  checks.push(...(options.fontProblems ?? []));
  if (families.has('fonts') && options.fonts && report.meta.editions.some((e) => e.formats.includes('pdf'))) {
    checks.push(...checkMissingGlyphs(report, glyphCoverage(options.fonts), options.sourceText, options.fontsLacking));
  }
  const read = (options.readDiagnostics ?? []).filter((d) => !d.fatal && inFamilies(d.ruleId, families));
  return finishDiagnostics(report, [...read, ...dropRepeatsOfReadDiagnostics(report, checks, read)]);
}

/** What the HTML edition removes from the report's raw HTML; parse5 is loaded only when there is some. */
async function removedHtml(report: Report): Promise<Diagnostic[]> {
  const pieces = rawHtmlWithElements(report);
  return pieces.length ? (await import('./content/raw-html.js')).findRemovedHtml(pieces) : [];
}

/**
 * Check the report's external links over the network (lazily loaded, so commands that do
 * not use the network do not pay for it). Same severities, silencing and order as runChecks.
 */
export async function checkExternalLinks(report: Report, options: ExternalCheckOptions): Promise<Diagnostic[]> {
  const { runExternalCheck } = await import('./external/check-external.js');
  return finishDiagnostics(report, await runExternalCheck(report, options));
}

/** Severity overrides, then lwr-ignore comments, then a stable order. */
export function finishDiagnostics(report: Report, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(applyIgnores(report, applySeverityOverrides(report.meta.rules, diagnostics)));
}

function inFamilies(ruleId: string, families: Set<CheckFamily>): boolean {
  const family = ruleInfo(ruleId)?.family;
  return family === undefined || family === 'content' || family === 'build' || families.has(family);
}

function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]])) as Partial<Pick<T, K>>;
}
