import { HeadingNesting } from '../../model/heading-nesting.js';
import type { Section } from '../../model/types.js';
import { bylineText, sectionByline } from '../byline.js';
import { renderBlocks, sceneBreak } from './blocks.js';
import type { TextEnv } from './env.js';
import { hanging, stack, underlined } from './layout.js';
import { linkMark } from './links.js';
import { markedItems } from './lists.js';
import { sectionHeading } from './section-heading.js';
import { wrapText } from '../../model/wrap.js';

/**
 * One section: its title underlined with =, a learning's source (or the byline its front
 * matter gives: "By Ana Ruiz · 12 March 2024"), its blocks, then its
 * footnotes ("Notes") and the links it cited ("Links"). The colophon has no title; a scene
 * break sets it apart instead.
 */
export function renderSection(section: Section, width: number, env: Omit<TextEnv, 'blocks' | 'sectionTitle' | 'headings'>, language = 'en-GB'): string[] {
  const sectionEnv = { ...env, sectionTitle: section.title, headings: new HeadingNesting() };
  const heading = section.kind === 'colophon' ? sceneBreak(width) : underlined(env.style.text(sectionHeading(section)), '=', width);
  const byline = sectionByline(section, language);
  const source = section.learning?.attribution
    ? hanging('Source: ', env.style.text(section.learning.attribution), width)
    : byline
      ? wrapText(env.style.text(bylineText(byline)), width)
      : [];
  const body = renderBlocks(section.blocks, width, sectionEnv);
  // Notes are rendered before the links are collected: a note may cite a link too.
  const notes = section.footnotes.length === 0 ? [] : stack([
    underlined('Notes', '-', width),
    markedItems(section.footnotes.map((f) => `[${f.number}]`), width, (i, w) => renderBlocks(section.footnotes[i]!.children, w, sectionEnv), true),
  ]);
  const cited = env.links.takeCited();
  const links = cited.length === 0 ? [] : stack([
    underlined('Links', '-', width),
    markedItems(cited.map((c) => linkMark(c.number)), width, (i, w) => (cited[i]!.url.startsWith('#') ? wrapText(cited[i]!.text, w) : [env.style.url(cited[i]!.url)]), false),
  ]);
  return stack([heading, source, body, notes, links]);
}
