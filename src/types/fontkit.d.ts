/**
 * The few parts of fontkit (2.x) that lwr's PDF renderer uses: opening a font and measuring
 * text with it. fontkit ships no TypeScript types of its own.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    /** Sum of the positioned advances (kerning included), in font units. */
    advanceWidth: number;
  }

  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    head: { checkSumAdjustment: number };
    /** Shape text: OpenType substitution and positioning for its script (right-to-left runs come back in visual order). */
    layout(text: string, features?: string[] | Record<string, boolean>, script?: string, language?: string, direction?: 'ltr' | 'rtl'): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the font maps to a glyph. */
    characterSet: number[];
    /** Present when the font has OpenType layout tables. */
    GSUB?: unknown;
    GPOS?: unknown;
  }

  export interface FontCollection {
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  export function create(data: Uint8Array, postscriptName?: string): Font | FontCollection;
}
