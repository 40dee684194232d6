import type { QuoteBlock } from '../../../../model/types.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import { COLOURS, HALF, LEADING, STYLES } from '../theme.js';
import { addTextBlock, type FlowContext, type Frame } from './context.js';
import { flowBlocks } from './blocks.js';

const INDENT = 18;

/**
 * A quote as a pull quote: larger italic text beside a warm rule, its attribution under it
 * in small sans. One Quote structure element holds the quoted paragraphs and the attribution.
 * Kept on one page where it fits.
 */
export function flowQuote(quote: QuoteBlock, frame: Frame, ctx: FlowContext): void {
  const q = ctx.structure.add('Quote', frame.struct);
  const base = { id: `${ctx.section.id}/quote-${ctx.nextId()}`, section: ctx.section };
  ctx.items.push({
    ...base,
    kind: 'group-start',
    decoration: { kind: 'rule', x: frame.x, width: 2.5, color: COLOURS.warm },
    paddingTop: 2,
    spaceBefore: LEADING,
    spaceAfter: 0,
    keepTogether: true,
    breakBefore: false,
    keepWithNext: false,
  });
  ctx.pendingAnchors.push(quote.id);
  const inner: Frame = { ...frame, x: frame.x + INDENT, width: frame.width - INDENT, struct: q, paragraph: STYLES.quote };
  flowBlocks(quote.children, inner, ctx);
  if (quote.attribution) {
    const p = ctx.structure.add('P', q);
    const runs = [...plainRuns('— ', STYLES.attribution, p), ...inlineRuns(quote.attribution.children, STYLES.attribution, p, ctx, frame.language)];
    addTextBlock(ctx, inner, runs, { role: 'attribution', style: STYLES.attribution, spaceBefore: HALF / 2 });
  }
  ctx.items.push({ ...base, id: `${base.id}-end`, kind: 'group-end', paddingBottom: 2, spaceBefore: 0, spaceAfter: LEADING });
}
