import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { flatText } from '../../model/text.js';
import { blocksDirection, inlinesDirection } from '../../model/language.js';
import type { Block, HeadingBlock, Inline, ListBlock, ListItem, TableBlock } from '../../model/types.js';
import { renderComparison } from './comparison.js';
import { inDirection, inOwnDirection } from './direction.js';
import { headingElement } from './heading-levels.js';
import { renderForces } from './forces.js';
import { renderGlossary } from './glossary.js';
import { renderFigure } from './image.js';
import { renderInlines } from './inlines.js';
import { renderKeyLearnings } from './key-learnings.js';
import { renderLoveLetters } from './love-letters.js';
import { renderPoem } from './poem.js';
import { renderPublications } from './publications.js';
import { renderQuote } from './quote.js';
import { integrateRawHtml, rawHtml } from './raw-html.js';
import type { HtmlState } from './state.js';

/** Blocks as HTML nodes, in reading order; their raw HTML parsed together, and sanitised. */
export function renderBlocks(blocks: readonly Block[], state: HtmlState): ElementContent[] {
  return integrateRawHtml(blocks.flatMap((block) => renderBlock(block, state)), { blocks: true });
}

function renderBlock(block: Block, state: HtmlState): ElementContent[] {
  switch (block.type) {
    case 'paragraph': {
      // A paragraph of nothing but HTML that sanitising removed would be an empty <p>.
      const [dir, children] = inOwnDirection(state, inlinesDirection(block.children), () => renderInlines(block.children, state));
      return children.length > 0 ? [h('p', dir, children)] : [];
    }
    case 'heading':
      return [renderHeading(block, state)];
    case 'figure':
      return [renderFigure(block, state)];
    case 'list':
      return [renderList(block, state)];
    case 'code':
      // As CommonMark writes it: every line of the block, each ending in a line break.
      // A long line scrolls sideways inside the block: tabindex lets a keyboard reach it to scroll.
      return [h('pre', { tabIndex: 0 }, [h('code', { className: block.lang ? [`language-${block.lang}`] : undefined }, block.value === '' ? '' : `${block.value}\n`)])];
    case 'thematicBreak':
      return [h('hr')];
    case 'html':
      // A block ends with its line, as CommonMark writes it: inside a raw <pre> the break shows.
      return [rawHtml(`${block.value}\n`)];
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
      return [h('div', { lang: block.lang, dir: block.dir }, inDirection(state, block.dir, () => renderBlocks(block.children, state)))];
  }
}

function renderHeading(heading: HeadingBlock, state: HtmlState): ElementContent {
  // An old id (before heading ids followed GitHub's rules) stays as an empty anchor inside the heading, so published links still land on it.
  const aliases = (heading.aliases ?? []).map((alias) => h('span', { id: alias }));
  const [dir, children] = inOwnDirection(state, inlinesDirection(heading.children), () => renderInlines(heading.children, state));
  return headingElement(state.headings.forContentHeading(heading.depth), { id: heading.id, ...dir }, [...aliases, ...children]);
}

/**
 * A list item's content. In a tight list its paragraphs are written without `<p>`, as
 * CommonMark writes them; in a loose list they are paragraphs. A task item starts with its
 * checkbox.
 */
export function renderListItemContent(item: ListItem, state: HtmlState, loose = false): ElementContent[] {
  const content = loose ? renderBlocks(item.children, state) : integrateRawHtml(item.children.flatMap((block) => (block.type === 'paragraph' ? renderInlines(block.children, state) : renderBlock(block, state))), { blocks: true });
  return item.checked === undefined ? content : withCheckbox(content, item.checked);
}

/** A task item's checkbox, read-only, before the item's first words. */
function withCheckbox(content: ElementContent[], checked: boolean): ElementContent[] {
  const box = h('input', { type: 'checkbox', disabled: true, checked, ariaLabel: checked ? 'done' : 'not done' });
  const [first, ...rest] = content;
  if (first?.type === 'element' && first.tagName === 'p') return [{ ...first, children: [box, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  return [box, { type: 'text', value: ' ' }, ...content];
}

function renderList(list: ListBlock, state: HtmlState): ElementContent {
  const items = list.items.map((item) => {
    const [dir, content] = inOwnDirection(state, blocksDirection(item.children), () => renderListItemContent(item, state, list.loose));
    return h('li', dir, content);
  });
  if (!list.ordered) return h('ul', items);
  return h('ol', { start: list.start !== undefined && list.start !== 1 ? list.start : undefined }, items);
}

/**
 * A GFM table: the first row is the header row, its cells column headers, each cell aligned
 * as its column says. The table sits in its own scrolling region, labelled by its column
 * heads and reachable by keyboard, so a wide table scrolls sideways inside it and never
 * makes the page scroll.
 */
function renderTable(table: TableBlock, state: HtmlState): ElementContent {
  const alignClass = (column: number) => {
    const align = table.align[column];
    return align ? [`align-${align}`] : undefined;
  };
  const [header, ...body] = table.rows;
  const heads = (header ?? []).map((cell) => flatText(cell)).filter(Boolean);
  const label = heads.length ? `Table: ${heads.join(', ')}` : 'Table';
  const cellOf = (tag: 'th' | 'td', cell: Inline[], c: number) => {
    const [dir, children] = inOwnDirection(state, inlinesDirection(cell), () => renderInlines(cell, state));
    return h(tag, { ...(tag === 'th' ? { scope: 'col' } : {}), className: alignClass(c), ...dir }, children);
  };
  return h('div.table-scroll', { role: 'region', ariaLabel: label, tabIndex: 0 }, [
    h('table.content-table', [
      header ? h('thead', [h('tr', header.map((cell, c) => cellOf('th', cell, c)))]) : undefined,
      body.length > 0 ? h('tbody', body.map((row) => h('tr', row.map((cell, c) => cellOf('td', cell, c))))) : undefined,
    ]),
  ]);
}
