import type { ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { HeadingNesting } from '../../model/heading-nesting.js';

/** The first level inside a section: h1 is the report title, h2 the section title. */
export const SECTION_TITLE_LEVEL = 2;

/**
 * HTML heading levels inside one section: the shared nesting (src/model/heading-nesting.ts)
 * under the section title, so `##` right under it is h3 and no level is skipped or merged.
 * Below h6 a heading is `role="heading"` with its `aria-level` (headingElement).
 */
export class HeadingLevels {
  private readonly nesting = new HeadingNesting();

  /** The level for a content heading of Markdown depth `depth`; later headings nest under it. */
  forContentHeading(depth: number): number {
    return SECTION_TITLE_LEVEL + this.nesting.levelOf(depth);
  }

  /**
   * The level for a heading a structure introduces (a force's name): one below the current
   * heading, without changing where later content headings sit.
   */
  forStructureHeading(): number {
    return SECTION_TITLE_LEVEL + this.nesting.current() + 1;
  }
}

/** A heading element of any level: h1–h6, and deeper levels as ARIA headings (HTML has no h7). */
export function headingElement(level: number, properties: Properties, children: ElementContent[]): ElementContent {
  if (level <= 6) return h(`h${level}`, properties, children);
  return h('div.heading-deep', { ...properties, role: 'heading', ariaLevel: level }, children);
}
