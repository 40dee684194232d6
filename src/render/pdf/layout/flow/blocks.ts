import type { Block, HeadingBlock, ListBlock } from '../../../../model/types.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import { SECTION_TITLE_LEVEL } from '../heading-levels.js';
import { COLOURS, HALF, LEADING, STYLES } from '../theme.js';
import { addTextBlock, ensureSpaceAfter, type FlowContext, type Frame } from './context.js';
import { flowForces, flowGlossary, flowKeyLearnings, flowLoveLetters, flowPublications } from './features.js';
import { flowFigure } from './figure.js';
import { flowPoem } from './poem.js';
import { flowQuote } from './quote.js';
import { flowComparison, flowTable } from './table.js';

/** Add the flow items for a run of blocks, in reading order. */
export function flowBlocks(blocks: readonly Block[], frame: Frame, ctx: FlowContext): void {
  for (const block of blocks) flowBlock(block, frame, ctx);
}

function flowBlock(block: Block, frame: Frame, ctx: FlowContext): void {
  switch (block.type) {
    case 'paragraph': {
      const p = ctx.structure.add('P', frame.struct);
      addTextBlock(ctx, frame, inlineRuns(block.children, frame.paragraph, p, ctx, frame.language), { role: 'paragraph', style: frame.paragraph, spaceAfter: HALF });
      return;
    }
    case 'language': {
      // A Div with the block's Lang; its paragraphs are set in its direction.
      const div = ctx.structure.add('Div', frame.struct, { lang: block.lang });
      flowBlocks(block.children, { ...frame, struct: div, language: { lang: block.lang, dir: block.dir } }, ctx);
      return;
    }
    case 'heading':
      flowHeading(block, frame, ctx);
      return;
    case 'figure':
      flowFigure(block, frame, ctx);
      return;
    case 'list':
      flowList(block, frame, ctx);
      return;
    case 'code': {
      const p = ctx.structure.add('P', frame.struct);
      // Code keeps its lines and its spaces (indentation means something in code).
      const runs = block.value.split('\n').flatMap((line, i) => [...(i > 0 ? [{ text: '', style: STYLES.code, struct: p, hardBreak: true }] : []), { text: line, style: STYLES.code, struct: p, preformatted: true }]);
      addTextBlock(ctx, frame, runs, { role: 'paragraph', style: STYLES.code, spaceBefore: HALF, spaceAfter: HALF, keepTogether: true });
      return;
    }
    case 'thematicBreak':
      ctx.items.push({ kind: 'ornament', id: `${ctx.section.id}/ornament-${ctx.nextId()}`, section: ctx.section, height: LEADING, color: COLOURS.warm, spaceBefore: HALF, spaceAfter: HALF });
      return;
    case 'html':
      // Raw HTML (comments, mostly) has no place on paper.
      return;
    case 'table':
      flowTable(block, frame, ctx);
      return;
    case 'quote':
      flowQuote(block, frame, ctx);
      return;
    case 'comparison':
      flowComparison(block, frame, ctx);
      return;
    case 'forces':
      flowForces(block, frame, ctx);
      return;
    case 'keyLearnings':
      flowKeyLearnings(block, frame, ctx);
      return;
    case 'loveLetters':
      flowLoveLetters(block, frame, ctx);
      return;
    case 'publications':
      flowPublications(block, frame, ctx);
      return;
    case 'glossary':
      flowGlossary(block, frame, ctx);
      return;
    case 'poem':
      flowPoem(block, frame, ctx);
      return;
  }
}

/** Styles of H2, H3, … (H1 is the section title); every level has its own look, H7 and deeper share the last. */
const HEADING_STYLES = [STYLES.h2, STYLES.h3, STYLES.h4, STYLES.h5, STYLES.h6, STYLES.h7];

/** A content heading: kept with what follows, a destination for links, an outline entry at its level. */
function flowHeading(heading: HeadingBlock, frame: Frame, ctx: FlowContext): void {
  const level = ctx.headingLevels.forContentHeading(heading.depth);
  const style = HEADING_STYLES[Math.min(level - SECTION_TITLE_LEVEL, HEADING_STYLES.length) - 1]!;
  const h = ctx.structure.add(`H${level}`, frame.struct);
  ctx.outline.addHeading(level - SECTION_TITLE_LEVEL, heading.text, heading.id);
  addTextBlock(ctx, frame, inlineRuns(heading.children, style, h, ctx, frame.language), {
    role: 'heading',
    style,
    spaceBefore: level <= 2 ? LEADING * 1.5 : LEADING,
    spaceAfter: level <= 2 ? HALF : HALF / 2,
    keepWithNext: true,
    anchors: [heading.id, ...(heading.aliases ?? [])],
  });
}

/** A list: L > LI > (Lbl, LBody), the label hung in a gutter so item text aligns. */
export function flowList(list: ListBlock, frame: Frame, ctx: FlowContext): void {
  const l = ctx.structure.add('L', frame.struct);
  const tasks = list.items.some((item) => item.checked !== undefined);
  const gutter = list.ordered || tasks ? 20 : 14;
  list.items.forEach((item, i) => {
    const li = ctx.structure.add('LI', l);
    const label = ctx.structure.add('Lbl', li);
    const body = ctx.structure.add('LBody', li);
    // A task item's label is its state: [x] done, [ ] not done.
    const text = item.checked !== undefined ? (item.checked ? '[x]' : '[ ]') : list.ordered ? `${(list.start ?? 1) + i}.` : '•';
    ctx.pendingLabel = { runs: plainRuns(text, STYLES.listLabel, label), gutter };
    const before = ctx.items.length;
    flowBlocks(item.children, { ...frame, x: frame.x + gutter, width: frame.width - gutter, struct: body }, ctx);
    // A tight list's items follow line by line; a loose list's keep paragraph spacing. The
    // list as a whole is spaced as a paragraph.
    for (const added of ctx.items.slice(before)) {
      if (added.kind === 'text' && added.role === 'paragraph') {
        added.role = 'list-item';
        added.spaceAfter = list.loose ? HALF : 0;
      }
    }
    ctx.pendingLabel = undefined;
  });
  ensureSpaceAfter(ctx, HALF);
}
