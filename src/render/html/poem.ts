import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PoemBlock } from '../../model/types.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/**
 * A poem: a figure whose stanzas are paragraphs with a line break after every line but
 * the last, and whose caption names the author. The title is shown only when it differs
 * from the section heading above it.
 */
export function renderPoem(poem: PoemBlock, state: HtmlState): ElementContent {
  const showTitle = poem.title && poem.title !== state.section?.title;
  return h('figure.poem', { id: poem.id }, [
    showTitle ? h('p.poem-title', poem.title) : undefined,
    h(
      'div.poem-text',
      poem.stanzas.map((stanza) =>
        h(
          'p.stanza',
          stanza.lines.flatMap((line, index) => [
            ...(index > 0 ? [h('br')] : []),
            h('span.poem-line', renderInlines(line, state)),
          ]),
        ),
      ),
    ),
    poem.author || poem.authorNote
      ? h('figcaption.poem-author', [
          poem.author ? h('span.poem-author-name', poem.author) : undefined,
          poem.author && poem.authorNote ? ', ' : undefined,
          poem.authorNote ? h('span.poem-author-note', poem.authorNote) : undefined,
        ])
      : undefined,
  ]);
}
