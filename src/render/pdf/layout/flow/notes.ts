import type { Footnote } from '../../../../model/types.js';
import { blocksText } from '../../../../model/text.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import type { Run } from '../runs.js';
import { STYLES } from '../theme.js';
import type { TextBlock } from '../types.js';
import { makeTextBlock, type FlowContext } from './context.js';

const GUTTER = 12;

/**
 * A footnote as a block for the foot of the page: its number hung in a gutter, its text in
 * small type. Structure: a Note (with the footnote's id) under `parent`, beside the element
 * that calls it.
 */
export function noteBlock(footnote: Footnote, parent: string, ctx: FlowContext): TextBlock | undefined {
  const note = ctx.structure.add('Note', parent, { elementId: footnote.id });
  const lbl = ctx.structure.add('Lbl', note);
  const p = ctx.structure.add('P', note);
  const runs: Run[] = [];
  footnote.children.forEach((block, i) => {
    if (i > 0) runs.push({ text: '', style: STYLES.note, struct: p, hardBreak: true });
    runs.push(...(block.type === 'paragraph' ? inlineRuns(block.children, STYLES.note, p, ctx) : plainRuns(blocksText([block]), STYLES.note, p)));
  });
  const label = { runs: plainRuns(String(footnote.number), STYLES.noteNumber, lbl), gutter: GUTTER };
  return makeTextBlock(ctx, { x: GUTTER, width: ctx.geometry.column.width - GUTTER }, runs, { role: 'note', style: STYLES.note, anchors: [footnote.id] }, label);
}
