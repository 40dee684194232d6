import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, loadFonts } from '../../src/render/pdf/fonts.js';
import type { FontKey } from '../../src/render/pdf/layout/types.js';
import { realReport } from '../support/report.js';

describe('the PDF’s fonts', () => {
  const fonts = loadFonts((file) => readFileSync(file));

  it('are TrueType files (pdfkit cannot read WOFF2)', () => {
    for (const file of Object.values(FONT_FILES)) expect(file).toMatch(/\.ttf$/);
  });

  it('have a glyph for every character of the report and of the labels the PDF adds', () => {
    // Labels and punctuation the layout sets itself: dashes, bullets, ellipsis, middle dot.
    const added = '—•…·0123456789';
    const characters = new Set(Array.from(JSON.stringify(realReport()) + added).filter((c) => c.trim() !== ''));
    for (const [key, font] of Object.entries(fonts) as [FontKey, (typeof fonts)[FontKey]][]) {
      const missing = [...characters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect({ key, missing }).toEqual({ key, missing: [] });
    }
  });
});
