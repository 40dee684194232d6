import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { KeyLearningsBlock } from '../../model/types.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/** The "three big things" summary: an ordered list keeping each learning's own number. */
export function renderKeyLearnings(block: KeyLearningsBlock, state: HtmlState): ElementContent {
  return h(
    'ol.key-learnings',
    block.items.map((item) => h('li', { value: item.number }, renderInlines(item.children, state))),
  );
}
