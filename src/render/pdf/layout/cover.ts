import type { ReportMeta } from '../../../model/types.js';
import { emitLine, type ComposeContext } from './compose.js';
import { breakLines, lineMetrics } from './line-breaker.js';
import { plainRuns } from './inline-runs.js';
import type { StructureTree } from './structure.js';
import { COLOURS, STYLES, type BlockStyle } from './theme.js';
import type { Drawable, PageLayout } from './types.js';

/**
 * The cover: title, subtitle (and the edition, when not the full report) reversed out of a
 * deep teal field; authors, funder, publisher and year below. No running head or folio. A
 * long title is set smaller so that it stays inside the field.
 */
export function coverPage(meta: ReportMeta, editionLabel: string | undefined, ctx: ComposeContext, structure: StructureTree, documentStruct: string): PageLayout {
  const { geometry, measure } = ctx;
  const sect = structure.add('Sect', documentStruct);
  const artifacts: Drawable[] = [];
  const content: Drawable[] = [];
  const x = geometry.wide.x;
  const width = geometry.wide.width;

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

  const { title, subtitle, top, fieldBottom } = coverTitleBlock(meta, editionLabel, geometry, heightOf);
  artifacts.unshift({ kind: 'rect', x: 0, y: 0, width: geometry.width, height: fieldBottom, fill: COLOURS.coverGround });
  let y = top;
  artifacts.push({ kind: 'rect', x, y: y - 22, width: 56, height: 5, fill: COLOURS.warm });
  y = set(meta.title, title, 'H1', y);
  if (meta.subtitle) y = set(meta.subtitle, subtitle, 'P', y + 6);
  if (editionLabel) set(editionLabel, STYLES.coverYear, 'P', y + 14);

  y = fieldBottom + 40;
  if (meta.authors.length > 0) y = set(`By ${joinNames(meta.authors)}`, STYLES.coverLine, 'P', y);
  if (meta.funder) y = set(`Funded by ${meta.funder}`, { ...STYLES.coverLine, color: COLOURS.muted }, 'P', y + 4);
  const imprint = [meta.publisher, meta.year].filter(Boolean).join(' · ');
  if (imprint) set(imprint, STYLES.coverPublisher, 'P', geometry.height - 64 - heightOf(imprint, STYLES.coverPublisher));
  return { number: 1, artifacts, content };
}

/** Title and subtitle sizes a long title steps down through, as fractions of the cover styles. */
const COVER_SCALES = [1, 0.82, 0.68, 0.56];

/**
 * Where the title block goes and how large: it sits a third of the way down a field that
 * covers 60 per cent of the page; a title too long for that is set smaller, moved up, and
 * at the last the field grows, so the title never runs out of the field into the text below.
 */
function coverTitleBlock(meta: ReportMeta, editionLabel: string | undefined, geometry: ComposeContext['geometry'], heightOf: (text: string, style: BlockStyle) => number) {
  const field = Math.round(geometry.height * 0.6);
  const highest = 72;
  const margin = 36;
  const scaled = (style: BlockStyle, scale: number): BlockStyle => ({ ...style, size: style.size * scale, leading: Math.round(style.leading * scale) });
  let fit: { title: BlockStyle; subtitle: BlockStyle; top: number; height: number } | undefined;
  for (const scale of COVER_SCALES) {
    const title = scaled(STYLES.coverTitle, scale);
    const subtitle = scaled(STYLES.coverSubtitle, scale);
    const height = heightOf(meta.title, title) + (meta.subtitle ? 6 + heightOf(meta.subtitle, subtitle) : 0) + (editionLabel ? 14 + heightOf(editionLabel, STYLES.coverYear) : 0);
    const top = Math.min(Math.round(field * 0.42), field - margin - height);
    fit = { title, subtitle, top: Math.max(highest, top), height };
    if (top >= highest) break;
  }
  const { title, subtitle, top, height } = fit!;
  return { title, subtitle, top, fieldBottom: Math.max(field, top + height + margin) };
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
