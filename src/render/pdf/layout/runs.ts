import type { FontKey, SegmentLink, TextStyle } from './types.js';

/** A stretch of inline text in one style, before it is broken into lines. */
export interface Run {
  text: string;
  style: TextStyle;
  /** Structure element of the text; null for artifacts. */
  struct: string | null;
  link?: SegmentLink;
  /** Raise above the baseline (superscripts). */
  rise?: number;
  /** The footnote this run calls. */
  footnoteId?: string;
  /** A forced line break (a hard break in the Markdown); `text` is empty. */
  hardBreak?: boolean;
  /** Replaced by the page number of this destination once pages are known. */
  pageNumberOf?: string;
  /**
   * The language span the text is in (`:lang[…]`), one object shared by the span's runs: its
   * language picks regional glyphs (Chinese, Japanese), its direction isolates it in the
   * bidirectional algorithm.
   */
  language?: { lang: string; dir: 'ltr' | 'rtl' };
  /** Spaces are kept as written (code): not collapsed, not dropped at the start of a line. */
  preformatted?: boolean;
}

type Weight = 'regular' | 'semibold' | 'bold';
interface Face {
  family: 'serif' | 'sans';
  weight: Weight;
  italic: boolean;
}

const FACES: Record<Exclude<FontKey, 'mono'>, Face> = {
  serif: { family: 'serif', weight: 'regular', italic: false },
  serifItalic: { family: 'serif', weight: 'regular', italic: true },
  serifBold: { family: 'serif', weight: 'bold', italic: false },
  serifBoldItalic: { family: 'serif', weight: 'bold', italic: true },
  sans: { family: 'sans', weight: 'regular', italic: false },
  sansItalic: { family: 'sans', weight: 'regular', italic: true },
  sansSemiBold: { family: 'sans', weight: 'semibold', italic: false },
  sansBold: { family: 'sans', weight: 'bold', italic: false },
};

function fontFor(face: Face): Exclude<FontKey, 'mono'> {
  if (face.family === 'serif') {
    if (face.weight === 'regular') return face.italic ? 'serifItalic' : 'serif';
    return face.italic ? 'serifBoldItalic' : 'serifBold';
  }
  // The sans is used for display and labels: it has no bold italic, so weight wins.
  if (face.weight === 'bold') return 'sansBold';
  if (face.weight === 'semibold') return 'sansSemiBold';
  return face.italic ? 'sansItalic' : 'sans';
}

/** The style with strong emphasis: one step bolder. */
export function bolder(style: TextStyle): TextStyle {
  // Code keeps its one monospaced face (lwr ships it in one weight).
  if (style.font === 'mono') return style;
  const face = FACES[style.font];
  return { ...style, font: fontFor({ ...face, weight: 'bold' }) };
}

/**
 * The style with emphasis: italic, or roman inside italic text (as typesetters do, so that
 * emphasis in a quote still stands out).
 */
export function emphasised(style: TextStyle): TextStyle {
  if (style.font === 'mono') return style;
  const face = FACES[style.font];
  return { ...style, font: fontFor({ ...face, italic: !face.italic }) };
}
