import { HeadingNesting } from '../../model/heading-nesting.js';
import type { Section } from '../../model/types.js';
import { renderBlocks, sceneBreak } from './blocks.js';
import type { TextEnv } from './env.js';
import { hanging, stack, underlined } from './layout.js';
import { markedItems } from './lists.js';

/** The heading a section is listed and set under: a learning carries its number. */
export const sectionHeading = (section: Section): string => (section.learning ? `Learning ${section.learning.number}: ${section.title}` : section.title);

/**
 * One section: its title underlined with =, a learning's source, its blocks, then its
 * footnotes ("Notes") and the links it cited ("Links"). The colophon has no title; a scene
 * break sets it apart instead.
 */
export function renderSection(section: Section, width: number, env: Omit<TextEnv, 'blocks' | 'sectionTitle' | 'headings'>): string[] {
  const sectionEnv = { ...env, sectionTitle: section.title, headings: new HeadingNesting() };
  const heading = section.kind === 'colophon' ? sceneBreak(width) : underlined(env.style.text(sectionHeading(section)), '=', width);
  const source = section.learning?.attribution ? hanging('Source: ', env.style.text(section.learning.attribution), width) : [];
  const body = renderBlocks(section.blocks, width, sectionEnv);
  // Notes are rendered before the links are collected: a note may cite a link too.
  const notes = section.footnotes.length === 0 ? [] : stack([
    underlined('Notes', '-', width),
    markedItems(section.footnotes.map((f) => `[${f.number}]`), width, (i, w) => renderBlocks(section.footnotes[i]!.children, w, sectionEnv), true),
  ]);
  const cited = env.links.takeCited();
  const links = cited.length === 0 ? [] : stack([
    underlined('Links', '-', width),
    markedItems(cited.map((c) => `[${c.number}]`), width, (i) => [env.style.url(cited[i]!.url)], false),
  ]);
  return stack([heading, source, body, notes, links]);
}
