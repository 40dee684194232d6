import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { EditionConfig, Report } from '../model/types.js';
import { didYouMean } from '../model/suggest.js';
import { FORMATS, type Format } from '../render/types.js';
import { editionFolder } from '../model/edition.js';

/** One thing to render: an edition in one format, into a folder of the output. */
export interface BuildTarget {
  edition: EditionConfig;
  format: Format;
  /** Folder relative to the output folder: `html` for the full report, `summary/html` otherwise. */
  folder: string;
}

export interface BuildSelection {
  editions?: string[];
  formats?: string[];
}

/** Which editions and formats a build renders; unknown names are usage errors with a did-you-mean. */
export function planBuild(report: Report, selection: BuildSelection = {}): { targets: BuildTarget[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const all = report.meta.editions;
  const primary = all[0]!.id;
  for (const id of selection.editions ?? []) {
    if (!all.some((e) => e.id === id)) {
      const guess = didYouMean(id, all.map((e) => e.id));
      diagnostics.push(diagnostic('build-usage', 'error', `no edition "${id}"`, {}, { hint: guess ? `did you mean "${guess}"?` : `editions: ${all.map((e) => e.id).join(', ')}` }));
    }
  }
  for (const format of selection.formats ?? []) {
    if (!FORMATS.includes(format as Format)) {
      const guess = didYouMean(format, FORMATS);
      diagnostics.push(diagnostic('build-usage', 'error', `no format "${format}"`, {}, { hint: guess ? `did you mean "${guess}"?` : `formats: ${FORMATS.join(', ')}` }));
    }
  }
  const editions = selection.editions?.length ? all.filter((e) => selection.editions!.includes(e.id)) : all;
  const targets = editions.flatMap((edition) =>
    edition.formats
      .filter((format) => !selection.formats?.length || selection.formats.includes(format))
      .map((format) => ({ edition, format, folder: editionFolder(edition.id, format, primary) })),
  );
  return { targets, diagnostics };
}

/** The edition and format a file of the output belongs to, from its folder. */
export function targetOfPath(file: string, report: Report): { edition: string; format: string } | undefined {
  const [first, second] = file.split('/');
  const primary = report.meta.editions[0]!.id;
  if (first && (FORMATS as readonly string[]).includes(first)) return { edition: primary, format: first };
  if (first && second && (FORMATS as readonly string[]).includes(second)) return { edition: first, format: second };
  return undefined;
}
