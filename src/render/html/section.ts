import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { firstStrongDirection } from '../../model/language.js';
import type { Section } from '../../model/types.js';
import { sectionByline, type Byline } from '../byline.js';
import { renderBlocks } from './blocks.js';
import { inOwnDirection } from './direction.js';
import { renderFootnotes } from './footnotes.js';
import { HeadingLevels, SECTION_TITLE_LEVEL } from './heading-levels.js';
import type { HtmlState } from './state.js';

/** One section of the report: its title heading, its blocks, then its footnotes. */
export function renderSection(section: Section, state: HtmlState): Element {
  state.section = section;
  state.headings = new HeadingLevels();
  const header = renderSectionHeader(section, sectionByline(section, state.report.meta.language), state);
  const body = renderBlocks(section.blocks, state);
  // After the body: the footnotes need the ids of the references the body rendered.
  const notes = renderFootnotes(section.footnotes, state);
  state.section = undefined;
  const lang = section.lang && section.lang !== state.report.meta.language ? section.lang : undefined;
  return h(`section.section.section--${section.kind}`, { id: section.id, lang }, [header, ...body, notes]);
}

/** "By Ana Ruiz and Tomos Hughes · 12 March 2024", the date as a `time` element. */
function renderByline(byline: Byline): ElementContent {
  const parts: ElementContent[] = [];
  if (byline.authors) parts.push(h('span.section-authors', `By ${byline.authors}`));
  if (byline.authors && byline.date) parts.push({ type: 'text', value: ' · ' });
  if (byline.date) parts.push(h('time.section-date', { dateTime: byline.date.iso }, byline.date.text));
  return h('p.section-byline', parts);
}

/**
 * The section's heading. A learning's carries its number ("Learning 1") and where the learning
 * comes from; the colophon's title is there for the outline and screen readers but not shown.
 */
function renderSectionHeader(section: Section, byline: Byline | undefined, state: HtmlState): ElementContent {
  const tag = `h${SECTION_TITLE_LEVEL}`;
  const [dir] = inOwnDirection(state, firstStrongDirection(section.title), () => undefined);
  if (section.learning) {
    return h('header.section-header.learning-header', [
      h(tag, [
        h('span.learning-number', `Learning ${section.learning.number}`),
        h('span.visually-hidden', ': '),
        h('span.learning-title', dir, section.title),
      ]),
      section.learning.attribution
        ? h('p.learning-attribution', [h('span.learning-attribution-label', 'Source: '), section.learning.attribution])
        : undefined,
    ]);
  }
  if (section.kind === 'colophon') return h(`${tag}.visually-hidden`, dir, section.title);
  return h('header.section-header', [h(tag, dir, section.title), byline ? renderByline(byline) : undefined]);
}
