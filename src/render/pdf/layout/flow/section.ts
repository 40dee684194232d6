import type { Section } from '../../../../model/types.js';
import { bylineText, sectionByline } from '../../../byline.js';
import { HeadingLevels } from '../heading-levels.js';
import { plainRuns } from '../inline-runs.js';
import { HALF, LEADING, STYLES } from '../theme.js';
import { addTextBlock, type FlowContext, type Frame } from './context.js';
import { flowBlocks } from './blocks.js';
import { noteBlock } from './notes.js';

/** The title a section has in the outline, the contents and the running head. */
export function sectionTitle(section: Section): string {
  return section.learning ? `Learning ${section.learning.number}: ${section.title}` : section.title;
}

/**
 * Whether a section opens a new page: the first, every learning, the glossary, the poem and
 * the colophon, and whatever follows one of those. Short sections in between share pages.
 */
export function opensPage(section: Section, previous: Section | undefined): boolean {
  return !previous || section.kind !== 'section' || previous.kind !== 'section';
}

/**
 * A section: a Sect holding its title (H1; a learning's number and source above and below
 * it), its blocks, and any footnote no text calls (set at the section's end).
 */
export function flowSection(section: Section, previous: Section | undefined, documentStruct: string, ctx: FlowContext, language = 'en-GB'): void {
  // A section in another language than the report's (front matter `lang`) says so, as the HTML's <section lang>.
  const sect = ctx.structure.add('Sect', documentStruct, section.lang && section.lang !== language ? { lang: section.lang } : {});
  const title = sectionTitle(section);
  ctx.section = { id: section.id, runningTitle: title };
  ctx.headingLevels = new HeadingLevels();
  ctx.outline.addSection(title, section.id);
  const breakBefore = opensPage(section, previous);
  const first = ctx.items.length;
  ctx.pendingAnchors.push(section.id);

  if (section.kind === 'colophon') {
    // Closing matter sits at the foot of its page.
    ctx.items.push({ kind: 'foot-fill', id: `${section.id}/fill-${ctx.nextId()}`, section: ctx.section, spaceBefore: 0, spaceAfter: 0, breakBefore });
  } else {
    const h1 = ctx.structure.add('H1', sect);
    if (section.learning) {
      addTextBlock(ctx, { x: 0, width: ctx.geometry.column.width }, plainRuns(`Learning ${section.learning.number}`, STYLES.sectionLabel, h1), {
        role: 'label',
        style: STYLES.sectionLabel,
        spaceBefore: LEADING * 2.5,
        spaceAfter: HALF / 2,
        keepWithNext: true,
      });
    }
    const byline = section.learning ? undefined : sectionByline(section, language);
    addTextBlock(ctx, { x: 0, width: ctx.geometry.column.width }, plainRuns(section.title, STYLES.sectionTitle, h1), {
      role: 'title',
      style: STYLES.sectionTitle,
      spaceBefore: section.learning ? 0 : LEADING * 2.5,
      spaceAfter: section.learning?.attribution || byline ? HALF : LEADING,
      keepWithNext: true,
    });
    if (byline) {
      const p = ctx.structure.add('P', sect);
      addTextBlock(ctx, { x: 0, width: ctx.geometry.column.width }, plainRuns(bylineText(byline), STYLES.sectionNote, p), { role: 'paragraph', style: STYLES.sectionNote, spaceAfter: LEADING * 1.5, keepWithNext: true });
    }
    if (section.learning?.attribution) {
      const p = ctx.structure.add('P', sect);
      const runs = [...plainRuns('Source: ', { ...STYLES.sectionNote, font: 'sansSemiBold', size: STYLES.sectionNote.size - 0.5 }, p), ...plainRuns(section.learning.attribution, STYLES.sectionNote, p)];
      addTextBlock(ctx, { x: 0, width: ctx.geometry.column.width }, runs, { role: 'paragraph', style: STYLES.sectionNote, spaceAfter: LEADING * 1.5, keepWithNext: true });
    }
  }

  const frame: Frame = { x: 0, width: ctx.geometry.column.width, struct: sect, paragraph: section.kind === 'colophon' ? STYLES.colophon : STYLES.body };
  flowBlocks(section.blocks, frame, ctx);
  for (const footnote of section.footnotes) {
    if (ctx.notes.has(footnote.id)) continue;
    // Defined but never called: the note still belongs to the section, so set it at its end.
    const block = noteBlock(footnote, sect, ctx);
    if (block) ctx.items.push({ ...block, spaceBefore: HALF });
  }
  const opening = ctx.items[first];
  if (opening && (opening.kind === 'text' || opening.kind === 'group-start')) opening.breakBefore = breakBefore;
}
