import type { Report } from '../../model/types.js';

/** One entry of the table of contents, as the page template receives it. */
export interface ContentsEntry {
  /** The section's anchor id. */
  id: string;
  title: string;
  /** "Learning 1" for a learning, otherwise empty (templates test `!= ""`: Liquid's empty string is truthy). */
  label: string;
}

/** The table of contents: every section of the edition, in reading order. */
export function contentsEntries(report: Report): ContentsEntry[] {
  return report.sections.map((section) => {
    return { id: section.id, title: section.title, label: section.learning ? `Learning ${section.learning.number}` : '' };
  });
}
