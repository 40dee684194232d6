import type { Block, ComparisonBlock, ComparisonTheme, Inline, TableBlock as ModelTable } from '../../../../model/types.js';
import { blocksText } from '../../../../model/text.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import { breakLines, lineMetrics } from '../line-breaker.js';
import type { Run } from '../runs.js';
import { COLOURS, HALF, LEADING, STYLES, type BlockStyle } from '../theme.js';
import type { CellLine, TableBlock, TableCell, TableColumn, TableRow } from '../types.js';
import type { FlowContext, Frame } from './context.js';

const PADDING = { top: 7, bottom: 8, left: 10, right: 10 };

/** One paragraph-like part of a cell: its runs, style, indent and an optional hung label. */
interface CellPart {
  runs: Run[];
  style: BlockStyle;
  indent: number;
  spaceBefore: number;
  label?: Run[];
}

/** Stack a cell's parts into positioned lines; returns the lines and the content height. */
function stackCell(parts: readonly CellPart[], width: number, ctx: FlowContext): { lines: CellLine[]; height: number } {
  const lines: CellLine[] = [];
  let y = 0;
  parts.forEach((part, index) => {
    if (index > 0) y += part.spaceBefore;
    const metrics = lineMetrics(part.style, ctx.measure);
    const broken = breakLines(part.runs, width - part.indent, ctx.measure, metrics);
    broken.forEach((line, i) => {
      let placed = line;
      if (i === 0 && part.label) {
        const label = breakLines(part.label, part.indent, ctx.measure, metrics)[0];
        const segments = (label?.segments ?? []).map((s) => ({ ...s, x: s.x - part.indent }));
        placed = { ...line, segments: [...segments, ...line.segments] };
      }
      lines.push({ x: part.indent, y, line: placed });
      y += line.height;
    });
  });
  return { lines, height: y };
}

function row(cells: { struct: string; parts: CellPart[] }[], columns: readonly TableColumn[], ctx: FlowContext): TableRow {
  const stacked = cells.map((cell, i) => {
    const inner = columns[i]!.width - PADDING.left - PADDING.right;
    const { lines, height } = stackCell(cell.parts, inner, ctx);
    return { cell: { struct: cell.struct, lines } satisfies TableCell, height };
  });
  const height = Math.max(0, ...stacked.map((s) => s.height)) + PADDING.top + PADDING.bottom;
  return { cells: stacked.map((s) => s.cell), height };
}

function table(ctx: FlowContext, columns: TableColumn[], head: TableRow, rows: TableRow[], anchors: string[]): TableBlock {
  return {
    kind: 'table',
    id: `${ctx.section.id}/table-${ctx.nextId()}`,
    section: ctx.section,
    columns,
    head,
    rows,
    cellPadding: PADDING,
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

/** A Markdown (GFM) table: equal columns across the text column, the first row as head. */
export function flowTable(block: ModelTable, frame: Frame, ctx: FlowContext): void {
  const [headCells, ...bodyRows] = block.rows;
  if (!headCells) return;
  const width = frame.width / headCells.length;
  const columns = headCells.map((_, i) => ({ x: frame.x + i * width, width }));
  const t = ctx.structure.add('Table', frame.struct);
  const cellsOf = (cells: Inline[][], parent: string, type: 'TH' | 'TD', style: BlockStyle) =>
    columns.map((_, i) => {
      const cell = ctx.structure.add(type, parent, type === 'TH' ? { scope: 'Column' } : {});
      return { struct: cell, parts: [{ runs: inlineRuns(cells[i] ?? [], style, cell, ctx), style, indent: 0, spaceBefore: 0 }] };
    });
  const headRow = ctx.structure.add('TR', ctx.structure.add('THead', t));
  const head = row(cellsOf(headCells, headRow, 'TH', STYLES.tableHead), columns, ctx);
  const tbody = ctx.structure.add('TBody', t);
  const rows = bodyRows.map((cells) => row(cellsOf(cells, ctx.structure.add('TR', tbody), 'TD', STYLES.tableText), columns, ctx));
  const item = table(ctx, columns, head, rows, ctx.pendingAnchors.splice(0));
  item.spaceBefore = HALF;
  item.spaceAfter = HALF;
  ctx.items.push(item);
}
