import { sectionAnchors } from '../../model/anchors.js';
import type { InReportTarget, Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { sectionHeading } from './section-heading.js';

/** A place in the report an in-report link can lead to. */
export interface Place {
  /** The heading a reader finds there. */
  title: string;
  /** The title of the section it is in (a learning's with its number). */
  sectionTitle: string;
  isSection: boolean;
  /** What link text may call it: a link whose text contains one of these needs no "see …". */
  names: string[];
}

/** How a link number is marked in the text and in the "Links" list: `<3>`, never `[3]` (that is a note). */
export const linkMark = (number: number): string => `<${number}>`;

/**
 * Numbers for the links of the text edition, and names for its in-report links. Links are
 * numbered on their own, `<1>`, `<2>`…, across the whole report, while footnotes keep the
 * model's numbers in square brackets, `[1]` (so "note 2" means the same note in every
 * edition and a chapter's first link is `<1>`, not `[5]`). A URL, or a place in the report,
 * keeps its number wherever it recurs.
 */
export class LinkReferences {
  private readonly numbers = new Map<string, number>();
  private next = 1;
  private cited: { number: number; url: string; text: string }[] = [];
  /** Where each anchor of this edition is, as a reader finds it: "‘Methods’", "‘Interviews’ in ‘Methods’". */
  private readonly places = new Map<string, Place>();

  constructor(report: Pick<Report, 'sections'>) {
    for (const section of report.sections) {
      const sectionTitle = sectionHeading(section);
      const names = [sectionTitle, section.title, ...(section.learning ? [`Learning ${section.learning.number}`] : [])];
      for (const anchor of sectionAnchors(section)) this.places.set(anchor, { title: sectionTitle, sectionTitle, isSection: anchor === section.id, names });
      walkBlocks(section.blocks, (block) => {
        if (block.type === 'heading') this.places.set(block.id, { title: block.text, sectionTitle, isSection: false, names: [block.text] });
        if (block.type === 'figure') this.places.set(block.id, { title: `Figure ${block.number}`, sectionTitle, isSection: false, names: [`Figure ${block.number}`] });
      });
    }
  }

  /**
   * The number of a link, noted as cited in the current section. `key` identifies where it
   * leads (a URL, or `#anchor` for a place in the report); `text` is what the "Links" list
   * shows for it (the URL, or "see ‘Methods’").
   */
  cite(key: string, text: string = key): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.next++;
      this.numbers.set(key, number);
    }
    if (!this.cited.some((c) => c.number === number)) this.cited.push({ number, url: key, text });
    return number;
  }

  /** The links cited since the last call, in order of first citation, to list after a section. */
  takeCited(): { number: number; url: string; text: string }[] {
    const cited = this.cited;
    this.cited = [];
    return cited;
  }

  /**
   * Where an in-report link leads, for a reader of plain text: "‘Methods’", or "‘Interviews’
   * in ‘Methods’" for a heading; undefined when this edition leaves the place out.
   */
  placeOf(target: InReportTarget): Place | undefined {
    return this.places.get(target.anchor);
  }
}
