import type { TextStyle } from './types.js';

/**
 * The typographic design of the PDF edition in one place: page geometry, type scale,
 * spacing and colours. Spacing is in multiples of half the body leading (8 pt), so the text
 * keeps one vertical rhythm.
 */

export type PageSize = 'A4' | 'Letter';

/** Where things go on a page (points, y from the top). */
export interface PageGeometry {
  width: number;
  height: number;
  /** The text column. */
  column: { x: number; width: number };
  /** The wide measure (tables, running heads): the column plus the left margin's inner part. */
  wide: { x: number; width: number };
  /** Top of the text area and its height (a whole number of body lines). */
  top: number;
  bodyHeight: number;
  /** Baselines of the running head and of the folio. */
  headBaseline: number;
  folioBaseline: number;
}

/** Body leading: the unit of the vertical rhythm. */
export const LEADING = 16;
/** Half a line: the smallest step of vertical space. */
export const HALF = LEADING / 2;

const SIZES: Record<PageSize, [number, number]> = { A4: [595.28, 841.89], Letter: [612, 792] };

/** Page geometry for a page size: a measure of about 70 characters, set off-centre. */
export function pageGeometry(size: PageSize): PageGeometry {
  const [width, height] = SIZES[size];
  const outer = 64;
  const left = Math.round(width * 0.215);
  const right = Math.round(width * 0.145);
  const top = 84;
  const minBottom = 72;
  const bodyHeight = Math.floor((height - top - minBottom) / LEADING) * LEADING;
  return {
    width,
    height,
    column: { x: left, width: width - left - right },
    wide: { x: outer, width: width - outer - right },
    top,
    bodyHeight,
    headBaseline: 46,
    folioBaseline: height - 40,
  };
}

export const COLOURS = {
  ink: '#1e2427',
  muted: '#545c61',
  /** Deep teal: headings, links, table heads (6.9:1 on white). */
  accent: '#00606a',
  /** Burnt orange for labels and rules (5.2:1 on white). */
  warm: '#b4441c',
  panel: '#eef5f5',
  warmPanel: '#fbf1ec',
  rule: '#c5d3d5',
  white: '#ffffff',
  coverGround: '#00505a',
} as const;

/** Named text styles with their leading. */
export interface BlockStyle extends TextStyle {
  leading: number;
}

const style = (font: TextStyle['font'], size: number, leading: number, color: string = COLOURS.ink): BlockStyle => ({ font, size, leading, color });

export const STYLES = {
  body: style('serif', 10.5, LEADING),
  sectionTitle: style('sansSemiBold', 24, 30, COLOURS.accent),
  sectionLabel: style('sansBold', 10, LEADING, COLOURS.warm),
  sectionNote: style('serifItalic', 9.5, 14, COLOURS.muted),
  h2: style('sansSemiBold', 15, 20, COLOURS.accent),
  h3: style('sansSemiBold', 12.5, 18, COLOURS.ink),
  h4: style('sansBold', 11, LEADING, COLOURS.ink),
  h5: style('sansSemiBold', 10.5, LEADING, COLOURS.accent),
  h6: style('sansSemiBold', 10, LEADING, COLOURS.ink),
  h7: style('sans', 10, LEADING, COLOURS.muted),
  quote: style('serifItalic', 13, 19, COLOURS.accent),
  attribution: style('sans', 9.5, 14, COLOURS.muted),
  caption: style('sans', 9.5, 14, COLOURS.muted),
  captionLabel: style('sansSemiBold', 9.5, 14, COLOURS.accent),
  listLabel: style('sansBold', 10.5, LEADING, COLOURS.warm),
  keyLearning: style('serif', 13, 19, COLOURS.ink),
  keyNumber: style('sansBold', 22, 19, COLOURS.warm),
  publicationTitle: style('sansSemiBold', 11, LEADING, COLOURS.accent),
  loveName: style('sansSemiBold', 11, LEADING, COLOURS.ink),
  forceName: style('sansBold', 12, LEADING, COLOURS.accent),
  stanza: style('serif', 11.5, 18, COLOURS.ink),
  poemAuthor: style('sans', 10, 15, COLOURS.muted),
  tableHead: style('sansSemiBold', 10.5, 14, COLOURS.white),
  tableTheme: style('sansBold', 10, 14, COLOURS.accent),
  tableText: style('serif', 9.5, 13, COLOURS.ink),
  note: style('serif', 8, 11, COLOURS.ink),
  noteNumber: style('sansBold', 8, 11, COLOURS.accent),
  code: style('mono', 8.5, 13, COLOURS.ink),
  colophon: style('sans', 9, 13, COLOURS.muted),
  contentsEntry: style('sans', 11, 17, COLOURS.ink),
  contentsLearning: style('sansSemiBold', 11, 17, COLOURS.ink),
  runningHead: style('sans', 8, 10, COLOURS.muted),
  folio: style('sansSemiBold', 8.5, 10, COLOURS.muted),
  coverTitle: style('sansBold', 44, 50, COLOURS.white),
  coverSubtitle: style('sansSemiBold', 22, 28, COLOURS.white),
  coverYear: style('sans', 13, 18, COLOURS.white),
  coverLine: style('sans', 10.5, 15, COLOURS.ink),
  coverPublisher: style('sansSemiBold', 13, 18, COLOURS.accent),
} satisfies Record<string, BlockStyle>;

/** Minimum lines of a split paragraph left at the foot of a page (orphans) and carried to the next (widows). */
export const ORPHANS = 2;
export const WIDOWS = 2;
