import type { PoemBlock } from '../../../../model/types.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import type { Run } from '../runs.js';
import { HALF, STYLES } from '../theme.js';
import { addTextBlock, type FlowContext, type Frame } from './context.js';

const INDENT = 28;

/**
 * The poem: each stanza a paragraph of lines, kept whole on a page, a line's space between
 * stanzas; then the poet. The last stanza keeps the poet's line with it.
 */
export function flowPoem(poem: PoemBlock, frame: Frame, ctx: FlowContext): void {
  const div = ctx.structure.add('Div', frame.struct);
  ctx.pendingAnchors.push(poem.id);
  const inner = { x: frame.x + INDENT, width: frame.width - INDENT };
  poem.stanzas.forEach((stanza, i) => {
    const p = ctx.structure.add('P', div);
    const runs: Run[] = stanza.lines.flatMap((line, j) => [...(j > 0 ? [{ text: '', style: STYLES.stanza, struct: p, hardBreak: true }] : []), ...inlineRuns(line, STYLES.stanza, p, ctx)]);
    const last = i === poem.stanzas.length - 1;
    addTextBlock(ctx, inner, runs, { role: 'stanza', style: STYLES.stanza, spaceAfter: STYLES.stanza.leading, keepTogether: true, keepWithNext: last && Boolean(poem.author) });
  });
  if (poem.author) {
    const p = ctx.structure.add('P', div);
    const runs = [...plainRuns('— ', STYLES.poemAuthor, p), ...plainRuns(poem.author, { ...STYLES.poemAuthor, font: 'sansSemiBold' }, p)];
    if (poem.authorNote) runs.push(...plainRuns(`, ${poem.authorNote}`, STYLES.poemAuthor, p));
    addTextBlock(ctx, inner, runs, { role: 'attribution', style: STYLES.poemAuthor, spaceAfter: HALF });
  }
}
