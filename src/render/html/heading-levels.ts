import type { ElementContent, Properties } from 'hast';
import { h } from 'hastscript';

/** The first level inside a section: h1 is the report title, h2 the section title. */
export const SECTION_TITLE_LEVEL = 2;

/**
 * Assigns HTML heading levels inside one section so that none is skipped. Content depth 2
 * (`##`) becomes h3, depth 3 h4 and so on; but a heading is only ever one level below the
 * nearest shallower heading before it, so a `####` straight under the section title becomes
 * h3, and headings of the same depth stay siblings. Levels are never merged: below h6 a
 * heading is `role="heading"` with its `aria-level` (headingElement).
 */
export class HeadingLevels {
  /** The open headings: Markdown depth and the level given, shallowest first. */
  private readonly open: { depth: number; level: number }[] = [];

  /** The level for a content heading of Markdown depth `depth`; later headings nest under it. */
  forContentHeading(depth: number): number {
    while ((this.open.at(-1)?.depth ?? 0) >= depth) this.open.pop();
    const level = this.nextLevel();
    this.open.push({ depth, level });
    return level;
  }

  /**
   * The level for a heading a structure introduces (a force's name): one below the current
   * heading, without changing where later content headings sit.
   */
  forStructureHeading(): number {
    return this.nextLevel();
  }

  private nextLevel(): number {
    return (this.open.at(-1)?.level ?? SECTION_TITLE_LEVEL) + 1;
  }
}

/** A heading element of any level: h1–h6, and deeper levels as ARIA headings (HTML has no h7). */
export function headingElement(level: number, properties: Properties, children: ElementContent[]): ElementContent {
  if (level <= 6) return h(`h${level}`, properties, children);
  return h('div.heading-deep', { ...properties, role: 'heading', ariaLevel: level }, children);
}
