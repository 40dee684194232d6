import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PublicationsBlock } from '../../model/types.js';
import { renderBlocks } from './blocks.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/** A list of publications: title, subtitle, then the description. */
export function renderPublications(block: PublicationsBlock, state: HtmlState): ElementContent {
  return h(
    'ul.publications',
    block.items.map((publication) =>
      h('li.publication', [
        publication.subtitle
          ? h('p.publication-heading', [h('cite.publication-title', publication.title), h('span.publication-subtitle', publication.subtitle)])
          : h('p.publication-heading', [h('cite.publication-title', renderInlines(publication.heading, state))]),
        ...renderBlocks(publication.children, state),
      ]),
    ),
  );
}
