import type { Ranges } from './coverage.js';

/** The faces the PDF layout asks for by name; each heads a stack of fallbacks. */
export type FontKey =
  | 'serif'
  | 'serifItalic'
  | 'serifBold'
  | 'serifBoldItalic'
  | 'sans'
  | 'sansItalic'
  | 'sansSemiBold'
  | 'sansBold'
  | 'mono';

/** The kind of letterform a face has: fallbacks are chosen to match it. */
export type FaceKind = 'serif' | 'sans' | 'mono';

/** A face's design: what a fallback for it should look like. */
export interface FaceStyle {
  kind: FaceKind;
  /** CSS weight, 100–900. */
  weight: number;
  italic: boolean;
}

/** One font the PDF may draw with, as data: where its file is and what it covers. */
export interface FaceInfo extends FaceStyle {
  /** Stable id: the FontKey for lwr's own faces, else the file and its index in a collection. */
  id: string;
  /** Absolute path of the font file. */
  path: string;
  /** Index of the face inside a collection (.ttc); 0 for a single font. */
  index: number;
  /** PostScript name: picks the face out of a collection. */
  postscriptName?: string;
  family: string;
  coverage: Ranges;
  /** Where the face comes from: lwr's own files, the system's fonts, or the report's `fonts:` setting. */
  origin: 'bundled' | 'system' | 'publisher';
}

/** lwr's own faces: Source Serif 4, Source Sans 3 and Source Code Pro (SIL OFL), in `fonts/`. */
export const BUNDLED_FACES: Record<FontKey, { file: string; family: string } & FaceStyle> = {
  serif: { file: 'source-serif-4/SourceSerif4-Regular.ttf', family: 'Source Serif 4', kind: 'serif', weight: 400, italic: false },
  serifItalic: { file: 'source-serif-4/SourceSerif4-Italic.ttf', family: 'Source Serif 4', kind: 'serif', weight: 400, italic: true },
  serifBold: { file: 'source-serif-4/SourceSerif4-SemiBold.ttf', family: 'Source Serif 4', kind: 'serif', weight: 600, italic: false },
  serifBoldItalic: { file: 'source-serif-4/SourceSerif4-SemiBoldItalic.ttf', family: 'Source Serif 4', kind: 'serif', weight: 600, italic: true },
  sans: { file: 'source-sans-3/SourceSans3-Regular.ttf', family: 'Source Sans 3', kind: 'sans', weight: 400, italic: false },
  sansItalic: { file: 'source-sans-3/SourceSans3-Italic.ttf', family: 'Source Sans 3', kind: 'sans', weight: 400, italic: true },
  sansSemiBold: { file: 'source-sans-3/SourceSans3-SemiBold.ttf', family: 'Source Sans 3', kind: 'sans', weight: 600, italic: false },
  sansBold: { file: 'source-sans-3/SourceSans3-Bold.ttf', family: 'Source Sans 3', kind: 'sans', weight: 700, italic: false },
  mono: { file: 'source-code-pro/SourceCodePro-Regular.ttf', family: 'Source Code Pro', kind: 'mono', weight: 400, italic: false },
};

export const FONT_KEYS = Object.keys(BUNDLED_FACES) as FontKey[];
