import type { ReportMeta } from '../../../model/types.js';
import { emitLine, type ComposeContext } from './compose.js';
import { breakLines, lineMetrics } from './line-breaker.js';
import { plainRuns } from './inline-runs.js';
import type { StructureTree } from './structure.js';
import { COLOURS, STYLES, type BlockStyle } from './theme.js';
import type { Drawable, PageLayout } from './types.js';

/**
 * The cover: title, subtitle (and the edition, when not the full report) reversed out of a
 * deep teal field; authors, funder, publisher and year below. No running head or folio.
 */
export function coverPage(meta: ReportMeta, editionLabel: string | undefined, ctx: ComposeContext, structure: StructureTree, documentStruct: string): PageLayout {
  const { geometry, measure } = ctx;
  const sect = structure.add('Sect', documentStruct);
  const artifacts: Drawable[] = [];
  const content: Drawable[] = [];
  const x = geometry.wide.x;
  const width = geometry.wide.width;
  const fieldBottom = Math.round(geometry.height * 0.6);
  artifacts.push({ kind: 'rect', x: 0, y: 0, width: geometry.width, height: fieldBottom, fill: COLOURS.coverGround });

  /** Set text at `y` (top of its first line); returns the y below it. */
  const set = (text: string, style: BlockStyle, type: string, y: number): number => {
    const struct = structure.add(type, sect);
    for (const line of breakLines(plainRuns(text, style, struct), width, measure, lineMetrics(style, measure))) {
      emitLine(line, x, y, ctx, artifacts, content);
      y += line.height;
    }
    return y;
  };
  const heightOf = (text: string, style: BlockStyle) => breakLines(plainRuns(text, style, null), width, measure, lineMetrics(style, measure)).length * style.leading;

  // Title block sits on a line a third of the way down the field, growing downwards.
  let y = Math.round(fieldBottom * 0.42);
  artifacts.push({ kind: 'rect', x, y: y - 22, width: 56, height: 5, fill: COLOURS.warm });
  y = set(meta.title, STYLES.coverTitle, 'H1', y);
  if (meta.subtitle) y = set(meta.subtitle, STYLES.coverSubtitle, 'P', y + 6);
  if (editionLabel) set(editionLabel, STYLES.coverYear, 'P', y + 14);

  y = fieldBottom + 40;
  if (meta.authors.length > 0) y = set(`By ${joinNames(meta.authors)}`, STYLES.coverLine, 'P', y);
  if (meta.funder) y = set(`Funded by ${meta.funder}`, { ...STYLES.coverLine, color: COLOURS.muted }, 'P', y + 4);
  const imprint = [meta.publisher, meta.year].filter(Boolean).join(' · ');
  if (imprint) set(imprint, STYLES.coverPublisher, 'P', geometry.height - 64 - heightOf(imprint, STYLES.coverPublisher));
  return { number: 1, artifacts, content };
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
