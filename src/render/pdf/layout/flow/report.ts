import { directionOf } from '../../../../model/language.js';
import type { Report } from '../../../../model/types.js';
import { destinationsOf, linkResolver } from '../anchors.js';
import { HeadingLevels } from '../heading-levels.js';
import { OutlineBuilder } from '../outline.js';
import type { StructureTree } from '../structure.js';
import type { PageGeometry } from '../theme.js';
import type { FlowItem, Measurer, OutlineEntry, TextBlock } from '../types.js';
import type { FlowContext } from './context.js';
import { noteBlock } from './notes.js';
import { flowSection } from './section.js';

export interface Flow {
  items: FlowItem[];
  /** Footnote blocks by footnote id, for the foot of the page that calls them. */
  notes: Map<string, TextBlock>;
  outline: OutlineEntry[];
}

/** Turn the report's sections into one flow of items for the paginator, under `documentStruct`. */
export function buildFlow(report: Report, geometry: PageGeometry, measure: Measurer, structure: StructureTree, documentStruct: string): Flow {
  const footnotes = new Map(report.footnotes.map((f) => [f.id, f]));
  for (const section of report.sections) for (const f of section.footnotes) footnotes.set(f.id, f);
  const notes = new Map<string, TextBlock>();
  let counter = 0;
  const placing = new Set<string>();
  const ctx: FlowContext = {
    measure,
    geometry,
    structure,
    outline: new OutlineBuilder(),
    items: [],
    notes,
    section: { id: 'report', runningTitle: report.meta.title },
    headingLevels: new HeadingLevels(),
    pendingAnchors: [],
    nextId: () => ++counter,
    direction: directionOf(report.meta.language),
    resolveLink: linkResolver(destinationsOf(report)),
    noteCalled: (footnoteId, citing) => {
      const footnote = footnotes.get(footnoteId);
      if (!footnote) return undefined;
      // A note may cite itself (or a note citing it): place each note once, never recursively.
      if (!notes.has(footnoteId) && !placing.has(footnoteId)) {
        placing.add(footnoteId);
        try {
          const block = noteBlock(footnote, structure.parentOf(citing) ?? documentStruct, ctx);
          if (block) notes.set(footnoteId, block);
        } finally {
          placing.delete(footnoteId);
        }
      }
      return footnote.number;
    },
  };
  report.sections.forEach((section, i) => flowSection(section, report.sections[i - 1], documentStruct, ctx, report.meta.language));
  return { items: ctx.items, notes, outline: ctx.outline.entries };
}
