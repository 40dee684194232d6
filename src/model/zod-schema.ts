import { z } from 'zod';
import * as T from './types.js';
import { MODEL_VERSION } from './types.js';

/**
 * The model as zod schemas, mirroring `types.ts` node for node: `lwr model --schema` (its JSON
 * Schema) is derived from them, and the type assertions at the end of this file fail to compile
 * when a schema and its interface disagree. `types.ts` stays the readable contract; a new node
 * goes there first, then here (the compiler says where).
 *
 * Loaded only where a schema is needed (`lwr model --schema`, the library's `modelJsonSchema`),
 * never on the path of a command that does not validate.
 */

const str = z.string();
const int = z.int();
const positive = z.int().min(1);
const strings = z.array(str);

const SourcePosition = z
  .strictObject({ file: str, line: positive, column: positive, endLine: positive.optional(), endColumn: positive.optional() })
  .meta({ id: 'SourcePosition' });
const source = SourcePosition;

// ---------------------------------------------------------------- inline content

const ImageFile = z
  .strictObject({ path: str, format: z.enum(['png', 'jpeg', 'svg']), width: positive, height: positive, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: positive })
  .meta({ id: 'ImageFile' });
const ImageProblem = z
  .strictObject({ kind: z.enum(['missing', 'remote', 'outside-content', 'unsupported-format', 'unreadable', 'unsafe-svg', 'over-limit']), message: str, hint: str.optional() })
  .meta({ id: 'ImageProblem' });
const ImageInline = z
  .strictObject({ type: z.literal('image'), url: str, alt: str, title: str.optional(), file: ImageFile.optional(), problem: ImageProblem.optional(), source })
  .meta({ id: 'Image' });

const InReportTarget = z.strictObject({ anchor: str, sectionId: str }).meta({ id: 'InReportTarget' });

const Inline = z
  .discriminatedUnion('type', [
    ImageInline,
    z.strictObject({ type: z.literal('text'), value: str }),
    z.strictObject({ type: z.literal('strong'), get children() { return Inlines; } }),
    z.strictObject({ type: z.literal('emphasis'), get children() { return Inlines; } }),
    z.strictObject({ type: z.literal('delete'), get children() { return Inlines; } }),
    z.strictObject({ type: z.literal('inlineCode'), value: str }),
    z.strictObject({ type: z.literal('break') }),
    z.strictObject({ type: z.literal('html'), value: str, source: source.optional() }),
    z.strictObject({ type: z.literal('term'), termId: str, get children() { return Inlines; } }),
    z.strictObject({ type: z.literal('link'), url: str, title: str.optional(), linkId: str, target: InReportTarget.optional(), get children() { return Inlines; }, source }),
    z.strictObject({ type: z.literal('footnoteReference'), label: str, footnoteId: str.optional(), number: int, source }),
    z.strictObject({ type: z.literal('language'), lang: str, dir: z.enum(['ltr', 'rtl']), get children() { return Inlines; } }),
  ])
  .meta({ id: 'Inline' });
const Inlines: z.ZodArray<typeof Inline> = z.array(Inline).meta({ id: 'Inlines' });

// ---------------------------------------------------------------- blocks

const ListItem = z.strictObject({ get children() { return Blocks; }, checked: z.boolean().optional(), source }).meta({ id: 'ListItem' });
const Attribution = z
  .strictObject({ text: str, children: Inlines, person: str.optional(), role: str.optional(), place: str.optional(), source })
  .meta({ id: 'Attribution' });
const ComparisonSide = z.strictObject({ heading: Inlines, headingText: str, key: str }).meta({ id: 'ComparisonSide' });
const ComparisonTheme = z.strictObject({ title: str, points: z.array(ListItem), source }).meta({ id: 'ComparisonTheme' });
const GlossaryEntry = z.strictObject({ id: str, term: str, definition: Inlines, text: str, source }).meta({ id: 'GlossaryEntry' });
const Footnote = z
  .strictObject({ id: str, label: str, number: int, sectionId: str, get children() { return Blocks; }, text: str, source })
  .meta({ id: 'Footnote' });

const Block = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('paragraph'), children: Inlines, source }),
    z.strictObject({ type: z.literal('figure'), id: str, number: positive, image: ImageInline, caption: Inlines, credit: Inlines.optional(), source }),
    z.strictObject({ type: z.literal('heading'), depth: z.int().min(1).max(6), id: str, aliases: strings.optional(), text: str, children: Inlines, source }),
    z.strictObject({ type: z.literal('list'), ordered: z.boolean(), start: int.optional(), loose: z.boolean(), items: z.array(ListItem), source }),
    z.strictObject({ type: z.literal('code'), lang: str.optional(), value: str, source }),
    z.strictObject({ type: z.literal('thematicBreak'), source }),
    z.strictObject({ type: z.literal('html'), value: str, source }),
    z.strictObject({ type: z.literal('table'), align: z.array(z.enum(['left', 'right', 'center']).nullable()), rows: z.array(z.array(Inlines)), source }),
    z.strictObject({ type: z.literal('quote'), id: str, get children() { return Blocks; }, attribution: Attribution.optional(), source }),
    z.strictObject({
      type: z.literal('comparison'),
      id: str,
      left: ComparisonSide,
      right: ComparisonSide,
      pairs: z.array(z.strictObject({ left: ComparisonTheme, right: ComparisonTheme })),
      source,
    }),
    z.strictObject({
      type: z.literal('forces'),
      variant: z.enum(['forces', 'possibilities']),
      forces: z.array(z.strictObject({ name: str, id: str, get children() { return Blocks; }, source })),
      source,
    }),
    z.strictObject({ type: z.literal('keyLearnings'), items: z.array(z.strictObject({ number: int, children: Inlines, text: str, source })), source }),
    z.strictObject({ type: z.literal('loveLetters'), letters: z.array(z.strictObject({ name: str, role: str.optional(), place: str.optional(), text: str, source })), source }),
    z.strictObject({
      type: z.literal('publications'),
      items: z.array(z.strictObject({ title: str, subtitle: str.optional(), heading: Inlines, get children() { return Blocks; }, source })),
      source,
    }),
    z.strictObject({ type: z.literal('glossary'), entries: z.array(GlossaryEntry), source }),
    z.strictObject({
      type: z.literal('poem'),
      id: str,
      title: str,
      author: str.optional(),
      authorNote: str.optional(),
      stanzas: z.array(z.strictObject({ lines: z.array(Inlines), source })),
      source,
    }),
    z.strictObject({ type: z.literal('language'), lang: str, dir: z.enum(['ltr', 'rtl']), get children() { return Blocks; }, source }),
  ])
  .meta({ id: 'Block' });
const Blocks: z.ZodArray<typeof Block> = z.array(Block).meta({ id: 'Blocks' });

// ---------------------------------------------------------------- sections and report

const IgnoreComment = z.strictObject({ ruleId: str, line: int, scope: z.enum(['block', 'range', 'file']).optional(), endLine: int.optional() });
const Section = z
  .strictObject({
    id: str,
    title: str,
    kind: z.enum(['section', 'learning', 'glossary', 'poem', 'colophon']),
    learning: z.strictObject({ number: int, attribution: str.optional() }).optional(),
    editions: strings.optional(),
    date: str.optional(),
    description: str.optional(),
    tags: strings.optional(),
    authors: strings.optional(),
    lang: str.optional(),
    blocks: Blocks,
    footnotes: z.array(Footnote),
    ignores: z.array(IgnoreComment),
    source,
  })
  .meta({ id: 'Section' });
const LinkRecord = z.strictObject({
  id: str,
  url: str,
  target: InReportTarget.optional(),
  text: str,
  kind: z.enum(['placeholder', 'internal', 'external', 'relative', 'email', 'unsafe', 'other', 'unknown']),
  sectionId: str,
  autolink: z.boolean(),
  source,
});
const QuoteRecord = z
  .strictObject({
    id: str,
    text: str,
    attribution: str.optional(),
    person: str.optional(),
    role: str.optional(),
    place: str.optional(),
    section: z.strictObject({ id: str, title: str }),
    learning: int.optional(),
    source,
  })
  .meta({ id: 'QuoteRecord' });
const LearningRecord = z.strictObject({ number: int, sectionId: str, title: str, attribution: str.optional(), quoteIds: strings, source });
const Person = z.strictObject({
  id: str,
  name: str,
  appearances: z.array(
    z.strictObject({ as: z.enum(['author', 'designer', 'quoted', 'poet', 'love-letter', 'programme-manager']), role: str.optional(), place: str.optional(), source: source.optional() }),
  ),
});
const PoemRecord = z.strictObject({ id: str, title: str, author: str.optional(), sectionId: str, stanzaCount: int, lineCount: int, source });
const FigureRecord = z.strictObject({ id: str, number: positive, sectionId: str, alt: str, caption: str, credit: str.optional(), url: str, file: ImageFile.optional(), source });
const EditionConfig = z.strictObject({
  id: str,
  title: str,
  formats: z.array(z.enum(['html', 'pdf', 'text'])),
  sections: strings.optional(),
  exclude: strings.optional(),
  pdf: z.strictObject({ pageSize: z.enum(['A4', 'Letter']).optional() }).optional(),
  text: z.strictObject({ width: int.optional() }).optional(),
});
const ReportMeta = z
  .strictObject({
    title: str,
    subtitle: str.optional(),
    year: int.optional(),
    publisher: str.optional(),
    authors: strings,
    designer: str.optional(),
    funder: str.optional(),
    programmeManager: str.optional(),
    language: str,
    slug: str,
    fonts: z.array(z.strictObject({ file: str, source })).optional(),
    rules: z.record(str, z.enum(['error', 'warning', 'info', 'off'])),
    editions: z.array(EditionConfig),
    source: source.optional(),
  })
  .meta({ id: 'ReportMeta' });

const Report = z
  .strictObject({
    version: z.literal(MODEL_VERSION),
    meta: ReportMeta,
    sections: z.array(Section),
    learnings: z.array(LearningRecord),
    quotes: z.array(QuoteRecord),
    footnotes: z.array(Footnote),
    links: z.array(LinkRecord),
    glossary: z.array(GlossaryEntry),
    people: z.array(Person),
    poems: z.array(PoemRecord),
    figures: z.array(FigureRecord),
    anchors: strings,
    drafts: z.array(z.strictObject({ id: str, title: str.optional(), file: str })).optional(),
  })
  .describe('lwr report model');

/** The whole model's zod schema (typed loosely here: its full inferred type is too large to declare). */
export const ReportSchema: z.ZodType = Report;

// ---------------------------------------------------------------- the schemas agree with types.ts

/** True when two types are the same (each property, optional or not, of the same type). */
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Agree<S extends z.ZodType, I> = Same<z.output<S>, I>;
/** Fails to compile unless every check is `true`; the failing name says which node drifted. */
function agree<_ extends Record<string, true>>(): void {}
agree<{
  SourcePosition: Agree<typeof SourcePosition, T.SourcePosition>;
  ImageFile: Agree<typeof ImageFile, T.ImageFile>;
  ImageProblem: Agree<typeof ImageProblem, T.ImageProblem>;
  ImageInline: Agree<typeof ImageInline, T.ImageInline>;
  Inline: Agree<typeof Inline, T.Inline>;
  ListItem: Agree<typeof ListItem, T.ListItem>;
  Attribution: Agree<typeof Attribution, T.Attribution>;
  Footnote: Agree<typeof Footnote, T.Footnote>;
  Block: Agree<typeof Block, T.Block>;
  Section: Agree<typeof Section, T.Section>;
  LinkRecord: Agree<typeof LinkRecord, T.LinkRecord>;
  QuoteRecord: Agree<typeof QuoteRecord, T.QuoteRecord>;
  LearningRecord: Agree<typeof LearningRecord, T.LearningRecord>;
  Person: Agree<typeof Person, T.Person>;
  PoemRecord: Agree<typeof PoemRecord, T.PoemRecord>;
  FigureRecord: Agree<typeof FigureRecord, T.FigureRecord>;
  EditionConfig: Agree<typeof EditionConfig, T.EditionConfig>;
  InReportTarget: Agree<typeof InReportTarget, T.InReportTarget>;
  ReportMeta: Agree<typeof ReportMeta, T.ReportMeta>;
  // The model's version is a constant in the schema and a string in the interface.
  Report: Same<Omit<z.output<typeof Report>, 'version'>, Omit<T.Report, 'version'>>;
}>();
