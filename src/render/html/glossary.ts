import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { GlossaryBlock } from '../../model/types.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/** The glossary as a description list; each term carries its anchor id from the model. */
export function renderGlossary(block: GlossaryBlock, state: HtmlState): ElementContent {
  return h(
    'dl.glossary',
    block.entries.flatMap((entry) => [
      h('dt', { id: entry.id }, [h('dfn', entry.term)]),
      h('dd', [h('p', renderInlines(entry.definition, state))]),
    ]),
  );
}
