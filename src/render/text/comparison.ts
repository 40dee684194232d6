import type { ComparisonBlock, ComparisonTheme } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { indent, stack } from './layout.js';
import { inlineText } from './inlines.js';
import { wrapText } from '../../model/wrap.js';

const SIDE_INDENT = 2;

/**
 * The two-column comparison read pair by pair: "Separation → Connection", then each side's
 * points under that side's heading.
 */
export function renderComparison(comparison: ComparisonBlock, width: number, env: TextEnv): string[] {
  const inner = Math.max(1, width - SIDE_INDENT);
  const side = (heading: string, theme: ComparisonTheme) => [
    ...wrapText(heading, inner),
    ...env.blocks([{ type: 'list', ordered: false, loose: false, items: theme.points, source: theme.source }], inner),
  ];
  const leftHeading = inlineText(comparison.left.heading, env);
  const rightHeading = inlineText(comparison.right.heading, env);
  return stack(
    comparison.pairs.map(({ left, right }) =>
      stack([
        wrapText(`${env.style.text(left.title)} ${env.style.arrow} ${env.style.text(right.title)}`, width),
        indent(side(leftHeading, left), SIDE_INDENT),
        indent(side(rightHeading, right), SIDE_INDENT),
      ]),
    ),
  );
}
