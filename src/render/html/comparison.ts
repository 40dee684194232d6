import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ComparisonBlock, ComparisonTheme } from '../../model/types.js';
import { renderListItemContent } from './blocks.js';
import { comparisonCaption } from './comparison-caption.js';
import { renderInlines } from './inlines.js';
import type { HtmlState } from './state.js';

/**
 * The comparison as a real table: the two sides are the column headers, each row pairs a
 * theme of one side with its counterpart on the other.
 */
export function renderComparison(comparison: ComparisonBlock, state: HtmlState): ElementContent {
  const side = (key: string) => [`comparison-${slugClass(key)}`];
  return h('table.comparison', { id: comparison.id }, [
    h('caption', comparisonCaption(comparison.left.headingText, comparison.right.headingText)),
    h('thead', [
      h('tr', [
        h('th', { scope: 'col', className: side(comparison.left.key) }, renderInlines(comparison.left.heading, state)),
        h('th', { scope: 'col', className: side(comparison.right.key) }, renderInlines(comparison.right.heading, state)),
      ]),
    ]),
    h(
      'tbody',
      comparison.pairs.map((pair) =>
        h('tr', [
          h('td', { className: side(comparison.left.key) }, renderTheme(pair.left, state)),
          h('td', { className: side(comparison.right.key) }, renderTheme(pair.right, state)),
        ]),
      ),
    ),
  ]);
}

function renderTheme(theme: ComparisonTheme, state: HtmlState): ElementContent[] {
  return [
    h('p.comparison-theme', theme.title),
    h('ul', theme.points.map((point) => h('li', renderListItemContent(point, state)))),
  ];
}

/** A side's key as a class name fragment ("mechanistic"), so the stylesheet can colour each side. */
function slugClass(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'side';
}
