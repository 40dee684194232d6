import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { createRequire } from 'node:module';
import type { RenderContext } from '../types.js';
import type { FontKey } from './layout/types.js';
import { withShapingCache } from './shaping-cache.js';

const require = createRequire(import.meta.url);

/**
 * The open fonts the PDF embeds (SIL OFL, shipped as TTF by the @expo-google-fonts packages):
 * Source Serif 4 for reading, Source Sans 3 for headings, labels and tables. pdfkit cannot
 * read WOFF2, hence TTF.
 */
export const FONT_FILES: Record<FontKey, string> = {
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  serifItalic: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  serifBold: '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf',
  serifBoldItalic: '@expo-google-fonts/source-serif-4/600SemiBold_Italic/SourceSerif4_600SemiBold_Italic.ttf',
  sans: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  sansItalic: '@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  sansSemiBold: '@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf',
  sansBold: '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf',
};

export type FontSet = Record<FontKey, Font>;

/** Absolute path of a face's font file, resolved from the installed package. */
export function fontPath(key: FontKey): string {
  return require.resolve(FONT_FILES[key]);
}

/** Open every face, reading the files through the render context (no disk access of our own). */
export function loadFonts(readAsset: RenderContext['readAsset']): FontSet {
  const entries = (Object.keys(FONT_FILES) as FontKey[]).map((key) => {
    const opened = fontkit.create(readAsset(fontPath(key)));
    if ('fonts' in opened) throw new Error(`${FONT_FILES[key]} is a font collection; lwr needs a single font`);
    return [key, withShapingCache(opened)] as const;
  });
  return Object.fromEntries(entries) as FontSet;
}
