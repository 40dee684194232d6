import type { Report } from '../../../model/types.js';
import { composePage, type ComposeContext } from './compose.js';
import { CONTENTS_DESTINATION, contentsFlow } from './contents.js';
import { coverPage } from './cover.js';
import { buildFlow } from './flow/report.js';
import { sectionTitle } from './flow/section.js';
import { paginate } from './paginate.js';
import { StructureTree } from './structure.js';
import { withReadingOrderText } from './text-layer.js';
import { HALF, pageGeometry, type PageGeometry, type PageSize } from './theme.js';
import type { DocumentLayout, Measurer, PlacedPage } from './types.js';

export interface LayoutOptions {
  pageSize?: PageSize;
  /** Overrides the page size's geometry (tests use small pages). */
  geometry?: PageGeometry;
  /** Shown on the cover when the edition is not the full report. */
  editionLabel?: string;
}

/**
 * Lay out the whole document as data: cover, contents, then the sections; every page's
 * drawables, the structure tree and the outline. Pure: no pdfkit, no files.
 */
export function layoutDocument(report: Report, measure: Measurer, options: LayoutOptions = {}): DocumentLayout {
  const geometry = options.geometry ?? pageGeometry(options.pageSize ?? 'A4');
  const structure = new StructureTree();
  const documentStruct = structure.add('Document', null);
  const { meta } = report;
  const runningHead = [meta.title, meta.subtitle].filter(Boolean).join(' · ');
  const pageOfDestination = new Map<string, number>();
  const ctx: ComposeContext = { geometry, measure, runningHead, pageOf: (d) => pageOfDestination.get(d) };

  const cover = coverPage(meta, options.editionLabel, ctx, structure, documentStruct);
  const entries = report.sections.filter((s) => s.kind !== 'colophon').map((s) => ({ title: sectionTitle(s), destination: s.id, strong: s.kind === 'learning' }));
  const contents = paginate(contentsFlow(entries, geometry, measure, structure, documentStruct), new Map(), geometry.bodyHeight);
  const flow = buildFlow(report, geometry, measure, structure, documentStruct);
  const body = paginate(flow.items, flow.notes, geometry.bodyHeight, { grid: HALF });

  const placed = [...contents, ...body];
  placed.forEach((page, i) => recordDestinations(page, i + 2, pageOfDestination));
  // Where poppler would read right-to-left text out of order, the page carries it as ActualText.
  const pages = [cover, ...placed.map((page, i) => composePage(page, i + 2, ctx))].map(withReadingOrderText);
  return {
    width: geometry.width,
    height: geometry.height,
    pages,
    structure: structure.list(),
    outline: [{ title: 'Contents', destination: CONTENTS_DESTINATION, children: [] }, ...flow.outline],
  };
}

function recordDestinations(page: PlacedPage, number: number, into: Map<string, number>): void {
  for (const fragment of page.fragments) {
    if (fragment.kind === 'text' && fragment.from === 0) for (const name of fragment.block.anchors) into.set(name, number);
    if (fragment.kind === 'table' && !fragment.repeatedHead) for (const name of fragment.table.anchors) into.set(name, number);
    if (fragment.kind === 'image') for (const name of fragment.block.anchors) into.set(name, number);
  }
  for (const note of page.footnotes) for (const name of note.block.anchors) into.set(name, number);
}
