import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../src/fonts/bundled.js';
import { rangesOf } from '../../src/fonts/coverage.js';
import { BUNDLED_FACES, FONT_KEYS } from '../../src/fonts/faces.js';
import { openFontBook } from '../../src/render/pdf/fonts.js';
import { realReport, ROOT } from '../support/report.js';

const FONTS = path.join(ROOT, 'fonts');

describe('the PDF’s own fonts', () => {
  const book = openFontBook(bundledFaces(FONTS), (file) => readFileSync(file));

  it('are TrueType files in fonts/, each family with its SIL Open Font License beside it', () => {
    for (const face of Object.values(BUNDLED_FACES)) {
      expect(face.file).toMatch(/\.ttf$/);
      expect(readFileSync(path.join(FONTS, path.dirname(face.file), 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    }
  });

  it('have the coverage recorded for them in src/fonts/bundled-coverage.ts (node scripts/font-coverage.mjs)', () => {
    for (const face of bundledFaces(FONTS)) {
      const font = fontkit.create(readFileSync(face.path));
      if ('fonts' in font) throw new Error(`${face.path} is a collection`);
      expect({ face: face.id, coverage: face.coverage }).toEqual({ face: face.id, coverage: rangesOf(font.characterSet) });
    }
  });

  it('have a glyph for every character of the report and of the labels the PDF adds', () => {
    // Labels and punctuation the layout sets itself: dashes, bullets, ellipsis, middle dot.
    const added = '—•…·0123456789';
    const characters = new Set(Array.from(JSON.stringify(realReport()) + added).filter((c) => c.trim() !== ''));
    for (const key of FONT_KEYS) {
      const font = book.font(key);
      const missing = [...characters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect({ key, missing }).toEqual({ key, missing: [] });
    }
  });

  it('cover Latin Extended, Greek, Cyrillic and Vietnamese in the text faces: Welsh ŵ ŷ, Polish ł ń, ß, Ω, Ж, ấ', () => {
    for (const key of FONT_KEYS) for (const c of 'ŵŷłńßΩЖấ') expect(book.faceFor(c, key)).toBe(key);
  });
});
