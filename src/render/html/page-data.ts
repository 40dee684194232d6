import { directionOf } from '../../model/language.js';
import type { Report } from '../../model/types.js';
import type { RenderContext } from '../types.js';
import { shownDate, type ShownDate } from './build-date.js';
import { contentsEntries, type ContentsEntry } from './contents.js';

/** Everything the page template sees. Strings here are escaped by Liquid unless the template says `| raw`. */
export interface PageData {
  lang: string;
  /** The report's writing direction, from its language (`rtl` for Arabic, Hebrew…). */
  dir: 'ltr' | 'rtl';
  report: {
    title: string;
    subtitle: string;
    year: string;
    publisher: string;
    authors: string[];
    /** The authors as a phrase: "A", "A and B", "A, B and C". */
    authorList: string;
    designer: string;
    funder: string;
  };
  /** The edition; `primary` is false for a narrowed edition such as the summary. */
  edition: { id: string; title: string; primary: boolean };
  contents: ContentsEntry[];
  /** The serialised body: already-escaped HTML built as a tree, the one value printed raw. */
  body: string;
  built: ShownDate;
  lwrVersion: string;
  /** The live-reload script's path while `lwr watch` serves the page; empty otherwise. */
  liveReload: string;
  /** The stylesheet with the page's `@font-face` rules (only the font subsets the report uses); empty when the theme ships no fonts. */
  fontStylesheet: string;
}

/** The template's data for `report`, whose rendered body is `body`. */
export function pageData(report: Report, context: RenderContext, body: string, fontStylesheet = ''): PageData {
  const meta = report.meta;
  return {
    lang: meta.language,
    dir: directionOf(meta.language),
    report: {
      title: meta.title,
      subtitle: meta.subtitle ?? '',
      year: meta.year === undefined ? '' : String(meta.year),
      publisher: meta.publisher ?? '',
      authors: meta.authors,
      authorList: listInWords(meta.authors),
      designer: meta.designer ?? '',
      funder: meta.funder ?? '',
    },
    edition: { id: context.edition.id, title: context.edition.title, primary: meta.editions[0]?.id === context.edition.id },
    contents: contentsEntries(report),
    body,
    built: shownDate(context.buildDate),
    lwrVersion: context.lwrVersion,
    liveReload: context.options.liveReloadScript ?? '',
    fontStylesheet,
  };
}

/** Names joined as a sentence would join them: "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
