/**
 * How deep a content heading sits under its section title, shared by every edition so that
 * they agree: 1 for a heading right under the title, and one more for each shallower heading
 * still open before it. A heading is never more than one level below the heading it follows,
 * so no level is skipped (a `####` right under the title is level 1), headings of the same
 * Markdown depth stay siblings, and every Markdown level used keeps a level of its own
 * (`#` … `######` one after another are levels 1 to 6).
 *
 * Each edition adds its own offset: HTML h3 for level 1 (h1 is the report title, h2 the
 * section title); PDF H2 (H1 is the section title); the text edition marks the levels with
 * different rules under the heading.
 */
export class HeadingNesting {
  /** The open headings: Markdown depth and the level given, shallowest first. */
  private readonly open: { depth: number; level: number }[] = [];

  /** The level of a content heading of Markdown depth `depth` (1 for `#`); later headings nest under it. */
  levelOf(depth: number): number {
    while ((this.open.at(-1)?.depth ?? 0) >= depth) this.open.pop();
    const level = this.current() + 1;
    this.open.push({ depth, level });
    return level;
  }

  /** The level of the innermost open heading (0 right under the section title). */
  current(): number {
    return this.open.at(-1)?.level ?? 0;
  }
}
