import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { buildFlow } from '../../src/render/pdf/layout/flow/report.js';
import { linesHeight, paginate } from '../../src/render/pdf/layout/paginate.js';
import { StructureTree } from '../../src/render/pdf/layout/structure.js';
import { HALF, type PageGeometry } from '../../src/render/pdf/layout/theme.js';
import type { Drawable, PlacedPage, TableFragment } from '../../src/render/pdf/layout/types.js';
import { FIXTURES, readContent } from '../support/report.js';
import { monospace } from './support/flow.js';

/** A small page: ten body lines, a 200 pt column (38 characters of body text in the monospace measurer). */
const SMALL: PageGeometry = {
  width: 300,
  height: 260,
  column: { x: 50, width: 200 },
  wide: { x: 30, width: 240 },
  top: 40,
  bodyHeight: 160,
  headBaseline: 20,
  folioBaseline: 245,
};

function fixture(name: string): Report {
  const { report, diagnostics } = readContent(path.join(FIXTURES, 'pdf', name));
  if (!report) throw new Error(`fixture ${name} could not be read: ${JSON.stringify(diagnostics)}`);
  return report;
}

/** The layout step up to pages: flow, then pagination on the small page. */
function placedPages(report: Report): PlacedPage[] {
  const structure = new StructureTree();
  const flow = buildFlow(report, SMALL, monospace, structure, structure.add('Document', null));
  return paginate(flow.items, flow.notes, SMALL.bodyHeight, { grid: HALF });
}

const texts = (drawables: readonly Drawable[]) => drawables.flatMap((d) => (d.kind === 'text' ? [d.text.trim()] : []));

describe('the layout of a heading that would land at the foot of a page', () => {
  const pages = placedPages(fixture('heading-at-page-end'));

  it('takes the heading to the next page, with its paragraph', () => {
    const headingPage = pages.findIndex((p) => p.fragments.some((f) => f.kind === 'text' && f.block.role === 'heading'));
    const next = pages[headingPage]!.fragments;
    expect(headingPage).toBe(1);
    expect(next[0]).toMatchObject({ kind: 'text', block: { role: 'heading' }, y: 0 });
    expect(next[1]).toMatchObject({ kind: 'text', block: { role: 'paragraph' }, from: 0 });
  });

  it('did so although the heading alone would have fitted', () => {
    const before = pages[0]!.fragments[pages[0]!.fragments.length - 1]!;
    const heading = pages[1]!.fragments[0]!;
    if (before.kind !== 'text' || heading.kind !== 'text') throw new Error('expected text on both pages');
    const end = before.y + linesHeight(before.block, before.from, before.to);
    expect(end + heading.block.spaceBefore + linesHeight(heading.block)).toBeLessThanOrEqual(SMALL.bodyHeight);
  });
});

describe('the layout of paragraphs meeting the foot of a page', () => {
  const pages = placedPages(fixture('widows-and-orphans'));

  it('runs over more than one page', () => {
    expect(pages.length).toBeGreaterThan(1);
  });

  it('never strands one line of a paragraph at the foot or the top of a page', () => {
    const fragments = pages.flatMap((p) => p.fragments).filter((f) => f.kind === 'text');
    const split = fragments.filter((f) => f.to - f.from < f.block.lines.length);
    expect(split.length).toBeGreaterThan(0);
    for (const f of split) expect(f.to - f.from, `${f.block.id} [${f.from},${f.to})`).toBeGreaterThanOrEqual(2);
  });

  it('starts every page on the grid and never overflows it', () => {
    for (const page of pages) {
      for (const f of page.fragments) {
        if (f.kind !== 'text') continue;
        expect(f.y % HALF).toBe(0);
        expect(f.y + linesHeight(f.block, f.from, f.to)).toBeLessThanOrEqual(SMALL.bodyHeight);
      }
    }
  });
});

describe('the layout of a comparison too long for one page', () => {
  const report = fixture('comparison-across-pages');
  const pages = placedPages(report);
  const tables = pages.flatMap((p, i) => p.fragments.filter((f): f is TableFragment => f.kind === 'table').map((f) => ({ page: i, f })));

  it('runs the table across pages, breaking between rows', () => {
    expect(new Set(tables.map((t) => t.page)).size).toBeGreaterThan(1);
    const rows = tables.flatMap((t) => t.f.rows.map((r) => r.row));
    const block = report.sections[0]!.blocks.find((b) => b.type === 'comparison');
    expect(rows).toHaveLength(block?.type === 'comparison' ? block.pairs.length : -1);
  });

  it('repeats the column heads on every page after the first', () => {
    expect(tables.map((t) => t.f.repeatedHead)).toEqual(tables.map((_, i) => i > 0));
  });

  it('tags the heads once: repeated heads are drawn as artifacts', () => {
    const layout = layoutDocument(report, monospace, { geometry: SMALL });
    const content = layout.pages.flatMap((p) => texts(p.content)).join(' ');
    const artifacts = layout.pages.flatMap((p) => texts(p.artifacts)).join(' ');
    expect(content.split('Characteristics of').length - 1).toBe(2);
    expect(artifacts).toContain('Characteristics of');
    // Both sides' themes, in reading order: a row's left cell, then its right cell.
    expect(content.indexOf('Separation')).toBeLessThan(content.indexOf('Connection'));
    expect(content.indexOf('Connection')).toBeLessThan(content.indexOf('Distance'));
    expect(content.indexOf('Presence')).toBeLessThan(content.indexOf('Certainty'));
  });
});

describe('the layout of a footnote', () => {
  const report = fixture('footnotes');
  const pages = placedPages(report);

  it('sets the note at the foot of the page that calls it', () => {
    const calling = pages.findIndex((p) => p.fragments.some((f) => f.kind === 'text' && f.block.lines.slice(f.from, f.to).some((l) => l.footnoteIds.length > 0)));
    expect(calling).toBeGreaterThanOrEqual(0);
    const notes = pages[calling]!.footnotes;
    expect(notes.map((n) => n.footnoteId)).toEqual([report.footnotes[0]!.id]);
    const last = notes[notes.length - 1]!;
    expect(last.y + linesHeight(last.block)).toBeLessThanOrEqual(SMALL.bodyHeight);
  });

  it('cuts a long address inside the note to fit the column', () => {
    const note = pages.flatMap((p) => p.footnotes)[0]!;
    for (const line of note.block.lines) expect(note.block.x + line.width).toBeLessThanOrEqual(SMALL.column.width + 0.01);
    expect(note.block.lines.map((l) => l.segments.map((s) => s.text).join('')).join('')).toContain('https://www.example.org/a/rather/long/address');
  });
});
