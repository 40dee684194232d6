/**
 * The report model: the one contract between readers, checks, renderers and extractors.
 * Every node read from a file keeps its source position (1-based line and column in the
 * original file, front matter included).
 */

/** Version of the model's JSON form; bump the major on breaking changes. */
export const MODEL_VERSION = '1.5.0';

export interface SourcePosition {
  /** Path of the file as the user named it (relative to the working directory). */
  file: string;
  line: number;
  column: number;
  /** Where the node ends, when known: its last line, and the column just after its last character. */
  endLine?: number;
  endColumn?: number;
}

// ---------------------------------------------------------------- inline content

export interface TextInline { type: 'text'; value: string }
export interface StrongInline { type: 'strong'; children: Inline[] }
export interface EmphasisInline { type: 'emphasis'; children: Inline[] }
export interface DeleteInline { type: 'delete'; children: Inline[] }
export interface CodeInline { type: 'inlineCode'; value: string }
/** A hard line break (a trailing backslash in Markdown). */
export interface BreakInline { type: 'break' }
/**
 * Where an in-report link lands, resolved by the reader: from `#id`, from a link to another
 * content file (`40-methods.md`, which lands on that section) or to a heading in one
 * (`40-methods.md#interviews`).
 */
export interface InReportTarget {
  /** The anchor the link lands on: a section id, a heading id, or any other anchor. */
  anchor: string;
  /** The section that holds the anchor. */
  sectionId: string;
}

export interface LinkInline {
  type: 'link';
  /** The URL as written. */
  url: string;
  title?: string;
  /** Id of the entry in `Report.links`. */
  linkId: string;
  /** Set when the link lands inside the report (the same as its record's `target`). */
  target?: InReportTarget;
  children: Inline[];
  source: SourcePosition;
}
export interface FootnoteReferenceInline {
  type: 'footnoteReference';
  /** The label as written (`[^1]` → `1`). */
  label: string;
  /** Id of the footnote in `Report.footnotes`; absent when the footnote is not defined. */
  footnoteId?: string;
  /** Display number (order of first reference in the report); 0 when undefined. */
  number: number;
  source: SourcePosition;
}
/** A glossary term inside its definition (`:term[practitioners]`). */
export interface TermInline { type: 'term'; termId: string; children: Inline[] }
/**
 * Raw inline HTML from the content, one tag at a time as Markdown reads it; an element whose
 * content is not text (`<script>…</script>`, `<style>…</style>`) is one piece with its content.
 * Renderers must sanitise it or show it as text.
 */
export interface HtmlInline { type: 'html'; value: string; source?: SourcePosition }
/**
 * Words in another language than the report's (`:lang[Croeso]{lang=cy}`): every edition marks
 * them (HTML `lang`/`dir`, PDF `Lang`), and the PDF sets them right to left where `dir` says.
 */
export interface LanguageInline {
  type: 'language';
  /** A BCP 47 language tag (`cy`, `ar`, `zh-Hant`). */
  lang: string;
  /** As written, or from the language's script. */
  dir: 'ltr' | 'rtl';
  children: Inline[];
}

/** Image formats lwr publishes in every edition. */
export type ImageFormat = 'png' | 'jpeg' | 'svg';

/** An image file inside the content folder, as the loader read it (once). */
export interface ImageFile {
  /** Path inside the content folder, forward slashes (`images/logic-model.png`). */
  path: string;
  /** The format the file's bytes are (not its name). */
  format: ImageFormat;
  /** Intrinsic size in pixels as shown (JPEG orientation applied; SVG in CSS px). */
  width: number;
  height: number;
  /** sha256 of the file's bytes, hex: names the published copy and finds the bytes. */
  sha256: string;
  /** Size of the file in bytes. */
  bytes: number;
}

/** Why an image's file cannot be published; the `image-*` checks report it. */
export interface ImageProblem {
  kind: 'missing' | 'remote' | 'outside-content' | 'unsupported-format' | 'unreadable' | 'unsafe-svg' | 'over-limit';
  /** What is wrong, in words, naming the file. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/**
 * An image (`![alt](address "title")`). Empty alt marks a decorative image. `file` is present
 * when the file was read and can be published; `problem` says why not.
 */
export interface ImageInline {
  type: 'image';
  /** The address exactly as written. */
  url: string;
  alt: string;
  title?: string;
  file?: ImageFile;
  problem?: ImageProblem;
  source: SourcePosition;
}

export type Inline =
  | TextInline
  | StrongInline
  | EmphasisInline
  | DeleteInline
  | CodeInline
  | BreakInline
  | LinkInline
  | FootnoteReferenceInline
  | TermInline
  | HtmlInline
  | ImageInline
  | LanguageInline;

// ---------------------------------------------------------------- blocks

interface Positioned { source: SourcePosition }

export interface ParagraphBlock extends Positioned { type: 'paragraph'; children: Inline[] }
export interface HeadingBlock extends Positioned {
  type: 'heading';
  /**
   * The Markdown depth as written: 1 for `#`, 2 for `##` (the first level under the section
   * title), … 6 for `######`. Editions map depths to their own levels (README, "Heading levels").
   */
  depth: number;
  /** Anchor id, unique in the report (GitHub's slug rules, as github-slugger makes them). */
  id: string;
  /** Ids earlier versions of lwr gave this heading, where they differ: kept as extra anchors so published links still land. */
  aliases?: string[];
  text: string;
  children: Inline[];
}
export interface ListItem extends Positioned {
  children: Block[];
  /** A GFM task list item: true for `- [x]`, false for `- [ ]`; absent for an ordinary item. */
  checked?: boolean;
}
export interface ListBlock extends Positioned {
  type: 'list';
  ordered: boolean;
  start?: number;
  /**
   * CommonMark's loose list: items separated by blank lines, or an item holding blocks
   * separated by one. Its items' paragraphs are set apart as paragraphs; a tight list's are not.
   */
  loose: boolean;
  items: ListItem[];
}
export interface CodeBlock extends Positioned { type: 'code'; lang?: string; value: string }
export interface ThematicBreakBlock extends Positioned { type: 'thematicBreak' }
export interface HtmlBlock extends Positioned { type: 'html'; value: string }
export interface TableBlock extends Positioned {
  type: 'table';
  align: ('left' | 'right' | 'center' | null)[];
  /** First row is the header row. */
  rows: Inline[][][];
}

export interface Attribution {
  /** The attribution as written, without the leading dash. */
  text: string;
  children: Inline[];
  person?: string;
  role?: string;
  place?: string;
  source: SourcePosition;
}

/** Every blockquote is a quote; its attribution is the last paragraph when that starts with a dash. */
export interface QuoteBlock extends Positioned {
  type: 'quote';
  /** Stable id, also the HTML anchor: `<section-id>-quote-<n>`. */
  id: string;
  /** The quoted paragraphs, without the attribution. */
  children: Block[];
  attribution?: Attribution;
}

export interface ComparisonTheme extends Positioned {
  title: string;
  points: ListItem[];
}
export interface ComparisonSide {
  /** The side's heading, e.g. "Characteristics of **mechanistic** systems". */
  heading: Inline[];
  headingText: string;
  /** The emphasised word of the heading, lower-cased ("mechanistic"), or the heading text. */
  key: string;
}
export interface ComparisonBlock extends Positioned {
  type: 'comparison';
  id: string;
  left: ComparisonSide;
  right: ComparisonSide;
  pairs: { left: ComparisonTheme; right: ComparisonTheme }[];
}

export interface Force extends Positioned { name: string; id: string; children: Block[] }
export interface ForcesBlock extends Positioned {
  type: 'forces';
  variant: 'forces' | 'possibilities';
  forces: Force[];
}

export interface KeyLearningsBlock extends Positioned {
  type: 'keyLearnings';
  items: { number: number; children: Inline[]; text: string; source: SourcePosition }[];
}

export interface LoveLetter extends Positioned { name: string; role?: string; place?: string; text: string }
export interface LoveLettersBlock extends Positioned { type: 'loveLetters'; letters: LoveLetter[] }

export interface Publication extends Positioned {
  title: string;
  subtitle?: string;
  /** The bold title line(s) as written. */
  heading: Inline[];
  children: Block[];
}
export interface PublicationsBlock extends Positioned { type: 'publications'; items: Publication[] }

export interface GlossaryEntry extends Positioned {
  id: string;
  term: string;
  /** The paragraph that defines the term (it contains the term). */
  definition: Inline[];
  text: string;
}
export interface GlossaryBlock extends Positioned { type: 'glossary'; entries: GlossaryEntry[] }

export interface PoemBlock extends Positioned {
  type: 'poem';
  id: string;
  title: string;
  author?: string;
  authorNote?: string;
  stanzas: { lines: Inline[][]; source: SourcePosition }[];
}

/**
 * A figure: an image alone in its paragraph, or a `:::figure` directive holding the image, a
 * caption and a credit line. Numbered through the report; `id` is its anchor.
 */
export interface FigureBlock extends Positioned {
  type: 'figure';
  id: string;
  /** "Figure 3": numbered in reading order across the report. */
  number: number;
  image: ImageInline;
  /** The caption (may be empty). */
  caption: Inline[];
  /** Where the figure comes from (`— Source: …`), without the dash. */
  credit?: Inline[];
}

/** Blocks in another language than the report's (`:::lang{lang=ar}` … `:::`). */
export interface LanguageBlock extends Positioned {
  type: 'language';
  /** A BCP 47 language tag. */
  lang: string;
  /** As written, or from the language's script: right-to-left blocks are set from the right. */
  dir: 'ltr' | 'rtl';
  children: Block[];
}

export type Block =
  | ParagraphBlock
  | FigureBlock
  | HeadingBlock
  | ListBlock
  | CodeBlock
  | ThematicBreakBlock
  | HtmlBlock
  | TableBlock
  | QuoteBlock
  | ComparisonBlock
  | ForcesBlock
  | KeyLearningsBlock
  | LoveLettersBlock
  | PublicationsBlock
  | GlossaryBlock
  | PoemBlock
  | LanguageBlock;

// ---------------------------------------------------------------- sections and report

export type SectionKind = 'section' | 'learning' | 'glossary' | 'poem' | 'colophon';

export interface Footnote extends Positioned {
  /** Anchor id (`fn-1`). */
  id: string;
  label: string;
  /** Display number, in order of first reference. */
  number: number;
  sectionId: string;
  children: Block[];
  text: string;
}

export interface Section extends Positioned {
  id: string;
  title: string;
  kind: SectionKind;
  /** Present for learnings. */
  learning?: { number: number; attribution?: string };
  /** Editions this section is limited to; absent = every edition. */
  editions?: string[];
  /** From front matter, as written (`2024-03-12`). */
  date?: string;
  /** From front matter: what the section is about (kept in the model, not printed). */
  description?: string;
  /** From front matter (kept in the model, not printed). */
  tags?: string[];
  /** From front matter: who wrote the section (printed under its title). */
  authors?: string[];
  /** From front matter: the section's language, when it differs from the report's. */
  lang?: string;
  blocks: Block[];
  /** Footnotes defined in this section, in display order. */
  footnotes: Footnote[];
  /** lwr-ignore comments (and lwr.config.yaml's file ignores): which rule is silenced where. */
  ignores: IgnoreComment[];
}

/**
 * One rule silenced by a comment. `block` (the default, `<!-- lwr-ignore rule -->`): the next
 * block after `line`; `range` (`lwr-ignore-start` … `lwr-ignore-end`): from `line` to `endLine`,
 * or to the end of the file when the range is never closed; `file` (`lwr-ignore-file`, or an
 * lwr.config.yaml ignore): the whole file.
 */
export interface IgnoreComment {
  ruleId: string;
  line: number;
  scope?: 'block' | 'range' | 'file';
  endLine?: number;
}

export interface LinkRecord extends Positioned {
  id: string;
  /** The URL as written. */
  url: string;
  /** Where the link lands in the report, for `#id` links and links to content files that resolve. */
  target?: InReportTarget;
  /** Plain text of the link. */
  text: string;
  /**
   * `external` http(s), `email` mailto, `other` another scheme lwr publishes (tel, irc, ftp,
   * xmpp…), `unsafe` javascript/data/vbscript, `unknown` any other scheme (not published as a
   * link), `relative` a path, `internal` a #fragment, `placeholder` `#` or empty.
   */
  kind: 'placeholder' | 'internal' | 'external' | 'relative' | 'email' | 'unsafe' | 'other' | 'unknown';
  sectionId: string;
  /** True for `<https://…>` and bare URLs. */
  autolink: boolean;
}

export interface QuoteRecord {
  id: string;
  /**
   * Plain text, no Markdown. Paragraphs joined by a blank line; a line wrapped in the source
   * is joined with a space, a hard break (`\` at a line's end) stays a newline.
   */
  text: string;
  attribution?: string;
  person?: string;
  role?: string;
  place?: string;
  section: { id: string; title: string };
  /** The learning's number, when the quote is inside one. */
  learning?: number;
  source: SourcePosition;
}

export interface LearningRecord extends Positioned {
  number: number;
  sectionId: string;
  title: string;
  attribution?: string;
  quoteIds: string[];
}

export interface PersonAppearance {
  as: 'author' | 'designer' | 'quoted' | 'poet' | 'love-letter' | 'programme-manager';
  role?: string;
  place?: string;
  source?: SourcePosition;
}
export interface Person { id: string; name: string; appearances: PersonAppearance[] }

export interface PoemRecord extends Positioned {
  id: string;
  title: string;
  author?: string;
  sectionId: string;
  stanzaCount: number;
  lineCount: number;
}

/** A figure, listed in the report's `figures` index. */
export interface FigureRecord extends Positioned {
  id: string;
  number: number;
  sectionId: string;
  alt: string;
  /** Plain text of the caption and credit. */
  caption: string;
  credit?: string;
  /** The image's address as written, and its file when it was read. */
  url: string;
  file?: ImageFile;
}

export interface EditionConfig {
  id: string;
  title: string;
  formats: ('html' | 'pdf' | 'text')[];
  /** Section ids included; absent = all sections. */
  sections?: string[];
  exclude?: string[];
  pdf?: { pageSize?: 'A4' | 'Letter' };
  text?: { width?: number };
}

/** A font file named in report.yaml's `fonts:`, relative to the content folder. */
export interface FontSetting {
  file: string;
  source: SourcePosition;
}

export interface ReportMeta {
  title: string;
  subtitle?: string;
  year?: number;
  publisher?: string;
  authors: string[];
  designer?: string;
  funder?: string;
  programmeManager?: string;
  language: string;
  slug: string;
  /** The report's own font files (`fonts:` in report.yaml), tried before the system's when lwr's fonts lack a character. */
  fonts?: FontSetting[];
  /** Per-rule severity overrides from the report's config (`rules:`). */
  rules: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  editions: EditionConfig[];
  /** Where the metadata came from (report.yaml), when it came from a file. */
  source?: SourcePosition;
}

/** A content file left out of every edition by `draft: true` (or `published: false`). */
export interface DraftRecord {
  id: string;
  /** The front matter's title, when it has one. */
  title?: string;
  file: string;
}

export interface Report {
  version: string;
  meta: ReportMeta;
  sections: Section[];
  learnings: LearningRecord[];
  quotes: QuoteRecord[];
  footnotes: Footnote[];
  links: LinkRecord[];
  glossary: GlossaryEntry[];
  people: Person[];
  poems: PoemRecord[];
  /** Every figure, in reading order. */
  figures: FigureRecord[];
  /** Every anchor id in the report (sections, headings, quotes, footnotes, terms…). */
  anchors: string[];
  /** Files left out as drafts; absent when there are none. */
  drafts?: DraftRecord[];
}
