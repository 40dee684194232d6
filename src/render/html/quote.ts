import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Attribution, QuoteBlock } from '../../model/types.js';
import { blocksDirection, inlinesDirection } from '../../model/language.js';
import { attributionParts } from './attribution-parts.js';
import { inOwnDirection } from './direction.js';
import { renderBlocks } from './blocks.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/** A quote as `figure > blockquote + figcaption`, the figcaption carrying its attribution. */
export function renderQuote(quote: QuoteBlock, state: HtmlState): ElementContent {
  const [dir, blocks] = inOwnDirection(state, blocksDirection(quote.children), () => renderBlocks(quote.children, state));
  const attribution = quote.attribution;
  const [byDir, by] = attribution ? inOwnDirection(state, inlinesDirection(attribution.children), () => renderAttribution(attribution, state)) : [{}, undefined];
  return h('figure.quote', { id: quote.id }, [h('blockquote', dir, blocks), by ? h('figcaption', byDir, [by]) : undefined]);
}

/**
 * The attribution with its person, role and place marked up. When it carries formatting
 * (emphasis, a link) the formatting wins and the parts are not marked.
 */
function renderAttribution(attribution: Attribution, state: HtmlState): ElementContent {
  const plain = attribution.children.every((inline) => inline.type === 'text');
  if (!plain) return h('span.attribution', renderInlines(attribution.children, state));
  return h(
    'span.attribution',
    attributionParts(attribution).map((part) => (part.kind ? h(`span.attribution-${part.kind}`, part.text) : { type: 'text' as const, value: part.text })),
  );
}
