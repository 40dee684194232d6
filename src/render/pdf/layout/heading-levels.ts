/** Section titles are H1 in the PDF's structure tree (the cover title is one too). */
export const SECTION_TITLE_LEVEL = 1;
const DEEPEST_LEVEL = 6;

/**
 * Heading levels inside one section, never skipping one: Markdown depth 2 (`##`) becomes H2,
 * depth 3 H3, but a heading never goes more than one level below the heading before it.
 */
export class HeadingLevels {
  private current = SECTION_TITLE_LEVEL;

  /** The level for a content heading of Markdown depth `depth`; later headings follow it. */
  forContentHeading(depth: number): number {
    const level = Math.max(SECTION_TITLE_LEVEL + 1, Math.min(depth, this.current + 1, DEEPEST_LEVEL));
    this.current = level;
    return level;
  }

  /** The level for a heading a structure introduces (a force's name), leaving later levels alone. */
  forStructureHeading(): number {
    return Math.min(this.current + 1, DEEPEST_LEVEL);
  }
}
