import { COLOURS, STYLES, type PageGeometry } from './theme.js';
import { firstStrongDirection } from '../../../model/language.js';
import { plainRuns } from './inline-runs.js';
import { breakLines } from './line-breaker.js';
import type { Drawable, DrawnLine, Line, Measurer, PageLayout, PlacedPage, Segment, TableFragment, TableRow, TextBlock, TextStyle } from './types.js';

/** What turning placed pages into drawables needs. */
export interface ComposeContext {
  geometry: PageGeometry;
  measure: Measurer;
  /** Page number of a named destination (contents entries). */
  pageOf: (destination: string) => number | undefined;
  /** Left half of the running head: the report's title. */
  runningHead: string;
}

/**
 * Turn one placed page into drawables: decorations, running head and folio as artifacts;
 * the text in reading order, each note right after the text that calls it.
 */
export function composePage(placed: PlacedPage, number: number, ctx: ComposeContext): PageLayout {
  const { geometry } = ctx;
  const artifacts: Drawable[] = [];
  const content: Drawable[] = [];
  const top = geometry.top;
  const left = geometry.column.x;

  for (const { decoration, top: y1, bottom: y2 } of placed.decorations) {
    if (decoration.kind === 'panel') artifacts.push({ kind: 'rect', x: left + decoration.x, y: top + y1, width: decoration.width, height: y2 - y1, fill: decoration.fill });
    else artifacts.push({ kind: 'line', x1: left + decoration.x + decoration.width / 2, y1: top + y1, x2: left + decoration.x + decoration.width / 2, y2: top + y2, width: decoration.width, color: decoration.color });
  }
  artifacts.push(...runningHead(placed, number, ctx));
  if (placed.footnoteRuleY !== undefined) artifacts.push({ kind: 'line', x1: left, y1: top + placed.footnoteRuleY, x2: left + 72, y2: top + placed.footnoteRuleY, width: 0.5, color: COLOURS.muted });

  const emittedNotes = new Set<string>();
  for (const fragment of placed.fragments) {
    switch (fragment.kind) {
      case 'text': {
        const { block, from, to } = fragment;
        const x = left + block.x;
        if (from === 0) for (const name of block.anchors) content.push({ kind: 'destination', name, x, y: top + fragment.y });
        let y = top + fragment.y;
        for (let i = from; i < to; i++) {
          const line = block.lines[i]!;
          emitLine(line, x, y, ctx, artifacts, content);
          y += line.height;
        }
        // Notes follow the text that calls them in reading order, though drawn at the foot.
        for (let i = from; i < to; i++) {
          for (const id of block.lines[i]!.footnoteIds) {
            const note = placed.footnotes.find((n) => n.footnoteId === id);
            if (!note || emittedNotes.has(id)) continue;
            emittedNotes.add(id);
            emitBlock(note.block, left + note.block.x, top + note.y, ctx, artifacts, content);
          }
        }
        break;
      }
      case 'table':
        emitTable(fragment, ctx, artifacts, content);
        break;
      case 'image': {
        const { block } = fragment;
        const x = left + block.x;
        const y = top + fragment.y;
        for (const name of block.anchors) content.push({ kind: 'destination', name, x, y });
        const drawable: Drawable = { kind: 'image', x, y, width: block.width, height: block.height, image: block.image, struct: block.struct };
        (block.struct === null ? artifacts : content).push(drawable);
        break;
      }
      case 'ornament': {
        const mid = left + geometry.column.width / 2;
        const y = top + fragment.y + fragment.ornament.height / 2;
        artifacts.push({ kind: 'line', x1: mid - 24, y1: y, x2: mid + 24, y2: y, width: 1, color: fragment.ornament.color });
        break;
      }
    }
  }
  // Notes whose calling line is on the page always are; this only guards against losing one.
  for (const note of placed.footnotes) {
    if (!emittedNotes.has(note.footnoteId)) emitBlock(note.block, left + note.block.x, top + note.y, ctx, artifacts, content);
  }
  return { number, artifacts, content };
}

/** Emit every line of a block with its first line's top at `y`. */
export function emitBlock(block: TextBlock, x: number, y: number, ctx: ComposeContext, artifacts: Drawable[], content: Drawable[]): void {
  for (const name of block.anchors) content.push({ kind: 'destination', name, x, y });
  for (const line of block.lines) {
    emitLine(line, x, y, ctx, artifacts, content);
    y += line.height;
  }
}

/**
 * Emit a line's text; link annotations follow their text, one per link per line, and link
 * underlines go with the artifacts.
 */
export function emitLine(line: Line, x: number, top: number, ctx: ComposeContext, artifacts: Drawable[], content: Drawable[]): void {
  const baseline = top + line.baseline;
  const segments = line.segments.map((segment) => resolvePageNumber(segment, x, ctx));
  if (segments.some((s) => s.pageNumberOf)) artifacts.push(...leaders(line, x, top, ctx));
  const drawn: DrawnLine = { reordered: line.reordered === true };
  segments.forEach((segment, i) => {
    content.push({ kind: 'text', x: x + segment.x, baseline: baseline - segment.rise, text: segment.text, style: segment.style, struct: segment.struct, line: drawn, width: segment.width, ...(segment.shaping ? { shaping: segment.shaping } : {}) });
    if (segment.underline) {
      const y = baseline + segment.style.size * 0.14;
      artifacts.push({ kind: 'line', x1: x + segment.x, y1: y, x2: x + segment.x + segment.width, y2: y, width: 0.5, color: segment.style.color });
    }
    const link = segment.link;
    const next = segments[i + 1];
    if (link && next?.link?.struct !== link.struct) {
      // Segments are in reading order; right-to-left ones are placed leftwards, so take the extent.
      const parts = segments.filter((s) => s.link?.struct === link.struct);
      const x1 = x + Math.min(...parts.map((s) => s.x));
      const x2 = x + Math.max(...parts.map((s) => s.x + s.width));
      content.push({ kind: 'link', x: x1, y: top, width: x2 - x1, height: line.height, target: link.target, struct: link.struct, label: link.label });
    }
  });
}

/**
 * A contents entry's page number, set flush right at the column's edge with dot leaders
 * back to the entry's text (the leaders are artifacts: they say nothing).
 */
function resolvePageNumber(segment: Segment, x: number, ctx: ComposeContext): Segment {
  if (!segment.pageNumberOf) return segment;
  const text = String(ctx.pageOf(segment.pageNumberOf) ?? '');
  const width = ctx.measure.width(text, segment.style.font, segment.style.size);
  const right = ctx.geometry.column.x + ctx.geometry.column.width - x;
  return { ...segment, text, width, x: right - width };
}

/** Dot leaders between the end of an entry's text and its page number. */
function leaders(line: Line, x: number, top: number, ctx: ComposeContext): Drawable[] {
  const number = line.segments.find((s) => s.pageNumberOf);
  if (!number) return [];
  const textEnd = Math.max(0, ...line.segments.filter((s) => !s.pageNumberOf).map((s) => s.x + s.width));
  const numberText = String(ctx.pageOf(number.pageNumberOf!) ?? '');
  const numberX = ctx.geometry.column.x + ctx.geometry.column.width - x - ctx.measure.width(numberText, number.style.font, number.style.size);
  const style = { ...STYLES.contentsEntry, color: COLOURS.rule };
  const dot = ctx.measure.width('.', style.font, style.size);
  const step = dot * 3.2;
  // Leaders align on a grid across entries, like a typesetter's tab leaders.
  const first = Math.ceil((textEnd + 6) / step) * step;
  const count = Math.floor((numberX - 6 - first) / step);
  const out: Drawable[] = [];
  for (let i = 0; i < count; i++) out.push({ kind: 'text', x: x + first + i * step, baseline: top + line.baseline, text: '.', style, struct: null });
  return out;
}

function emitTable(fragment: TableFragment, ctx: ComposeContext, artifacts: Drawable[], content: Drawable[]): void {
  const { table } = fragment;
  const { geometry } = ctx;
  const left = geometry.column.x;
  const top = geometry.top;
  const x0 = left + table.columns[0]!.x;
  const last = table.columns[table.columns.length - 1]!;
  const width = last.x + last.width - table.columns[0]!.x;
  if (!fragment.repeatedHead) for (const name of table.anchors) content.push({ kind: 'destination', name, x: x0, y: top + fragment.headY });
  artifacts.push({ kind: 'rect', x: x0, y: top + fragment.headY, width, height: table.head.height, fill: table.headFill });
  // A repeated head is a visual aid only: the structure has the head once.
  const headContent = fragment.repeatedHead ? artifacts : content;
  emitRow(table.head, fragment.headY, table, ctx, artifacts, headContent, fragment.repeatedHead);
  fragment.rows.forEach(({ row, y }, i) => {
    emitRow(row, y, table, ctx, artifacts, content, false);
    if (i < fragment.rows.length - 1) artifacts.push({ kind: 'line', x1: x0, y1: top + y + row.height, x2: x0 + width, y2: top + y + row.height, width: 0.5, color: table.ruleColor });
  });
  const end = fragment.rows.length > 0 ? fragment.rows[fragment.rows.length - 1]! : undefined;
  const bottom = top + (end ? end.y + end.row.height : fragment.headY + table.head.height);
  artifacts.push({ kind: 'line', x1: x0, y1: bottom, x2: x0 + width, y2: bottom, width: 1, color: table.headFill });
  // The column divider runs the height of the fragment.
  for (const column of table.columns.slice(1)) {
    artifacts.push({ kind: 'line', x1: left + column.x, y1: top + fragment.headY + table.head.height, x2: left + column.x, y2: bottom, width: 0.5, color: table.ruleColor });
  }
}

function emitRow(row: TableRow, y: number, table: TableFragment['table'], ctx: ComposeContext, artifacts: Drawable[], content: Drawable[], asArtifact: boolean): void {
  const { geometry } = ctx;
  row.cells.forEach((cell, i) => {
    const column = table.columns[i]!;
    const cellX = geometry.column.x + column.x + table.cellPadding.left;
    const cellY = geometry.top + y + table.cellPadding.top;
    for (const { x, y: lineY, line } of cell.lines) {
      const shown = asArtifact ? { ...line, segments: line.segments.map((s) => ({ ...s, struct: null })) } : line;
      emitLine(shown, cellX + x, cellY + lineY, ctx, artifacts, content);
    }
  });
}

/** Space kept between the two halves of the running head. */
export const RUNNING_HEAD_GAP = 18;

/**
 * Running head (report title left, section right, a hairline under) and folio, as artifacts.
 * Both halves are measured and shortened with an ellipsis to share the wide measure, so
 * they never overprint each other or run past the margin, however long the titles. They are
 * set as every other line is (fallback fonts, shaping, their own direction).
 */
function runningHead(placed: PlacedPage, number: number, ctx: ComposeContext): Drawable[] {
  const { geometry, measure } = ctx;
  const style = STYLES.runningHead;
  const right = geometry.wide.x + geometry.wide.width;
  const widthOf = (text: string) => oneLine(text, style, measure)?.width ?? 0;
  const [leftRoom, rightRoom] = shareRunningHead(ctx.runningHead, placed.section?.runningTitle, geometry.wide.width, widthOf);
  const out: Drawable[] = [];
  const left = oneLine(fitText(ctx.runningHead, leftRoom, widthOf), style, measure);
  if (left) emitLine(left, geometry.wide.x, geometry.headBaseline, ctx, out, out);
  if (placed.section) {
    const title = oneLine(fitText(placed.section.runningTitle, rightRoom, widthOf), style, measure);
    if (title) emitLine(title, right - title.width, geometry.headBaseline, ctx, out, out);
  }
  out.push({ kind: 'line', x1: geometry.wide.x, y1: geometry.headBaseline + 7, x2: right, y2: geometry.headBaseline + 7, width: 0.5, color: COLOURS.rule });
  const folio = oneLine(String(number), STYLES.folio, measure);
  if (folio) emitLine(folio, right - folio.width, geometry.folioBaseline, ctx, out, out);
  return out;
}

/**
 * Text set on one line as wide as it is, in the direction of its first letter, its baseline
 * at the line's top (an artifact: no structure element); undefined for empty text.
 */
export function oneLine(text: string, style: TextStyle, measure: Measurer): Line | undefined {
  if (text === '') return undefined;
  const runs = plainRuns(text, style, null);
  const metrics = { height: 0, baseline: 0 };
  const [natural] = breakLines(runs, Infinity, measure, metrics);
  if (!natural || (firstStrongDirection(text) ?? 'ltr') === 'ltr') return natural;
  return breakLines(runs, natural.width, measure, metrics, 'rtl')[0];
}

/**
 * The widths the report title (left) and the section title (right) may take in a running
 * head `width` wide: each its own width when both fit; otherwise a title shorter than half
 * keeps its width and the other takes the rest; two long titles take half each.
 */
export function shareRunningHead(left: string, right: string | undefined, width: number, widthOf: (text: string) => number): [number, number] {
  if (right === undefined) return [width, 0];
  const room = Math.max(0, width - RUNNING_HEAD_GAP);
  const leftWidth = widthOf(left);
  const rightWidth = widthOf(right);
  if (leftWidth + rightWidth <= room) return [leftWidth, rightWidth];
  const half = room / 2;
  if (rightWidth <= half) return [room - rightWidth, rightWidth];
  if (leftWidth <= half) return [leftWidth, room - leftWidth];
  return [half, half];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shorten text to fit `width` with an ellipsis: at a word boundary where one leaves some of
 * the text, else between letters (a single long word). Empty when not even "…" fits.
 */
export function fitText(text: string, width: number, widthOf: (text: string) => number): string {
  const fits = (candidate: string) => widthOf(candidate) <= width;
  if (fits(text)) return text;
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[,:;·—–-]$/, '').trimEnd()}…`;
    if (fits(candidate)) return candidate;
  }
  const letters = [...graphemes.segment(text)].map((g) => g.segment);
  for (let n = letters.length - 1; n > 0; n--) {
    const candidate = `${letters.slice(0, n).join('').trimEnd()}…`;
    if (fits(candidate)) return candidate;
  }
  return fits('…') ? '…' : '';
}
