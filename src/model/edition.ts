import type { EditionConfig, Report } from './types.js';

/** The section ids an edition includes, in reading order. */
export function editionSectionIds(report: Report, edition: EditionConfig): string[] {
  return report.sections
    .filter((s) => (edition.sections ? edition.sections.includes(s.id) : true))
    .filter((s) => !(edition.exclude ?? []).includes(s.id))
    .filter((s) => (s.editions ? s.editions.includes(edition.id) : true))
    .map((s) => s.id);
}

/** The model narrowed to one edition: its sections, and the index entries that belong to them. */
export function selectEdition(report: Report, edition: EditionConfig): Report {
  const ids = new Set(editionSectionIds(report, edition));
  const inEdition = (sectionId: string) => ids.has(sectionId);
  // Entries by id, not by object: a model read back from JSON (the cache, lwr model) is not one object graph.
  const terms = new Set(report.sections.filter((s) => ids.has(s.id)).flatMap((s) => s.blocks.flatMap((b) => (b.type === 'glossary' ? b.entries.map((e) => e.id) : []))));
  return {
    ...report,
    sections: report.sections.filter((s) => ids.has(s.id)),
    learnings: report.learnings.filter((l) => inEdition(l.sectionId)),
    quotes: report.quotes.filter((q) => inEdition(q.section.id)),
    footnotes: report.footnotes.filter((f) => inEdition(f.sectionId)),
    links: report.links.filter((l) => inEdition(l.sectionId)),
    glossary: report.glossary.filter((g) => terms.has(g.id)),
    poems: report.poems.filter((p) => inEdition(p.sectionId)),
    figures: report.figures.filter((f) => inEdition(f.sectionId)),
  };
}

/** Where an edition's format goes inside the output folder: the full report at the top. */
export function editionFolder(editionId: string, format: string, primaryEditionId: string): string {
  return editionId === primaryEditionId ? format : `${editionId}/${format}`;
}
