import type { OutlineEntry } from './types.js';

/**
 * Builds the PDF outline (bookmarks): one entry per section, its headings nested under it
 * by depth.
 */
export class OutlineBuilder {
  readonly entries: OutlineEntry[] = [];
  /** Open entries by level: [section, level-1 heading, level-2 heading, …]. */
  private open: OutlineEntry[] = [];

  /** Add a top-level entry (a section, the contents). */
  addSection(title: string, destination: string): void {
    const entry: OutlineEntry = { title, destination, children: [] };
    this.entries.push(entry);
    this.open = [entry];
  }

  /**
   * Add a heading of nesting level `level` under its section (1 right under the section
   * title: src/model/heading-nesting.ts), under the nearest shallower entry.
   */
  addHeading(level: number, title: string, destination: string): void {
    const entry: OutlineEntry = { title, destination, children: [] };
    const parentIndex = Math.min(level - 1, this.open.length - 1);
    const parent = this.open[parentIndex];
    if (!parent) {
      this.entries.push(entry);
      this.open = [entry];
      return;
    }
    parent.children.push(entry);
    this.open = [...this.open.slice(0, parentIndex + 1), entry];
  }
}
