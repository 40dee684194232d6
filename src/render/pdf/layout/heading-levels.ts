import { HeadingNesting } from '../../../model/heading-nesting.js';

/** Section titles are H1 in the PDF's structure tree (the cover title is one too). */
export const SECTION_TITLE_LEVEL = 1;

/**
 * Heading levels inside one section: the shared nesting (src/model/heading-nesting.ts) under
 * the section title, so `##` right under it is H2 and no level is skipped or merged. Levels
 * past H6 are tagged H7, H8… and role-mapped to H6 (PDF 1.7 defines H1–H6).
 */
export class HeadingLevels {
  private readonly nesting = new HeadingNesting();

  /** The level for a content heading of Markdown depth `depth`; later headings follow it. */
  forContentHeading(depth: number): number {
    return SECTION_TITLE_LEVEL + this.nesting.levelOf(depth);
  }

  /** The level for a heading a structure introduces (a force's name), leaving later levels alone. */
  forStructureHeading(): number {
    return SECTION_TITLE_LEVEL + this.nesting.current() + 1;
  }
}
