import type { Block, ComparisonBlock, ComparisonTheme, Inline, TableBlock as ModelTable } from '../../../../model/types.js';
import { blocksText } from '../../../../model/text.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import { breakLines, lineMetrics } from '../line-breaker.js';
import type { Run } from '../runs.js';
import { COLOURS, HALF, LEADING, STYLES, type BlockStyle } from '../theme.js';
import type { CellLine, TableBlock, TableCell, TableColumn, TableRow } from '../types.js';
import { runsDirection, type FlowContext, type Frame } from './context.js';
import { cellExtent, columnWidths, type ColumnExtent } from './table-columns.js';

const PADDING = { top: 7, bottom: 8, left: 10, right: 10 };

/** One paragraph-like part of a cell: its runs, style, indent and an optional hung label. */
interface CellPart {
  runs: Run[];
  style: BlockStyle;
  indent: number;
  spaceBefore: number;
  label?: Run[];
  /** How each line sits in the cell (a GFM column's `---:`); left when absent. */
  align?: ModelTable['align'][number];
}

/** Stack a cell's parts into positioned lines; returns the lines and the content height. */
function stackCell(parts: readonly CellPart[], width: number, ctx: FlowContext): { lines: CellLine[]; height: number } {
  const lines: CellLine[] = [];
  let y = 0;
  parts.forEach((part, index) => {
    if (index > 0) y += part.spaceBefore;
    const metrics = lineMetrics(part.style, ctx.measure);
    // A cell takes its direction from its first letter, as a paragraph does.
    const direction = runsDirection(part.runs) ?? ctx.direction;
    const broken = breakLines(part.runs, width - part.indent, ctx.measure, metrics, direction);
    broken.forEach((line, i) => {
      let placed = line;
      if (i === 0 && part.label) {
        const label = breakLines(part.label, part.indent, ctx.measure, metrics)[0];
        const segments = (label?.segments ?? []).map((s) => ({ ...s, x: s.x - part.indent }));
        placed = { ...line, segments: [...segments, ...line.segments] };
      }
      const room = Math.max(0, width - part.indent - line.width);
      // Right-to-left lines come set flush right (their start): a column's alignment moves them from there.
      const shift = direction === 'rtl' ? (part.align === 'left' ? -room : part.align === 'center' ? -room / 2 : 0) : part.align === 'right' ? room : part.align === 'center' ? room / 2 : 0;
      lines.push({ x: part.indent + shift, y, line: placed });
      y += line.height;
    });
  });
  return { lines, height: y };
}

function row(cells: { struct: string; parts: CellPart[] }[], columns: readonly TableColumn[], ctx: FlowContext, padding: TableBlock['cellPadding'] = PADDING): TableRow {
  const stacked = cells.map((cell, i) => {
    const inner = columns[i]!.width - padding.left - padding.right;
    const { lines, height } = stackCell(cell.parts, inner, ctx);
    return { cell: { struct: cell.struct, lines } satisfies TableCell, height };
  });
  const height = Math.max(0, ...stacked.map((s) => s.height)) + padding.top + padding.bottom;
  return { cells: stacked.map((s) => s.cell), height };
}

function table(ctx: FlowContext, columns: TableColumn[], head: TableRow, rows: TableRow[], anchors: string[], padding: TableBlock['cellPadding'] = PADDING): TableBlock {
  return {
    kind: 'table',
    id: `${ctx.section.id}/table-${ctx.nextId()}`,
    section: ctx.section,
    columns,
    head,
    rows,
    cellPadding: padding,
    headFill: COLOURS.accent,
    ruleColor: COLOURS.rule,
    spaceBefore: LEADING,
    spaceAfter: LEADING,
    anchors,
  };
}

/** Paragraph parts of a list item's blocks (a comparison point). */
function pointParts(blocks: readonly Block[], struct: string, label: Run[], ctx: FlowContext): CellPart[] {
  const parts: CellPart[] = [];
  for (const block of blocks) {
    const runs = block.type === 'paragraph' ? inlineRuns(block.children, STYLES.tableText, struct, ctx) : plainRuns(blocksText([block]), STYLES.tableText, struct);
    parts.push({ runs, style: STYLES.tableText, indent: 11, spaceBefore: 3, ...(parts.length === 0 ? { label } : {}) });
  }
  return parts;
}

/** A theme: its title, then its points as a bulleted list. */
function themeCell(theme: ComparisonTheme, td: string, ctx: FlowContext): CellPart[] {
  const title = ctx.structure.add('P', td);
  const parts: CellPart[] = [{ runs: plainRuns(theme.title, STYLES.tableTheme, title), style: STYLES.tableTheme, indent: 0, spaceBefore: 0 }];
  const list = ctx.structure.add('L', td);
  for (const point of theme.points) {
    const li = ctx.structure.add('LI', list);
    const lbl = ctx.structure.add('Lbl', li);
    const body = ctx.structure.add('LBody', li);
    const [first, ...rest] = pointParts(point.children, body, plainRuns('•', { ...STYLES.tableText, color: COLOURS.warm }, lbl), ctx);
    if (first) parts.push({ ...first, spaceBefore: 4 }, ...rest);
  }
  return parts;
}

/**
 * The comparison as a two-column table across the wide measure: the sides' headings as
 * column heads (repeated on every page the table runs onto), one row per pair of themes.
 */
export function flowComparison(block: ComparisonBlock, frame: Frame, ctx: FlowContext): void {
  const { geometry } = ctx;
  const offset = geometry.wide.x - geometry.column.x;
  const half = geometry.wide.width / 2;
  const columns: TableColumn[] = [
    { x: offset, width: half },
    { x: offset + half, width: half },
  ];
  const t = ctx.structure.add('Table', frame.struct);
  const thead = ctx.structure.add('THead', t);
  const headRow = ctx.structure.add('TR', thead);
  const head = row(
    [block.left, block.right].map((side) => {
      const th = ctx.structure.add('TH', headRow, { scope: 'Column' });
      return { struct: th, parts: [{ runs: inlineRuns(side.heading, STYLES.tableHead, th, ctx), style: STYLES.tableHead, indent: 0, spaceBefore: 0 }] };
    }),
    columns,
    ctx,
  );
  const tbody = ctx.structure.add('TBody', t);
  const rows = block.pairs.map((pair) => {
    const tr = ctx.structure.add('TR', tbody);
    return row(
      [pair.left, pair.right].map((theme) => {
        const td = ctx.structure.add('TD', tr);
        return { struct: td, parts: themeCell(theme, td, ctx) };
      }),
      columns,
      ctx,
    );
  });
  ctx.items.push(table(ctx, columns, head, rows, [...ctx.pendingAnchors.splice(0), block.id]));
}

/** Type sizes a table may step down to, as fractions of the table styles, before its words are cut. */
const TABLE_SCALES = [1, 0.9, 0.8, 0.72];

/** Where a table goes and how large its type is. */
interface TableFit {
  x: number;
  widths: number[];
  scale: number;
}

/**
 * Fit a table's columns: in the frame at full size when its longest words fit; else (at the
 * top level) across the wide measure; else in smaller type, down to 72 per cent. A table too
 * wide even then takes the wide measure at the smallest size, each column as wide as its
 * share of the longest words, and the line breaker cuts the words that are still too long:
 * no text ever runs past the margin.
 */
function fitTable(extents: readonly ColumnExtent[], frame: Frame, ctx: FlowContext): TableFit {
  const { geometry } = ctx;
  const topLevel = frame.x === 0 && frame.width >= geometry.column.width;
  const measures = [{ x: frame.x, width: frame.width }, ...(topLevel ? [{ x: geometry.wide.x - geometry.column.x, width: geometry.wide.width }] : [])];
  const scaled = (scale: number) => extents.map((e) => ({ min: e.min * scale, max: e.max * scale }));
  for (const scale of TABLE_SCALES) {
    for (const measure of scale === 1 ? measures : measures.slice(-1)) {
      const widths = columnWidths(scaled(scale), measure.width, (PADDING.left + PADDING.right) * scale);
      if (widths) return { x: measure.x, widths, scale };
    }
  }
  const last = measures.at(-1)!;
  const scale = TABLE_SCALES.at(-1)!;
  const mins = extents.map((e) => e.min * scale + (PADDING.left + PADDING.right) * scale);
  const total = mins.reduce((a, b) => a + b, 0);
  return { x: last.x, widths: mins.map((w) => (w / total) * last.width), scale };
}

const scaleStyle = (style: BlockStyle, scale: number): BlockStyle => (scale === 1 ? style : { ...style, size: style.size * scale, leading: style.leading * scale });
const scaleRuns = (runs: readonly Run[], scale: number): Run[] =>
  scale === 1 ? [...runs] : runs.map((run) => ({ ...run, style: { ...run.style, size: run.style.size * scale }, ...(run.rise ? { rise: run.rise * scale } : {}) }));

/**
 * A Markdown (GFM) table, the first row as head: columns as wide as their content asks (see
 * fitTable), each cell aligned as its column says (`---:` right, `:---:` centred, the head
 * too), the head repeated on every page the table runs onto.
 */
export function flowTable(block: ModelTable, frame: Frame, ctx: FlowContext): void {
  const [headCells, ...bodyRows] = block.rows;
  if (!headCells) return;
  const count = Math.max(...block.rows.map((r) => r.length));
  const t = ctx.structure.add('Table', frame.struct);
  const cellsOf = (cells: Inline[][], parent: string, type: 'TH' | 'TD', style: BlockStyle) =>
    Array.from({ length: count }, (_, i) => {
      const cell = ctx.structure.add(type, parent, type === 'TH' ? { scope: 'Column' } : {});
      return { struct: cell, runs: inlineRuns(cells[i] ?? [], style, cell, ctx) };
    });
  const headRow = ctx.structure.add('TR', ctx.structure.add('THead', t));
  const head = cellsOf(headCells, headRow, 'TH', STYLES.tableHead);
  const tbody = ctx.structure.add('TBody', t);
  const body = bodyRows.map((cells) => cellsOf(cells, ctx.structure.add('TR', tbody), 'TD', STYLES.tableText));
  // A head wraps rather than widen its column: it asks only for its longest word.
  const extents = Array.from({ length: count }, (_, i) => {
    const headExtent = cellExtent(head[i]!.runs, ctx.measure);
    const cells = [{ min: headExtent.min, max: headExtent.min }, ...body.map((r) => cellExtent(r[i]!.runs, ctx.measure))];
    return { min: Math.max(...cells.map((c) => c.min)), max: Math.max(...cells.map((c) => c.max)) };
  });
  const fit = fitTable(extents, frame, ctx);
  const padding = fit.scale === 1 ? PADDING : { top: PADDING.top * fit.scale, bottom: PADDING.bottom * fit.scale, left: PADDING.left * fit.scale, right: PADDING.right * fit.scale };
  const columns: TableColumn[] = [];
  fit.widths.reduce((x, width) => (columns.push({ x, width }), x + width), fit.x);
  const rowOf = (cells: { struct: string; runs: Run[] }[], base: BlockStyle) => {
    const style = scaleStyle(base, fit.scale);
    return row(cells.map((cell, i) => ({ struct: cell.struct, parts: [{ runs: scaleRuns(cell.runs, fit.scale), style, indent: 0, spaceBefore: 0, align: block.align[i] ?? null }] })), columns, ctx, padding);
  };
  const item = table(ctx, columns, rowOf(head, STYLES.tableHead), body.map((cells) => rowOf(cells, STYLES.tableText)), ctx.pendingAnchors.splice(0), padding);
  item.spaceBefore = HALF;
  item.spaceAfter = HALF;
  ctx.items.push(item);
}
