import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { HTML_FIXTURES, fixtureReport, pageOf, renderFirstEdition } from './support.js';
import { ROOT } from '../support/report.js';

// Each folder under tests/fixtures/html/themes/ stands in for templates/ (see its README).
const theme = (name: string) => ({ templatesDir: path.join(HTML_FIXTURES, 'themes', name) });
const report = (): Report => fixtureReport('structures');

describe('restyling the HTML edition from templates/', () => {
  it('follows whatever page shell and assets the theme names, with no fonts when it lists none', async () => {
    const files = await renderFirstEdition(report(), theme('minimal'));
    expect(files.map((f) => f.path)).toEqual(['index.html', 'assets/plain.css']);
    const page = pageOf(files);
    expect(page).toContain('<link rel="stylesheet" href="assets/plain.css">');
    expect(page).toContain('<main>\n<section class="section section--section" id="opening">');
  });

  it('escapes every value a template prints unless it says | raw', async () => {
    const page = pageOf(await renderFirstEdition(report(), theme('unescaped-body')));
    expect(page).toContain('<main>\n&lt;section class=');
    expect(page).not.toContain('<section');
  });

  it('fails the build on an unknown filter or variable, naming it', async () => {
    await expect(renderFirstEdition(report(), theme('unknown-filter'))).rejects.toThrow(/shout/);
    await expect(renderFirstEdition(report(), theme('unknown-variable'))).rejects.toThrow(/titel/);
  });

  it('refuses a template that reaches outside its folder', async () => {
    await expect(renderFirstEdition(report(), theme('escape-folder'))).rejects.toThrow(/secret/);
  });

  it('lists every problem of a broken theme.yaml and refuses paths that leave the folder', async () => {
    const failure = renderFirstEdition(report(), theme('broken-manifest'));
    await expect(failure).rejects.toThrow(/page: .*expected string/i);
    await expect(failure).rejects.toThrow(/assets\.0: must be a plain file name/);
    await expect(failure).rejects.toThrow(/fonts\.0\.files/);
  });

  it('reads templates, stylesheet and fonts only through context.readAsset', async () => {
    const read: string[] = [];
    const files = await renderFirstEdition(report(), {
      readAsset: (file) => {
        read.push(file);
        return readFileSync(file);
      },
    });
    const fontFiles = files.filter((f) => f.path.startsWith('assets/fonts/'));
    expect(fontFiles.length).toBeGreaterThan(0);
    const templates = path.join(ROOT, 'templates');
    const fromFontPackages = (file: string) => file.split(path.sep).includes('@fontsource-variable');
    expect(read.filter((file) => !file.startsWith(templates) && !fromFontPackages(file))).toEqual([]);
    // Each font file and licence, and each package's list of subsets (unicode.json); fonts.css is written, not read.
    const copied = fontFiles.filter((f) => f.path !== 'assets/fonts/fonts.css').length;
    expect(read.filter(fromFontPackages)).toHaveLength(copied + 2);
    expect(read.filter(fromFontPackages).filter((file) => file.endsWith('unicode.json'))).toHaveLength(2);
  });
});
