/**
 * The PDF layout as data: what the pure layout step produces and the drawing layer draws.
 * Units are PDF points; y grows downwards from the top of the page (or of the text area,
 * where said).
 */

import type { FontKey } from '../../../fonts/faces.js';

/** The faces the layout may ask for; each heads a stack of fallbacks for what it lacks. */
export type { FontKey };

/** A face that draws text: a FontKey for lwr's own faces, or a fallback's id. */
export type FaceId = string;

export interface TextStyle {
  font: FontKey;
  size: number;
  /** `#rrggbb`. */
  color: string;
}

/** Measures text the way the drawing layer will set it. */
export interface Measurer {
  /** Advance width of `text` set left to right in `face` at `size` points. */
  width(text: string, face: FaceId, size: number): number;
  /** Ascender and descender (positive, below the baseline) as fractions of the font size. */
  metrics(face: FaceId): { ascent: number; descent: number };
  /**
   * The face of `font`'s stack (its own face, then the fallbacks) with a glyph for every
   * character of the grapheme cluster; undefined when no face has them all. `near` is the face
   * of the text just before: a fallback keeps the characters it has (punctuation after Hindi).
   */
  faceFor(cluster: string, font: FontKey, lang?: string, near?: FaceId): FaceId | undefined;
  /** Whether `font`'s own face has every character of `text`: ordinary text is then one item, without a look at each cluster. */
  ownFaceHas?(text: string, font: FontKey): boolean;
  /**
   * `text` shaped in one face, right to left when `rtl`: its width at `size`, and whether its
   * glyphs spell the text in order (when not, the PDF gives the text as ActualText).
   */
  shape(text: string, face: FaceId, size: number, rtl: boolean): { width: number; spelled: boolean };
}

/** Where a link goes: a named destination in this document, or a web address. */
export type LinkTarget = { kind: 'internal'; destination: string } | { kind: 'external'; url: string };

export interface SegmentLink {
  target: LinkTarget;
  /** The Link structure element the text and its annotation belong to. */
  struct: string;
  /** The link's whole text, for the annotation's description. */
  label: string;
}

/** Text on one line in one style, placed relative to its block's left edge. */
export interface Segment {
  text: string;
  style: TextStyle;
  x: number;
  width: number;
  /** Raise above the baseline (superscript footnote calls). */
  rise: number;
  /** Id of the structure element the text belongs to; null marks an artifact. */
  struct: string | null;
  link?: SegmentLink;
  underline?: boolean;
  /** Filled in when pages are known: the page number of this destination (contents entries). */
  pageNumberOf?: string;
  /** How the text is set when not simply left to right in the style's own face. */
  shaping?: Shaping;
}

/** A segment's face when a fallback draws it, its direction, and the text it stands for. */
export interface Shaping {
  /** The face that has the glyphs (a fallback of the style's font). */
  face?: FaceId;
  /** Set right to left: the glyphs come out in visual order. */
  rtl?: boolean;
  /** The text in reading order, when the glyphs alone do not spell it (reordered Indic vowels, emoji sequences). */
  actualText?: string;
  /** The text as written, when set right to left with its paired punctuation mirrored (`text` has `»` for `«`). */
  reading?: string;
}

export interface Line {
  segments: Segment[];
  /** Natural width of the set text. */
  width: number;
  /** Vertical advance of the line (its leading). */
  height: number;
  /** Distance from the line's top to its baseline. */
  baseline: number;
  /** Footnotes called on this line: they must sit at the foot of the same page. */
  footnoteIds: string[];
  /** The line has right-to-left text: its segments are drawn in another order than they are read. */
  reordered?: boolean;
}

export interface SectionRef {
  id: string;
  /** Shown in the running head. */
  runningTitle: string;
}

interface FlowItemBase {
  /** Stable id, for tests and debugging: `<section>/<what>-<n>`. */
  id: string;
  section: SectionRef;
  spaceBefore: number;
  spaceAfter: number;
}

/** What a block of lines is, so the paginator and tests can tell headings from paragraphs. */
export type BlockRole =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'attribution'
  | 'stanza'
  | 'label'
  | 'note'
  | 'contents-entry'
  | 'caption';

/** Lines stacked at one indent: a paragraph, a heading, a list item's paragraph… */
export interface TextBlock extends FlowItemBase {
  kind: 'text';
  role: BlockRole;
  /** Indent from the text column's left edge (may be negative: hung into the margin). */
  x: number;
  lines: Line[];
  /** Never the last thing on a page: at least the start of what follows comes with it. */
  keepWithNext: boolean;
  /** Never split across pages, unless it is taller than a page. */
  keepTogether: boolean;
  /** Starts a new page. */
  breakBefore: boolean;
  /** Named destinations at the block's top (section and heading anchors). */
  anchors: string[];
}

/** How a group of items is set off from the text around it. */
export type Decoration =
  | { kind: 'rule'; x: number; width: number; color: string }
  | { kind: 'panel'; x: number; width: number; fill: string };

/** Opens a group of items drawn with a decoration beside or behind them (quotes, panels). */
export interface GroupStart extends FlowItemBase {
  kind: 'group-start';
  decoration: Decoration;
  paddingTop: number;
  keepTogether: boolean;
  breakBefore: boolean;
  keepWithNext: boolean;
}

export interface GroupEnd extends FlowItemBase {
  kind: 'group-end';
  paddingBottom: number;
}

/** A line placed inside a table cell, relative to the cell's top-left corner. */
export interface CellLine {
  x: number;
  y: number;
  line: Line;
}

export interface TableCell {
  /** The TH or TD structure element. */
  struct: string;
  lines: CellLine[];
}

export interface TableRow {
  cells: TableCell[];
  height: number;
}

export interface TableColumn {
  /** Left edge relative to the text column. */
  x: number;
  width: number;
}

/** A table whose head is repeated on every page it runs onto. */
export interface TableBlock extends FlowItemBase {
  kind: 'table';
  columns: TableColumn[];
  head: TableRow;
  rows: TableRow[];
  cellPadding: { top: number; bottom: number; left: number; right: number };
  headFill: string;
  ruleColor: string;
  anchors: string[];
}

/** A small centred rule between passages (a thematic break). */
export interface Ornament extends FlowItemBase {
  kind: 'ornament';
  height: number;
  color: string;
}

/** Pushes what follows (to the end of the flow) to the foot of the page, when it fits there. */
export interface FootFill extends FlowItemBase {
  kind: 'foot-fill';
  breakBefore: boolean;
}

/** A figure's image file, drawn from the bytes the renderer was handed (never read from disk). */
export interface ImageSource {
  /** sha256 of the file: the key of its bytes. */
  sha256: string;
  format: 'png' | 'jpeg' | 'svg';
}

/** A figure's image, set at a fixed size; never split, kept with its caption. */
export interface ImageBlock extends FlowItemBase {
  kind: 'image';
  /** Indent from the text column's left edge. */
  x: number;
  width: number;
  height: number;
  image: ImageSource;
  /** The Figure structure element (it carries the alt text), or null: a decorative image, an artifact. */
  struct: string | null;
  keepWithNext: boolean;
  /** Named destinations at the image's top (the figure's anchor). */
  anchors: string[];
}

export type FlowItem = TextBlock | GroupStart | GroupEnd | TableBlock | Ornament | FootFill | ImageBlock;

// ---------------------------------------------------------------- pages

/** Lines `from` (inclusive) to `to` (exclusive) of a text block, with the first line's top at `y`. */
export interface TextFragment {
  kind: 'text';
  block: TextBlock;
  from: number;
  to: number;
  y: number;
}

/** Rows of a table on one page, under its head (repeated when `repeatedHead`). */
export interface TableFragment {
  kind: 'table';
  table: TableBlock;
  headY: number;
  repeatedHead: boolean;
  rows: { row: TableRow; y: number }[];
}

export interface OrnamentFragment {
  kind: 'ornament';
  ornament: Ornament;
  y: number;
}

export interface ImageFragment {
  kind: 'image';
  block: ImageBlock;
  y: number;
}

export type Fragment = TextFragment | TableFragment | OrnamentFragment | ImageFragment;

/** A footnote placed at the foot of a page; `y` is its first line's top in the text area. */
export interface PlacedFootnote {
  footnoteId: string;
  block: TextBlock;
  y: number;
}

export interface PlacedDecoration {
  decoration: Decoration;
  top: number;
  bottom: number;
}

/** One page of the text flow, coordinates relative to the text area's top-left corner. */
export interface PlacedPage {
  fragments: Fragment[];
  footnotes: PlacedFootnote[];
  decorations: PlacedDecoration[];
  /** Top of the footnote separator; absent when the page has no footnotes. */
  footnoteRuleY?: number;
  /** The section the page's running head names. */
  section?: SectionRef;
}

// ---------------------------------------------------------------- the drawn document

/** One line as drawn: its text drawables share it, so the text layer can read them together (src/render/pdf/layout/text-layer.ts). */
export interface DrawnLine {
  /** Set right to left, in part or whole. */
  reordered: boolean;
}

export type Drawable =
  | { kind: 'text'; x: number; baseline: number; text: string; style: TextStyle; struct: string | null; shaping?: Shaping; line?: DrawnLine; width?: number }
  | { kind: 'link'; x: number; y: number; width: number; height: number; target: LinkTarget; struct: string; label: string }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { kind: 'destination'; name: string; x: number; y: number }
  | { kind: 'image'; x: number; y: number; width: number; height: number; image: ImageSource; struct: string | null };

export interface PageLayout {
  /** 1-based page number, as printed. */
  number: number;
  /** Drawn first and marked as artifacts: running heads, folios, rules, panels. */
  artifacts: Drawable[];
  /** Drawn in reading order; every text belongs to a structure element. */
  content: Drawable[];
}

/** A node of the tagged-PDF structure tree. Children are ordered by first appearance in `content`. */
export interface StructNode {
  id: string;
  type: string;
  parent: string | null;
  /** Table header scope, Note ids, … */
  scope?: 'Column' | 'Row';
  elementId?: string;
  /** A Figure's alternative text. */
  alt?: string;
  /** The language of the element's text, when not the document's (`Lang`). */
  lang?: string;
}

export interface OutlineEntry {
  title: string;
  destination: string;
  children: OutlineEntry[];
}

export interface DocumentLayout {
  width: number;
  height: number;
  pages: PageLayout[];
  structure: StructNode[];
  outline: OutlineEntry[];
}
