import type { FlowItem, ImageBlock, Line, Measurer, PlacedPage, TableBlock, TableRow, TextBlock } from '../../../src/render/pdf/layout/types.js';

/**
 * A measurer where every character is half an em wide and glyphs are 0.8 em up, 0.2 em down:
 * line counts in fixtures are easy to predict.
 */
export const monospace: Measurer = {
  width: (text, _font, size) => Array.from(text).length * size * 0.5,
  shape: (text, _face, size) => ({ width: Array.from(text).length * size * 0.5, spelled: true }),
  faceFor: (_cluster, font) => font,
  metrics: () => ({ ascent: 0.8, descent: 0.2 }),
};

/** Every spec page holds ten lines of ten points. */
export const LINE = 10;
export const PAGE = 10 * LINE;

const section = { id: 'spec', runningTitle: 'Spec' };

function lines(count: number, footnoteIds: (i: number) => string[] = () => []): Line[] {
  return Array.from({ length: count }, (_, i) => ({
    segments: [{ text: `line ${i + 1}`, style: { font: 'serif', size: 8, color: '#000000' }, x: 0, width: 30, rise: 0, struct: 'p' }],
    width: 30,
    height: LINE,
    baseline: 8,
    footnoteIds: footnoteIds(i),
  }));
}

/** A paragraph of `count` lines. */
export function paragraph(id: string, count: number, extra: Partial<TextBlock> = {}): TextBlock {
  return { kind: 'text', id, section, role: 'paragraph', x: 0, lines: lines(count), spaceBefore: 0, spaceAfter: 0, keepWithNext: false, keepTogether: false, breakBefore: false, anchors: [], ...extra };
}

/** A one-line heading, kept with what follows. */
export function heading(id: string, extra: Partial<TextBlock> = {}): TextBlock {
  return paragraph(id, 1, { role: 'heading', keepWithNext: true, ...extra });
}

/** A paragraph whose line `line` (0-based) calls footnote `footnoteId`. */
export function citing(id: string, count: number, line: number, footnoteId: string): TextBlock {
  return { ...paragraph(id, count), lines: lines(count, (i) => (i === line ? [footnoteId] : [])) };
}

/** A quote-like group holding `items`, kept together. */
export function keptGroup(id: string, items: FlowItem[]): FlowItem[] {
  return [
    { kind: 'group-start', id, section, decoration: { kind: 'rule', x: 0, width: 2, color: '#000000' }, paddingTop: 0, spaceBefore: 0, spaceAfter: 0, keepTogether: true, breakBefore: false, keepWithNext: false },
    ...items,
    { kind: 'group-end', id: `${id}-end`, section, paddingBottom: 0, spaceBefore: 0, spaceAfter: 0 },
  ];
}

function row(name: string, count: number): TableRow {
  return { height: count * LINE, cells: [{ struct: `td-${name}`, lines: lines(count).map((line, i) => ({ x: 0, y: i * LINE, line })) }] };
}

/** A one-column table: a one-line head and rows of the given line counts (no cell padding). */
export function table(id: string, rowLines: number[]): TableBlock {
  return {
    kind: 'table',
    id,
    section,
    columns: [{ x: 0, width: 100 }],
    head: row('head', 1),
    rows: rowLines.map((count, i) => row(String(i + 1), count)),
    cellPadding: { top: 0, bottom: 0, left: 0, right: 0 },
    headFill: '#000000',
    ruleColor: '#cccccc',
    spaceBefore: 0,
    spaceAfter: 0,
    anchors: [],
  };
}

/** A figure's image `lines` lines tall, kept with what follows (its caption). */
export function image(id: string, lines: number, extra: Partial<ImageBlock> = {}): ImageBlock {
  return { kind: 'image', id, section, x: 0, width: 100, height: lines * LINE, image: { sha256: id, format: 'png' }, struct: 'figure', keepWithNext: true, anchors: [], spaceBefore: 0, spaceAfter: 0, ...extra };
}

/** Each page as `id[from,to)` for text, `id{rows}` for tables: easy to read in a failing spec. */
export function summary(pages: readonly PlacedPage[]): string[][] {
  return pages.map((page) =>
    page.fragments.map((f) => {
      if (f.kind === 'text') return `${f.block.id}[${f.from},${f.to})`;
      if (f.kind === 'table') return `${f.table.id}${f.repeatedHead ? '(head again)' : ''}{${f.rows.map((r) => r.row.cells[0]!.struct.replace('td-', '')).join(',')}}`;
      if (f.kind === 'image') return `${f.block.id}(image)`;
      return f.kind;
    }),
  );
}
