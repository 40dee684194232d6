import type { Section } from '../model/types.js';
import { walkBlocks } from '../model/walk.js';

/** The lines a block covers in its file: from its first line to the last positioned node inside it. */
export interface BlockExtent {
  startLine: number;
  endLine: number;
}

/**
 * Every block of a section (nested ones too, parents before children) and every footnote,
 * with the lines it covers. A block's last line is the last line of any node inside it that
 * has a position (links, list items, attributions…), so every diagnostic about something
 * inside the block falls within its extent.
 */
export function blockExtents(section: Section): BlockExtent[] {
  const extents: BlockExtent[] = [];
  walkBlocks(section.blocks, (block) => extents.push({ startLine: block.source.line, endLine: lastLine(block, block.source.line) }));
  for (const footnote of section.footnotes) extents.push({ startLine: footnote.source.line, endLine: lastLine(footnote, footnote.source.line) });
  return extents;
}

/** The block that starts first after `line` (the outermost one when several start together). */
export function firstBlockAfter(extents: readonly BlockExtent[], line: number): BlockExtent | undefined {
  let best: BlockExtent | undefined;
  for (const extent of extents) {
    if (extent.startLine <= line) continue;
    if (!best || extent.startLine < best.startLine || (extent.startLine === best.startLine && extent.endLine > best.endLine)) best = extent;
  }
  return best;
}

/** The innermost block that holds `line`. */
export function blockHolding(extents: readonly BlockExtent[], line: number): BlockExtent | undefined {
  let best: BlockExtent | undefined;
  for (const extent of extents) {
    if (line < extent.startLine || line > extent.endLine) continue;
    if (!best || extent.endLine - extent.startLine < best.endLine - best.startLine) best = extent;
  }
  return best;
}

function lastLine(value: unknown, seen: number): number {
  if (Array.isArray(value)) return value.reduce<number>((max, v) => lastLine(v, max), seen);
  if (value === null || typeof value !== 'object') return seen;
  let max = seen;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'source' && child && typeof child === 'object' && typeof (child as { line?: unknown }).line === 'number') {
      max = Math.max(max, (child as { line: number }).line);
    } else if (typeof child === 'object') max = lastLine(child, max);
  }
  return max;
}

/**
 * The lines "belonging" to the outermost block that starts on `line`: from that line up to
 * the next block that starts after everything inside it. This also covers lines the model
 * dropped, such as an empty attribution ("— ") at the end of a quote.
 */
export function spanStartingAt(extents: readonly BlockExtent[], line: number): BlockExtent | undefined {
  const block = extents.filter((e) => e.startLine === line).sort((a, b) => b.endLine - a.endLine)[0];
  if (!block) return undefined;
  const next = extents.filter((e) => e.startLine > block.endLine).reduce((min, e) => Math.min(min, e.startLine), Infinity);
  return { startLine: block.startLine, endLine: next - 1 };
}
