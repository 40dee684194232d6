import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePng } from '../../scripts/make-images.mjs';
import { runChecks } from '../../src/check/index.js';
import { runLwr } from '../support/cli.js';
import { readContent } from '../support/report.js';
import { CHECK_FIXTURES, checkFixture } from './support.js';

const messages = async (fixture: string, ruleId: string) => (await checkFixture(fixture)).filter((d) => d.ruleId === ruleId).map((d) => d.message);

describe('image diagnostics say which file, what is wrong and how to fix it', () => {
  it('names the missing file', async () => {
    expect(await messages('image-missing', 'image-missing')).toEqual(['images/nothing.png does not exist in the content folder', 'the image has no address']);
  });

  it('explains why a remote image is not published, and how to fix it', async () => {
    const [d] = await checkFixture('image-remote');
    expect(d).toMatchObject({ ruleId: 'image-remote', url: 'https://example.org/chart.png', hint: 'save the image in the content folder (content/images/) and use its path' });
    expect(d!.message).toContain('lwr never downloads images, the PDF needs a file');
  });

  it('says how each path leaves the content folder, the symlink included', async () => {
    expect(await messages('image-outside-content', 'image-outside-content')).toEqual([
      '../outside.png leads outside the content folder; it is not read',
      '/etc/hosts is an absolute path; lwr reads images only from the content folder',
      'file:///etc/passwd is a file: address; lwr reads images only from the content folder',
      'images/escape.png is a link to a file outside the content folder; it is not read',
      '%2e%2e/outside.png leads outside the content folder; it is not read',
    ]);
  });

  it('says what is wrong with each unreadable file', async () => {
    expect(await messages('image-unreadable', 'image-unreadable')).toEqual([
      'images/empty.png is empty (0 bytes)',
      'images/cut.png is truncated: the PNG ends before its image data is complete',
      'images/notes.png is not an image lwr can read (not PNG, JPEG or SVG)',
      'images/nosize.svg does not say how large it is (no width and height, no viewBox)',
      'images is a folder, not an image file',
    ]);
  });

  it('names the decompression bomb\'s claimed size', async () => {
    expect(await messages('image-over-limit', 'image-over-limit')).toEqual(['images/bomb.png is 50000 × 50000 pixels (2500 megapixels); lwr publishes images of at most 50 megapixels']);
  });

  it('gives the print resolution, the printed size and the pixels a sharp print needs', async () => {
    const [d] = await checkFixture('image-low-resolution');
    expect(d).toMatchObject({ message: 'images/small.png (300 × 200 px) prints at 96 dpi in the PDF, 3.1 × 2.1 in', hint: 'for sharp print use an image at least 794 px wide (150 dpi at the width of the text)' });
  });

  it('says a .png that is a JPEG is published as a JPEG', async () => {
    expect(await messages('image-extension-mismatch', 'image-extension-mismatch')).toEqual(['images/photo.png is named as PNG but is a JPEG file; lwr publishes it as JPEG']);
  });

  it('reports the alt text of figures only: an empty alt inside a line of text marks a decorative image', async () => {
    expect((await checkFixture('image-alt-missing')).map((d) => [d.ruleId, d.line])).toEqual([
      ['image-alt-missing', 8],
      ['image-alt-missing', 13],
    ]);
  });

  describe('image-too-large', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lwr-large-image-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('warns with the size of an image file over 5 MB, once per file', async () => {
      mkdirSync(path.join(dir, 'images'));
      // Noise does not compress: 1,400 × 1,400 RGB pixels are about 5.9 MB.
      writeFileSync(path.join(dir, 'images/photo.png'), makePng(1400, 1400, { noise: 1 }));
      writeFileSync(path.join(dir, '01-a.md'), '---\nid: a\ntitle: A\n---\n\n![A photo of the site](images/photo.png)\n\n![The same photo](images/photo.png)\n');
      const { report, diagnostics } = readContent(dir);
      const large = (await runChecks(report!, { contentRoot: dir, readDiagnostics: diagnostics })).filter((d) => d.ruleId === 'image-too-large');
      expect(large).toEqual([expect.objectContaining({ severity: 'warning', line: 6, message: 'images/photo.png is 5.6 MB; readers of the HTML edition download all of it' })]);
    });
  });
});

describe('lwr check with images', () => {
  it('lists every image rule with --list-rules', () => {
    const { stdout } = runLwr(['check', '--list-rules']);
    for (const id of ['image-missing', 'image-remote', 'image-outside-content', 'image-format-unsupported', 'image-unreadable', 'image-unsafe-svg', 'image-over-limit', 'image-alt-missing', 'image-too-large', 'image-low-resolution', 'image-extension-mismatch']) {
      expect(stdout).toContain(id);
    }
  });

  it('runs the images family alone, with file:line:column in every format, and exits 1', () => {
    const content = path.join(CHECK_FIXTURES, 'image-missing/content');
    const json = runLwr(['check', 'images', '--content', content, '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'image-missing', severity: 'error', file: expect.stringMatching(/01-missing\.md$/), line: 8, column: 1, url: 'images/nothing.png' }),
      expect.objectContaining({ ruleId: 'image-missing', line: 10, column: 27 }),
    ]);
    expect(runLwr(['check', 'images', '--content', content, '--format', 'github']).stdout).toContain(',line=8,endLine=8,col=1,endColumn=41,title=image-missing::');
    const sarif = JSON.parse(runLwr(['check', 'images', '--content', content, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'image-missing', locations: [{ physicalLocation: { region: { startLine: 8, startColumn: 1 } } }] });
    expect(runLwr(['check', 'links', '--content', content]).status).toBe(0);
  });

  it('lets report.yaml turn an image rule off, like any rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lwr-image-rules-'));
    try {
      cpSync(path.join(CHECK_FIXTURES, 'image-low-resolution/content'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'report.yaml'), 'title: T\nauthors: [A]\nlanguage: en-GB\nslug: t\nrules:\n  image-low-resolution: off\neditions:\n  - { id: full, title: Full, formats: [html] }\n');
      expect(runLwr(['check', '--content', dir]).stdout).toContain('no problems');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
