import { diagnostic, hasFatal, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { blocksText, flatText } from '../model/text.js';
import { MODEL_VERSION, type DraftRecord, type FigureRecord, type LearningRecord, type LinkRecord, type Person, type PersonAppearance, type PoemRecord, type QuoteBlock, type QuoteRecord, type Report, type ReportMeta, type Section } from '../model/types.js';
import { walkBlocks, walkSectionInlines } from '../model/walk.js';
import { readConfig } from './config.js';
import { parseContentFile, type ParsedFile } from './front-matter.js';
import { resolveInReportLinks } from './in-report-links.js';
import type { LoadedContent, SourceFile } from './load.js';
import { readSection } from './section.js';
import { AnchorRegistry, slugify } from './slug.js';
import { didYouMean } from '../model/suggest.js';
import { lineForPath, yamlKeyLines } from './yaml-positions.js';

export interface ReadResult {
  /** Absent when the content has fatal problems (exit 2). */
  report?: Report;
  diagnostics: Diagnostic[];
}

type FrontMatterResult = ReturnType<typeof parseContentFile>;

/** Where front matter read before is kept between reads, by file path and text (lwr watch). */
export interface FrontMatterCache {
  get(key: string): FrontMatterResult | undefined;
  set(key: string, result: FrontMatterResult): void;
}

let frontMatterCache: FrontMatterCache | undefined;

/**
 * Keep each file's front matter as read, for long-running processes (lwr watch) where most
 * files do not change between rebuilds. Handed out as copies, so nothing read is shared.
 */
export function useFrontMatterCache(cache: FrontMatterCache | undefined): void {
  frontMatterCache = cache;
}

function frontMatterOf(file: SourceFile): FrontMatterResult {
  if (!frontMatterCache) return parseContentFile(file);
  const key = `${file.path}\u0000${file.text}`;
  const result = frontMatterCache.get(key) ?? parseContentFile(file);
  frontMatterCache.set(key, result); // also on a hit: the cache learns which results are still in use
  return structuredClone(result);
}

/**
 * Read loaded content into the report model. Every problem in every file is collected;
 * nothing is thrown for bad content.
 */
export function readReport(content: LoadedContent): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const config = readConfig(content.config);
  diagnostics.push(...config.diagnostics);

  // Pass 1: front matter of every file, so section ids are claimed before heading slugs.
  const anchors = new AnchorRegistry();
  const parsedFiles: { file: string; parsed: ParsedFile }[] = [];
  const drafts: DraftRecord[] = [];
  const firstSeen = new Map<string, string>();
  let unreadFiles = 0;
  for (const file of content.files) {
    const result = frontMatterOf(file);
    diagnostics.push(...result.diagnostics);
    if (!result.parsed) {
      unreadFiles++;
      continue;
    }
    const { id, title, draft } = result.parsed.frontMatter;
    if (draft) {
      drafts.push({ id, ...(title ? { title } : {}), file: file.path });
      continue;
    }
    if (!anchors.claim(id)) {
      diagnostics.push(diagnostic('duplicate-id', 'error', `section id "${id}" is already used by ${firstSeen.get(id)}`, { file: file.path, line: 2, column: 1 }, { fatal: true, hint: 'give each file its own id' }));
      continue;
    }
    firstSeen.set(id, file.path);
    parsedFiles.push({ file: file.path, parsed: result.parsed });
  }

  // Pass 2: bodies.
  const links: LinkRecord[] = [];
  const sections = parsedFiles.map(({ file, parsed }) => readSection(file, parsed, { anchors, links, diagnostics, ...(content.assets ? { assets: content.assets } : {}) })).filter((s): s is Section => s !== undefined);
  const meta = config.meta;
  // A file that could not be read may be the section an edition names: saying the section
  // does not exist would only repeat that file's own problem.
  if (meta && unreadFiles === 0 && sections.length === parsedFiles.length) diagnostics.push(...checkEditionSections(meta, sections, drafts, content.config?.text));
  if (!meta || hasFatal(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  keepHeadingAliases(sections, anchors);
  resolveInReportLinks(sections, links, anchors.all(), content.root);
  numberFootnotes(sections);
  const figures = numberFigures(sections);
  const quotes = indexQuotes(sections);
  const report: Report = {
    version: MODEL_VERSION,
    meta,
    sections,
    learnings: indexLearnings(sections, quotes),
    quotes,
    footnotes: sections.flatMap((s) => s.footnotes),
    links,
    glossary: sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'glossary' ? b.entries : []))),
    people: indexPeople(meta, sections),
    poems: indexPoems(sections),
    figures,
    anchors: anchors.all(),
  };
  if (drafts.length > 0) report.drafts = drafts;
  return { report, diagnostics: sortDiagnostics(diagnostics) };
}

/** Every section an edition names must exist; a draft's id counts (the draft is left out, not missing). */
function checkEditionSections(meta: ReportMeta, sections: Section[], drafts: readonly DraftRecord[], configText: string | undefined): Diagnostic[] {
  const ids = sections.map((s) => s.id);
  const draftIds = new Set(drafts.map((d) => d.id));
  const keyLines = configText ? yamlKeyLines(configText) : new Map<string, number>();
  const out: Diagnostic[] = [];
  meta.editions.forEach((edition, e) => {
    for (const list of ['sections', 'exclude'] as const) {
      (edition[list] ?? []).forEach((id, i) => {
        if (ids.includes(id) || draftIds.has(id)) return;
        const guess = didYouMean(id, ids);
        out.push(
          diagnostic('edition-section-missing', 'error', `edition "${edition.id}" names section "${id}", which does not exist`, { file: meta.source?.file, line: lineForPath(keyLines, ['editions', e, list, i]), column: 1 }, {
            fatal: true,
            hint: guess ? `did you mean "${guess}"?` : `sections: ${ids.join(', ')}`,
          }),
        );
      });
    }
  });
  return out;
}

/**
 * Keep a heading's old id (from before ids followed GitHub's rules) as an alias anchor, unless
 * another anchor now has that id: aliases are claimed after every real id, so they never
 * displace one.
 */
function keepHeadingAliases(sections: Section[], anchors: AnchorRegistry): void {
  for (const section of sections) {
    walkBlocks(section.blocks, (block) => {
      if (block.type !== 'heading' || !block.aliases) return;
      const kept = block.aliases.filter((alias) => anchors.claim(alias));
      if (kept.length) block.aliases = kept;
      else delete block.aliases;
    });
  }
}

/** Footnotes are numbered in the order they are first referenced across the report. */
function numberFootnotes(sections: Section[]): void {
  let next = 1;
  for (const section of sections) {
    const byLabel = new Map(section.footnotes.map((f) => [f.label, f]));
    walkSectionInlines(section, (inline) => {
      if (inline.type !== 'footnoteReference') return;
      const footnote = byLabel.get(inline.label);
      if (!footnote) return;
      if (footnote.number === 0) footnote.number = next++;
      inline.footnoteId = footnote.id;
      inline.number = footnote.number;
    });
    for (const footnote of section.footnotes) if (footnote.number === 0) footnote.number = next++;
    section.footnotes.sort((a, b) => a.number - b.number);
  }
}

/** Figures are numbered in reading order across the report ("Figure 3"), and listed. */
function numberFigures(sections: Section[]): FigureRecord[] {
  const records: FigureRecord[] = [];
  for (const section of sections) {
    walkBlocks([...section.blocks, ...section.footnotes.flatMap((f) => f.children)], (block) => {
      if (block.type !== 'figure') return;
      block.number = records.length + 1;
      const record: FigureRecord = { id: block.id, number: block.number, sectionId: section.id, alt: block.image.alt, caption: flatText(block.caption), url: block.image.url, source: block.source };
      if (block.credit) record.credit = flatText(block.credit);
      if (block.image.file) record.file = block.image.file;
      records.push(record);
    });
  }
  return records;
}

function sectionQuotes(section: Section): QuoteBlock[] {
  const quotes: QuoteBlock[] = [];
  walkBlocks(section.blocks, (block) => {
    if (block.type === 'quote') quotes.push(block);
  });
  return quotes;
}

function indexQuotes(sections: Section[]): QuoteRecord[] {
  return sections.flatMap((section) =>
    sectionQuotes(section).map((quote) => {
      const record: QuoteRecord = { id: quote.id, text: blocksText(quote.children, { joinLines: true }), section: { id: section.id, title: section.title }, source: quote.source };
      const a = quote.attribution;
      if (a) {
        record.attribution = a.text;
        if (a.person) record.person = a.person;
        if (a.role) record.role = a.role;
        if (a.place) record.place = a.place;
      }
      if (section.learning) record.learning = section.learning.number;
      return record;
    }),
  );
}

function indexLearnings(sections: Section[], quotes: QuoteRecord[]): LearningRecord[] {
  return sections
    .filter((s) => s.learning)
    .map((s) => {
      const record: LearningRecord = { number: s.learning!.number, sectionId: s.id, title: s.title, quoteIds: quotes.filter((q) => q.section.id === s.id).map((q) => q.id), source: s.source };
      if (s.learning!.attribution) record.attribution = s.learning!.attribution;
      return record;
    })
    .sort((a, b) => a.number - b.number);
}

function indexPoems(sections: Section[]): PoemRecord[] {
  return sections.flatMap((s) =>
    s.blocks.flatMap((b) => {
      if (b.type !== 'poem') return [];
      const record: PoemRecord = { id: b.id, title: b.title, sectionId: s.id, stanzaCount: b.stanzas.length, lineCount: b.stanzas.reduce((n, st) => n + st.lines.length, 0), source: b.source };
      if (b.author) record.author = b.author;
      return [record];
    }),
  );
}

/** Everyone the report names as author, designer, speaker, poet or love-letter recipient. */
function indexPeople(meta: ReportMeta, sections: Section[]): Person[] {
  const people = new Map<string, Person>();
  const add = (name: string, appearance: PersonAppearance) => {
    const id = slugify(name);
    const person = people.get(id) ?? { id, name, appearances: [] };
    person.appearances.push(appearance);
    people.set(id, person);
  };
  for (const author of meta.authors) add(author, { as: 'author' });
  if (meta.designer) add(meta.designer, { as: 'designer' });
  if (meta.programmeManager) add(meta.programmeManager, { as: 'programme-manager' });
  for (const section of sections) {
    walkBlocks(section.blocks, (block) => {
      if (block.type === 'quote' && block.attribution?.person) {
        const { person, role, place, source } = block.attribution;
        add(person, { as: 'quoted', ...(role ? { role } : {}), ...(place ? { place } : {}), source });
      } else if (block.type === 'poem' && block.author) {
        add(block.author, { as: 'poet', source: block.source });
      } else if (block.type === 'loveLetters') {
        for (const l of block.letters) add(l.name, { as: 'love-letter', ...(l.role ? { role: l.role } : {}), ...(l.place ? { place: l.place } : {}), source: l.source });
      }
    });
  }
  return [...people.values()];
}
