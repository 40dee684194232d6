import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Block, HeadingBlock, ListBlock, ListItem, TableBlock } from '../../model/types.js';
import { renderComparison } from './comparison.js';
import { renderForces } from './forces.js';
import { renderGlossary } from './glossary.js';
import { renderFigure } from './image.js';
import { renderInlines } from './inlines.js';
import { renderKeyLearnings } from './key-learnings.js';
import { renderLoveLetters } from './love-letters.js';
import { renderPoem } from './poem.js';
import { renderPublications } from './publications.js';
import { renderQuote } from './quote.js';
import { sanitizeContentHtml } from './sanitize.js';
import type { HtmlState } from './state.js';

/** Blocks as HTML nodes, in reading order. */
export function renderBlocks(blocks: readonly Block[], state: HtmlState): ElementContent[] {
  return blocks.flatMap((block) => renderBlock(block, state));
}

function renderBlock(block: Block, state: HtmlState): ElementContent[] {
  switch (block.type) {
    case 'paragraph': {
      // A paragraph of nothing but HTML that sanitising removed would be an empty <p>.
      const children = renderInlines(block.children, state);
      return children.length > 0 ? [h('p', children)] : [];
    }
    case 'heading':
      return [renderHeading(block, state)];
    case 'figure':
      return [renderFigure(block, state)];
    case 'list':
      return [renderList(block, state)];
    case 'code':
      return [h('pre', [h('code', { className: block.lang ? [`language-${block.lang}`] : undefined }, block.value)])];
    case 'thematicBreak':
      return [h('hr')];
    case 'html':
      return sanitizeContentHtml(block.value);
    case 'table':
      return [renderTable(block, state)];
    case 'quote':
      return [renderQuote(block, state)];
    case 'comparison':
      return [renderComparison(block, state)];
    case 'forces':
      return [renderForces(block, state)];
    case 'keyLearnings':
      return [renderKeyLearnings(block, state)];
    case 'loveLetters':
      return [renderLoveLetters(block)];
    case 'publications':
      return [renderPublications(block, state)];
    case 'glossary':
      return [renderGlossary(block, state)];
    case 'poem':
      return [renderPoem(block, state)];
    case 'language':
      return [h('div', { lang: block.lang, dir: block.dir }, renderBlocks(block.children, state))];
  }
}

function renderHeading(heading: HeadingBlock, state: HtmlState): ElementContent {
  const level = state.headings.forContentHeading(heading.depth);
  // An old id (before heading ids followed GitHub's rules) stays as an empty anchor inside the heading, so published links still land on it.
  const aliases = (heading.aliases ?? []).map((alias) => h('span', { id: alias }));
  return h(`h${level}`, { id: heading.id }, [...aliases, ...renderInlines(heading.children, state)]);
}

/** A list item's content; a single paragraph is written without the `<p>`, as Markdown's tight lists are. */
export function renderListItemContent(item: ListItem, state: HtmlState): ElementContent[] {
  const only = item.children.length === 1 ? item.children[0] : undefined;
  return only?.type === 'paragraph' ? renderInlines(only.children, state) : renderBlocks(item.children, state);
}

function renderList(list: ListBlock, state: HtmlState): ElementContent {
  const items = list.items.map((item) => h('li', renderListItemContent(item, state)));
  if (!list.ordered) return h('ul', items);
  return h('ol', { start: list.start !== undefined && list.start !== 1 ? list.start : undefined }, items);
}

/** A GFM table: the first row is the header row, its cells column headers. */
function renderTable(table: TableBlock, state: HtmlState): ElementContent {
  const alignClass = (column: number) => {
    const align = table.align[column];
    return align ? [`align-${align}`] : undefined;
  };
  const [header, ...body] = table.rows;
  return h('table.content-table', [
    header ? h('thead', [h('tr', header.map((cell, c) => h('th', { scope: 'col', className: alignClass(c) }, renderInlines(cell, state))))]) : undefined,
    h('tbody', body.map((row) => h('tr', row.map((cell, c) => h('td', { className: alignClass(c) }, renderInlines(cell, state)))))),
  ]);
}
