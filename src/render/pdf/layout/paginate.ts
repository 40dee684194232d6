import { ORPHANS, WIDOWS } from './theme.js';
import type { CellLine, FlowItem, FootFill, GroupStart, ImageBlock, PlacedDecoration, PlacedPage, TableBlock, TableFragment, TableRow, TextBlock } from './types.js';

/** Space between the text and the footnote rule, and between two notes. */
export const NOTE_RULE_GAP = 14;
export const NOTE_GAP = 3;

const EPSILON = 0.01;

/** Height of some lines of a text block. */
export function linesHeight(block: TextBlock, from = 0, to = block.lines.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h += block.lines[i]!.height;
  return h;
}

interface OpenGroup {
  start: GroupStart;
  top: number;
  hasContent: boolean;
}

/**
 * Distribute flow items over pages of `bodyHeight` points, as a typesetter would:
 * - a heading (keep-with-next) is never the last thing on a page: it moves to the next page
 *   with at least the first lines of what follows;
 * - a paragraph split across pages leaves at least ORPHANS lines at the foot of the first
 *   page and carries at least WIDOWS lines to the next; otherwise it moves whole;
 * - keep-together blocks and groups (quotes, stanzas, panels) move whole where they fit on
 *   a page;
 * - a table breaks between rows, keeping two rows on each side of the break, and repeats
 *   its head on the next page;
 * - footnotes sit at the foot of the page whose line calls them: a line moves to the next
 *   page when its notes do not fit under it;
 * - space before a block is dropped at the top of a page.
 * Pure: the same items give the same pages.
 */
export function paginate(items: readonly FlowItem[], notes: ReadonlyMap<string, TextBlock>, bodyHeight: number, options: PaginateOptions = {}): PlacedPage[] {
  return new Paginator(items, notes, bodyHeight, options.grid ?? 0).run();
}

export interface PaginateOptions {
  /**
   * Blocks start on multiples of this many points from the top of the text area, so text
   * after a quote or a table comes back to the same rhythm as the rest of the page.
   */
  grid?: number;
}

class Paginator {
  private readonly pages: PlacedPage[] = [];
  private page: PlacedPage = emptyPage();
  private y = 0;
  private pending = 0;
  private noteHeight = 0;
  private readonly placedNotes = new Set<string>();
  private open: OpenGroup[] = [];
  private startsFlush = false;

  constructor(
    private readonly items: readonly FlowItem[],
    private readonly notes: ReadonlyMap<string, TextBlock>,
    private readonly bodyHeight: number,
    private readonly grid: number,
  ) {}

  run(): PlacedPage[] {
    this.pages.push(this.page);
    this.items.forEach((item, index) => {
      switch (item.kind) {
        case 'text':
          this.placeText(item, index);
          break;
        case 'group-start':
          this.openGroup(item, index);
          break;
        case 'group-end':
          this.closeGroup(item.paddingBottom, item.spaceAfter);
          break;
        case 'table':
          this.placeTable(item);
          break;
        case 'foot-fill':
          this.fillToFoot(index);
          break;
        case 'image':
          this.placeImage(item, index);
          break;
        case 'ornament': {
          const space = this.spaceBefore(item.spaceBefore);
          if (!this.fresh && this.y + space + item.height > this.available) this.newPage();
          this.y += this.fresh ? 0 : space;
          this.addFragment({ kind: 'ornament', ornament: item, y: this.y }, item);
          this.y += item.height;
          this.pending = item.spaceAfter;
          break;
        }
      }
    });
    this.finishPage();
    while (this.pages.length > 1 && this.pages[this.pages.length - 1]!.fragments.length === 0) this.pages.pop();
    return this.pages;
  }

  /** Nothing placed on this page yet. */
  private get fresh(): boolean {
    return this.page.fragments.length === 0;
  }

  /** Bottom of the space available for text: above the footnotes. */
  private get available(): number {
    return this.bodyHeight - this.noteHeight;
  }

  /** Space before an item: none at the top of a page; elsewhere enough to land on the grid. */
  private spaceBefore(space: number): number {
    if (this.startsFlush) {
      this.startsFlush = false;
      return 0;
    }
    if (this.fresh) return 0;
    return this.snapped(this.y, Math.max(this.pending, space));
  }

  /** The space to add at `y` so that, after at least `space`, the next item starts on the grid. */
  private snapped(y: number, space: number): number {
    if (this.grid <= 0) return space;
    return Math.ceil((y + space) / this.grid - EPSILON) * this.grid - y;
  }

  private newPage(): void {
    this.finishPage();
    this.page = emptyPage();
    this.pages.push(this.page);
    this.y = 0;
    this.pending = 0;
    this.noteHeight = 0;
    // Groups running over the break continue at the top of the new page.
    for (const group of this.open) {
      group.top = this.y;
      group.hasContent = false;
      this.y += group.start.paddingTop;
    }
  }

  private finishPage(): void {
    for (const group of this.open) {
      if (group.hasContent) this.page.decorations.push({ decoration: group.start.decoration, top: group.top, bottom: Math.min(this.y, this.available) });
    }
    if (this.page.footnotes.length > 0) {
      let y = this.bodyHeight - this.noteHeight;
      this.page.footnoteRuleY = y + NOTE_RULE_GAP / 2;
      y += NOTE_RULE_GAP;
      for (const note of this.page.footnotes) {
        note.y = y;
        y += linesHeight(note.block) + NOTE_GAP;
      }
    }
  }

  private addFragment(fragment: PlacedPage['fragments'][number], item: FlowItem): void {
    this.page.fragments.push(fragment);
    this.page.section ??= item.section;
    for (const group of this.open) group.hasContent = true;
  }

  // ------------------------------------------------------------ text

  private placeText(block: TextBlock, index: number): void {
    let space = this.spaceBefore(block.spaceBefore);
    if (block.breakBefore && !this.fresh) {
      this.newPage();
      space = 0;
    }
    const need = block.keepWithNext ? space + linesHeight(block) + this.minStart(index + 1, block.spaceAfter, this.y + space + linesHeight(block)) : block.keepTogether ? space + linesHeight(block) : 0;
    if (need > 0 && !this.fresh && need <= this.bodyHeight && this.y + need > this.available) {
      this.newPage();
      space = 0;
    }
    let from = 0;
    const n = block.lines.length;
    while (from < n) {
      const fit = this.linesThatFit(block, from, space);
      const remaining = n - from;
      if (fit >= remaining) {
        this.placeLines(block, from, n, space);
        break;
      }
      let take = Math.min(fit, remaining - WIDOWS);
      if (block.keepTogether || block.keepWithNext) take = 0;
      if (from === 0 && take < ORPHANS) take = 0;
      if (take <= 0) {
        if (!this.fresh) {
          this.newPage();
          space = 0;
          continue;
        }
        // Even a fresh page cannot meet the rules: set what fits rather than loop.
        take = Math.max(1, fit);
      }
      this.placeLines(block, from, from + take, space);
      from += take;
      this.newPage();
      space = 0;
    }
    this.pending = block.spaceAfter;
  }

  /** How many lines from `from` fit below the cursor (after `space`), their footnotes included. */
  private linesThatFit(block: TextBlock, from: number, space: number): number {
    let y = this.y + space;
    let noteHeight = this.noteHeight;
    const counted = new Set<string>();
    let count = 0;
    for (let i = from; i < block.lines.length; i++) {
      const line = block.lines[i]!;
      for (const id of line.footnoteIds) {
        if (this.placedNotes.has(id) || counted.has(id)) continue;
        const note = this.notes.get(id);
        if (!note) continue;
        noteHeight += (noteHeight === 0 ? NOTE_RULE_GAP : NOTE_GAP) + linesHeight(note);
        counted.add(id);
      }
      if (y + line.height > this.bodyHeight - noteHeight + EPSILON) break;
      y += line.height;
      count++;
    }
    return count;
  }

  private placeLines(block: TextBlock, from: number, to: number, space: number): void {
    this.y += space;
    this.addFragment({ kind: 'text', block, from, to, y: this.y }, block);
    this.y += linesHeight(block, from, to);
    for (let i = from; i < to; i++) {
      for (const id of block.lines[i]!.footnoteIds) {
        const note = this.notes.get(id);
        if (!note || this.placedNotes.has(id)) continue;
        this.noteHeight += (this.noteHeight === 0 ? NOTE_RULE_GAP : NOTE_GAP) + linesHeight(note);
        this.page.footnotes.push({ footnoteId: id, block: note, y: 0 });
        this.placedNotes.add(id);
      }
    }
  }

  /**
   * The least height that must fit below `y` for item `index` to start there: its first
   * lines (at least ORPHANS), or all of it when it is kept together, plus — for
   * keep-with-next items — the start of what follows. Grid snapping included.
   */
  private minStart(index: number, pendingSpace: number, y: number): number {
    const item = this.items[index];
    if (!item) return 0;
    const space = this.snapped(y, Math.max(pendingSpace, item.spaceBefore));
    switch (item.kind) {
      case 'text': {
        if (item.keepWithNext) {
          const own = space + linesHeight(item);
          return own + this.minStart(index + 1, item.spaceAfter, y + own);
        }
        if (item.keepTogether) return space + linesHeight(item);
        // A paragraph too short to leave ORPHANS lines here and WIDOWS there only moves whole.
        const unsplittable = item.lines.length < ORPHANS + WIDOWS;
        return space + linesHeight(item, 0, unsplittable ? item.lines.length : ORPHANS);
      }
      case 'group-start':
        if (item.keepTogether) return space + this.groupHeight(index, y + space);
        return space + item.paddingTop + this.minStart(index + 1, 0, y + space + item.paddingTop);
      case 'group-end':
      case 'foot-fill':
        return 0;
      case 'table':
        return space + tableStart(item);
      case 'ornament':
        return space + item.height;
      case 'image':
        return space + item.height + (item.keepWithNext ? this.minStart(index + 1, item.spaceAfter, y + space + item.height) : 0);
    }
  }

  /** Height of a group from its start (at `top`) to its matching end, set without page breaks. */
  private groupHeight(index: number, top: number): number {
    let depth = 0;
    let y = top;
    let pending = 0;
    for (let i = index; i < this.items.length; i++) {
      const item = this.items[i]!;
      const space = i === index ? 0 : this.snapped(y, Math.max(pending, item.spaceBefore));
      switch (item.kind) {
        case 'group-start':
          depth++;
          y += space + item.paddingTop;
          pending = 0;
          break;
        case 'group-end':
          depth--;
          y += item.paddingBottom;
          pending = item.spaceAfter;
          if (depth === 0) return y - top;
          break;
        case 'text':
          y += space + linesHeight(item);
          pending = item.spaceAfter;
          break;
        case 'table':
          y += space + item.head.height + item.rows.reduce((sum, row) => sum + row.height, 0);
          pending = item.spaceAfter;
          break;
        case 'ornament':
        case 'image':
          y += space + item.height;
          pending = item.spaceAfter;
          break;
        case 'foot-fill':
          break;
      }
    }
    return y - top;
  }

  /** Move the cursor down so the rest of the flow ends at the foot of the page, if it fits on one. */
  private fillToFoot(index: number): void {
    const fill = this.items[index] as FootFill;
    if (fill.breakBefore && !this.fresh) this.newPage();
    const up = (n: number) => (this.grid > 0 ? Math.ceil(n / this.grid - EPSILON) * this.grid : n);
    let height = 0;
    let pending = 0;
    const rest = this.items.slice(index + 1);
    for (const [i, item] of rest.entries()) {
      // Only plain text is pushed down; anything else flows as usual.
      if (item.kind !== 'text') return;
      // Grid snapping can only add space: round each step up so the text surely fits.
      if (i > 0) height = up(height + Math.max(pending, item.spaceBefore));
      height += i < rest.length - 1 ? up(linesHeight(item)) : linesHeight(item);
      pending = item.spaceAfter;
    }
    if (height > this.bodyHeight) return;
    if (this.y + height > this.available) this.newPage();
    const top = this.available - height;
    this.y = this.grid > 0 ? Math.floor(top / this.grid + EPSILON) * this.grid : top;
    this.pending = 0;
    // The next block starts exactly here: no space before it.
    this.startsFlush = true;
  }

  // ------------------------------------------------------------ images

  /**
   * An image is never split: it moves to the next page when it does not fit, together with
   * the start of what it is kept with (its caption).
   */
  private placeImage(image: ImageBlock, index: number): void {
    let space = this.spaceBefore(image.spaceBefore);
    const need = space + image.height + (image.keepWithNext ? this.minStart(index + 1, image.spaceAfter, this.y + space + image.height) : 0);
    if (!this.fresh && need <= this.bodyHeight && this.y + need > this.available) {
      this.newPage();
      space = 0;
    }
    this.y += space;
    this.addFragment({ kind: 'image', block: image, y: this.y }, image);
    this.y += image.height;
    this.pending = image.spaceAfter;
  }

  // ------------------------------------------------------------ groups

  private openGroup(start: GroupStart, index: number): void {
    let space = this.spaceBefore(start.spaceBefore);
    if (start.breakBefore && !this.fresh) {
      this.newPage();
      space = 0;
    }
    const height = start.keepTogether ? this.groupHeight(index, this.y + space) : 0;
    const need = start.keepTogether ? space + height : this.minStart(index, this.pending, this.y);
    // A group too tall for any page starts where it is and breaks like its contents.
    const fitsOnAPage = (start.keepTogether ? height : need) <= this.bodyHeight;
    if (!this.fresh && fitsOnAPage && this.y + need > this.available) {
      this.newPage();
      space = 0;
    }
    this.y += space;
    this.open.push({ start, top: this.y, hasContent: false });
    this.y += start.paddingTop;
    this.pending = 0;
  }

  private closeGroup(paddingBottom: number, spaceAfter: number): void {
    const group = this.open.pop();
    if (!group) return;
    this.y = Math.min(this.y + paddingBottom, this.available);
    if (group.hasContent) this.page.decorations.push({ decoration: group.start.decoration, top: group.top, bottom: this.y } satisfies PlacedDecoration);
    this.pending = spaceAfter;
  }

  // ------------------------------------------------------------ tables

  /**
   * A table breaks between rows, leaving at least TABLE_ROWS_KEPT body rows on each side of
   * a break (a table too short for that moves whole), and repeats its head on the next page.
   */
  private placeTable(table: TableBlock): void {
    let space = this.spaceBefore(table.spaceBefore);
    const start = tableStart(table);
    if (!this.fresh && start <= this.bodyHeight && this.y + space + start > this.available) {
      this.newPage();
      space = 0;
    }
    this.y += space;
    let fragment = this.tableFragment(table, false);
    const rows = table.rows;
    for (const [index, original] of rows.entries()) {
      let row: TableRow | undefined = original;
      // The last rows go over together: never one row alone at the top of a page.
      const rest = rows.slice(index, index + TABLE_ROWS_KEPT);
      const restHeight = rest.reduce((sum, r) => sum + r.height, 0);
      const lastRows = index + TABLE_ROWS_KEPT >= rows.length && rest.length === rows.length - index;
      if (lastRows && fragment.rows.length >= TABLE_ROWS_KEPT && restHeight <= this.bodyHeight - table.head.height && this.y + row.height <= this.available + EPSILON && this.y + restHeight > this.available + EPSILON) {
        this.newPage();
        fragment = this.tableFragment(table, true);
      }
      while (row) {
        if (this.y + row.height > this.available + EPSILON && fragment.rows.length > 0) {
          this.newPage();
          fragment = this.tableFragment(table, true);
        }
        const room = this.available - this.y;
        if (row.height > room + EPSILON) {
          // Taller than a whole page under the head: split the row between its lines.
          const [top, rest] = splitRow(row, room, table.cellPadding);
          fragment.rows.push({ row: top, y: this.y });
          this.y += top.height;
          row = rest;
          if (row) {
            this.newPage();
            fragment = this.tableFragment(table, true);
          }
          continue;
        }
        fragment.rows.push({ row, y: this.y });
        this.y += row.height;
        row = undefined;
      }
    }
    this.pending = table.spaceAfter;
  }

  private tableFragment(table: TableBlock, repeatedHead: boolean): TableFragment {
    const fragment: TableFragment = { kind: 'table', table, headY: this.y, repeatedHead, rows: [] };
    this.addFragment(fragment, table);
    this.y += table.head.height;
    return fragment;
  }
}

/** Body rows a table keeps on each side of a page break. */
export const TABLE_ROWS_KEPT = 2;

/**
 * What must fit where a table starts: its head and first TABLE_ROWS_KEPT rows, or the whole
 * table when it is too short to leave that many rows on each side of a break.
 */
function tableStart(table: TableBlock): number {
  const rows = table.rows.length < TABLE_ROWS_KEPT * 2 ? table.rows : table.rows.slice(0, TABLE_ROWS_KEPT);
  return table.head.height + rows.reduce((sum, row) => sum + row.height, 0);
}

function emptyPage(): PlacedPage {
  return { fragments: [], footnotes: [], decorations: [] };
}

/** Split a row at `height`: the lines that fit stay, the rest move to a new row. */
export function splitRow(row: TableRow, height: number, padding: TableBlock['cellPadding']): [TableRow, TableRow | undefined] {
  const limit = Math.max(0, height - padding.top - padding.bottom);
  const fits = (l: CellLine) => l.y + l.line.height <= limit + EPSILON;
  const topCells = row.cells.map((cell) => {
    const kept = cell.lines.filter(fits);
    // Always keep one line so the split makes progress.
    return { ...cell, lines: kept.length === 0 && cell.lines.length > 0 && row.cells.every((c) => !c.lines.some(fits)) ? cell.lines.slice(0, 1) : kept };
  });
  const restCells = row.cells.map((cell, i) => {
    const kept = new Set(topCells[i]!.lines);
    const rest = cell.lines.filter((l) => !kept.has(l));
    const shift = rest[0]?.y ?? 0;
    return { ...cell, lines: rest.map((l) => ({ ...l, y: l.y - shift })) };
  });
  const contentHeight = (cells: typeof topCells) => Math.max(0, ...cells.flatMap((c) => c.lines.map((l) => l.y + l.line.height)));
  const top: TableRow = { cells: topCells, height: contentHeight(topCells) + padding.top + padding.bottom };
  if (restCells.every((c) => c.lines.length === 0)) return [top, undefined];
  return [top, { cells: restCells, height: contentHeight(restCells) + padding.top + padding.bottom }];
}
