import { firstStrongDirection } from '../../../../model/language.js';
import { breakLines, lineMetrics } from '../line-breaker.js';
import type { Run } from '../runs.js';
import type { InlineContext } from '../inline-runs.js';
import type { HeadingLevels } from '../heading-levels.js';
import type { OutlineBuilder } from '../outline.js';
import type { BlockStyle, PageGeometry } from '../theme.js';
import type { BlockRole, FlowItem, Measurer, SectionRef, TextBlock } from '../types.js';

/** Everything the flow builders share while turning one report into flow items. */
export interface FlowContext extends InlineContext {
  measure: Measurer;
  geometry: PageGeometry;
  outline: OutlineBuilder;
  items: FlowItem[];
  /** Footnote blocks by footnote id, made when first called. */
  notes: Map<string, TextBlock>;
  /** Set per section. */
  section: SectionRef;
  headingLevels: HeadingLevels;
  /** A list label waiting for the first block of its list item. */
  pendingLabel?: HungLabel;
  /** Named destinations waiting for the next block (a section's anchor before its first line). */
  pendingAnchors: string[];
  /** Counter for item ids. */
  nextId: () => number;
  /** The report's writing direction (from its language): paragraphs outside a language block are set in it. */
  direction: 'ltr' | 'rtl';
}

/** The little a text block needs from the flow: measuring, its section, an id counter. */
export type BlockContext = Pick<FlowContext, 'measure' | 'section' | 'nextId'> & Partial<Pick<FlowContext, 'direction'>>;

/** Where blocks are being placed: an indent and width inside the text column, and the structure parent. */
export interface Frame {
  x: number;
  width: number;
  struct: string;
  paragraph: BlockStyle;
  /** Set inside a block of another language (`:::lang`): its language and direction. */
  language?: { lang: string; dir: 'ltr' | 'rtl' };
}

export interface TextBlockOptions {
  role: BlockRole;
  style: BlockStyle;
  spaceBefore?: number;
  spaceAfter?: number;
  keepWithNext?: boolean;
  keepTogether?: boolean;
  breakBefore?: boolean;
  anchors?: string[];
}

/** A label hung in the gutter left of a block's first line (a list bullet, a note number). */
export interface HungLabel {
  runs: Run[];
  gutter: number;
}

/**
 * Break runs into a text block at the frame's indent and add it to the flow, with any list
 * label and destinations waiting for it. Returns undefined for empty text.
 */
export function addTextBlock(ctx: FlowContext, frame: Pick<Frame, 'x' | 'width' | 'language'>, runs: Run[], options: TextBlockOptions): TextBlock | undefined {
  const label = ctx.pendingLabel;
  const block = makeTextBlock(ctx, frame, runs, { ...options, anchors: [...ctx.pendingAnchors, ...(options.anchors ?? [])] }, label);
  if (!block) return undefined;
  ctx.pendingLabel = undefined;
  ctx.pendingAnchors = [];
  ctx.items.push(block);
  return block;
}

/** Break runs into a text block without adding it to the flow (footnotes). */
export function makeTextBlock(ctx: BlockContext, frame: Pick<Frame, 'x' | 'width' | 'language'>, runs: Run[], options: TextBlockOptions, label?: HungLabel): TextBlock | undefined {
  const direction = frame.language?.dir ?? runsDirection(runs) ?? ctx.direction ?? 'ltr';
  let lines = breakLines(runs, frame.width, ctx.measure, lineMetrics(options.style, ctx.measure), direction);
  if (lines.length === 0) return undefined;
  if (label) {
    const first = lines[0]!;
    const labelLine = breakLines(label.runs, label.gutter, ctx.measure, { height: first.height, baseline: first.baseline }, direction)[0];
    if (direction === 'rtl') {
      // Mirrored: the text indented from the right instead, the label hung in the gutter there.
      lines = lines.map((line) => ({ ...line, segments: line.segments.map((s) => ({ ...s, x: s.x - label.gutter })) }));
      const labelSegments = (labelLine?.segments ?? []).map((s) => ({ ...s, x: s.x + frame.width - label.gutter }));
      lines[0] = { ...lines[0]!, segments: [...labelSegments, ...lines[0]!.segments] };
    } else {
      const labelSegments = (labelLine?.segments ?? []).map((s) => ({ ...s, x: s.x - label.gutter }));
      lines[0] = { ...first, segments: [...labelSegments, ...first.segments] };
    }
  }
  return {
    kind: 'text',
    id: `${ctx.section.id}/${options.role}-${ctx.nextId()}`,
    section: ctx.section,
    role: options.role,
    x: frame.x,
    lines,
    spaceBefore: options.spaceBefore ?? 0,
    spaceAfter: options.spaceAfter ?? 0,
    keepWithNext: options.keepWithNext ?? false,
    keepTogether: options.keepTogether ?? false,
    breakBefore: options.breakBefore ?? false,
    anchors: options.anchors ?? [],
  };
}

/** Make sure at least `space` follows the last item added (the end of a list, a panel). */
export function ensureSpaceAfter(ctx: FlowContext, space: number): void {
  const last = ctx.items[ctx.items.length - 1];
  if (last) last.spaceAfter = Math.max(last.spaceAfter, space);
}

/**
 * The direction a paragraph takes from its first letter (UAX #9 rules P2 and P3), language
 * spans (isolates, in their own direction) passed over; undefined when it has no letter.
 */
export function runsDirection(runs: readonly Run[]): 'ltr' | 'rtl' | undefined {
  for (const run of runs) {
    if (run.language) continue;
    const found = firstStrongDirection(run.text);
    if (found) return found;
  }
  return undefined;
}
