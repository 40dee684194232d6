import type { ForcesBlock, GlossaryBlock, KeyLearningsBlock, LoveLettersBlock, PublicationsBlock } from '../../../../model/types.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import type { Run } from '../runs.js';
import { COLOURS, HALF, LEADING, STYLES } from '../theme.js';
import type { Decoration } from '../types.js';
import { addTextBlock, ensureSpaceAfter, type FlowContext, type Frame } from './context.js';
import { flowBlocks } from './blocks.js';

const PANEL_BLEED = 14;

/** Open a panel (a tinted box behind the items that follow, until closePanel). */
function openPanel(ctx: FlowContext, frame: Frame, fill: string, keepTogether: boolean): string {
  const id = `${ctx.section.id}/panel-${ctx.nextId()}`;
  const decoration: Decoration = { kind: 'panel', x: frame.x - PANEL_BLEED, width: frame.width + 2 * PANEL_BLEED, fill };
  ctx.items.push({ kind: 'group-start', id, section: ctx.section, decoration, paddingTop: 12, spaceBefore: LEADING, spaceAfter: 0, keepTogether, breakBefore: false, keepWithNext: false });
  return id;
}

function closePanel(ctx: FlowContext, id: string, spaceAfter: number): void {
  ctx.items.push({ kind: 'group-end', id: `${id}-end`, section: ctx.section, paddingBottom: 12, spaceBefore: 0, spaceAfter });
}

/**
 * The forces (or the possibilities they open): each force in its own tinted panel, its name
 * as a heading one level below the current one, kept on one page where it fits.
 */
export function flowForces(block: ForcesBlock, frame: Frame, ctx: FlowContext): void {
  const div = ctx.structure.add('Div', frame.struct);
  const fill = block.variant === 'forces' ? COLOURS.panel : COLOURS.warmPanel;
  block.forces.forEach((force, i) => {
    const panel = openPanel(ctx, frame, fill, true);
    const level = ctx.headingLevels.forStructureHeading();
    const h = ctx.structure.add(`H${level}`, div);
    addTextBlock(ctx, frame, plainRuns(force.name, STYLES.forceName, h), { role: 'heading', style: STYLES.forceName, spaceAfter: HALF / 2, keepWithNext: true, anchors: [force.id] });
    flowBlocks(force.children, { ...frame, struct: div }, ctx);
    closePanel(ctx, panel, i === block.forces.length - 1 ? LEADING : HALF);
  });
}

/** The key learnings: a warm panel, each learning with a large number hung beside it. */
export function flowKeyLearnings(block: KeyLearningsBlock, frame: Frame, ctx: FlowContext): void {
  const panel = openPanel(ctx, frame, COLOURS.warmPanel, true);
  const l = ctx.structure.add('L', frame.struct);
  const gutter = 34;
  for (const item of block.items) {
    const li = ctx.structure.add('LI', l);
    const lbl = ctx.structure.add('Lbl', li);
    const body = ctx.structure.add('LBody', li);
    ctx.pendingLabel = { runs: plainRuns(String(item.number), STYLES.keyNumber, lbl), gutter };
    addTextBlock(ctx, { x: frame.x + gutter, width: frame.width - gutter }, inlineRuns(item.children, STYLES.keyLearning, body, ctx), {
      role: 'list-item',
      style: STYLES.keyLearning,
      spaceAfter: HALF,
    });
  }
  closePanel(ctx, panel, LEADING);
}

/** The people the report writes to: name, then role and place on the line below. */
export function flowLoveLetters(block: LoveLettersBlock, frame: Frame, ctx: FlowContext): void {
  const l = ctx.structure.add('L', frame.struct);
  const gutter = 14;
  for (const letter of block.letters) {
    const li = ctx.structure.add('LI', l);
    const lbl = ctx.structure.add('Lbl', li);
    const body = ctx.structure.add('LBody', li);
    const detail = [letter.role, letter.place].filter(Boolean).join(', ');
    const runs: Run[] = [...plainRuns(letter.name, STYLES.loveName, body)];
    if (detail) runs.push({ text: '', style: STYLES.loveName, struct: body, hardBreak: true }, ...plainRuns(detail, { ...STYLES.attribution, size: STYLES.body.size }, body));
    ctx.pendingLabel = { runs: plainRuns('•', STYLES.listLabel, lbl), gutter };
    addTextBlock(ctx, { x: frame.x + gutter, width: frame.width - gutter }, runs, { role: 'list-item', style: STYLES.body, spaceAfter: HALF, keepTogether: true });
  }
  ensureSpaceAfter(ctx, HALF);
}

/** Publications: the title (and subtitle, after its line break) in sans, then the description. */
export function flowPublications(block: PublicationsBlock, frame: Frame, ctx: FlowContext): void {
  const l = ctx.structure.add('L', frame.struct);
  for (const item of block.items) {
    const li = ctx.structure.add('LI', l);
    const body = ctx.structure.add('LBody', li);
    const title = ctx.structure.add('P', body);
    let afterBreak = false;
    // The subtitle follows the title's hard break: set it lighter so the title leads.
    const runs = inlineRuns(item.heading, STYLES.publicationTitle, title, ctx).map((run) => {
      if (run.hardBreak) afterBreak = true;
      return afterBreak ? { ...run, style: { ...run.style, font: 'sans' as const, color: COLOURS.ink } } : run;
    });
    addTextBlock(ctx, frame, runs, { role: 'paragraph', style: STYLES.publicationTitle, spaceBefore: HALF, spaceAfter: HALF / 2, keepWithNext: true });
    flowBlocks(item.children, { ...frame, struct: body }, ctx);
  }
  ensureSpaceAfter(ctx, HALF);
}

/** The glossary: each definition a paragraph, its term in bold and a destination for links to it. */
export function flowGlossary(block: GlossaryBlock, frame: Frame, ctx: FlowContext): void {
  for (const entry of block.entries) {
    const p = ctx.structure.add('P', frame.struct);
    addTextBlock(ctx, frame, inlineRuns(entry.definition, frame.paragraph, p, ctx), { role: 'paragraph', style: frame.paragraph, spaceAfter: HALF, anchors: [entry.id] });
  }
}
