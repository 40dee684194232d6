import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ImageInline, Report } from '../../src/model/types.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { paginate } from '../../src/render/pdf/layout/paginate.js';
import { pageGeometry } from '../../src/render/pdf/layout/theme.js';
import type { ImageBlock, TextBlock } from '../../src/render/pdf/layout/types.js';
import { render } from '../../src/render/pdf/index.js';
import { FIGURES_CONTENT, readContentWithImages, ROOT } from '../support/report.js';
import { image, monospace, PAGE, paragraph, summary } from './support/flow.js';
import { renderContext } from './support/render.js';
import { pdfToolsAvailable, run } from './support/tools.js';

const tools = pdfToolsAvailable();
const PAGES = path.join(ROOT, 'tests/output/pdf');

async function renderPdf(report: Report, images: Map<string, Uint8Array>): Promise<{ file: string; bytes: Uint8Array }> {
  const [output] = await render(report, { ...renderContext(report), images });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-figures-pdf-')), 'figures.pdf');
  writeFileSync(file, output!.contents);
  return { file, bytes: output!.contents as Uint8Array };
}

describe.skipIf(!tools)('figures in the PDF edition', () => {
  let pdf: { file: string; bytes: Uint8Array };
  let report: Report;

  beforeAll(async () => {
    const read = readContentWithImages(FIGURES_CONTENT);
    report = read.report;
    pdf = await renderPdf(report, read.images);
  });

  it('embeds each PNG and JPEG file once, drawn wherever it is used (pdfimages -list)', () => {
    const rows = run('pdfimages', ['-list', pdf.file]).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    // page num type width height color comp bpc enc interp object ID …
    expect(rows.map((r) => [r[2], r[3], r[4], r[8]])).toEqual([
      ['image', '900', '600', 'image'],
      ['image', '800', '600', 'jpeg'],
      ['image', '900', '600', 'image'],
    ]);
    // The chart is used twice and is one object.
    expect(rows[0]![10]).toBe(rows[2]![10]);
  });

  it('passes the JPEG through as it is, not re-encoded', () => {
    const jpeg = readFileSync(path.join(FIGURES_CONTENT, 'images/photo.jpg'));
    expect(Buffer.from(pdf.bytes).indexOf(jpeg)).toBeGreaterThan(0);
  });

  it('tags each figure as a Figure with its alt text, beside its Caption (pdfinfo -struct)', () => {
    const structure = run('pdfinfo', ['-struct', pdf.file]);
    expect(structure.match(/^\s+Figure$/gm)).toHaveLength(4);
    expect(structure).toMatch(/Div\n\s+Figure\n\s+Caption/);
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', pdf.file, '-']);
    for (const figure of report.figures) expect(qdf).toContain(`/Alt (${figure.alt.replace(/([()\\])/g, '\\$1')})`);
  });

  it('draws the SVG as vectors, its text in the report\'s embedded font', () => {
    const text = run('pdftotext', ['-layout', pdf.file, '-']);
    expect(text).toMatch(/Inputs\s+Activities\s+Outputs\s+Outcomes/);
    const fonts = run('pdffonts', [pdf.file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.every((line) => / yes +yes +yes /.test(line))).toBe(true);
  });

  it('sets each caption under its image, numbered, and names an inline image by its alt text', () => {
    const text = run('pdftotext', [pdf.file, '-']);
    expect(text).toContain("Figure 2. The programme's logic model, from inputs to long-term outcomes.");
    expect(text).toContain('— Source: Innovation Unit, 2023');
    expect(text).toContain('[Image: a heart]');
  });

  it('makes a link to a figure a link annotation, tagged Link, that lands on the figure\'s destination', () => {
    // pdfinfo -struct-text: the Link element holding the text and the annotation object.
    const structure = run('pdfinfo', ['-struct-text', pdf.file]);
    const links = [...structure.matchAll(/Link \(inline\)\n\s+"([^"]*)"\n\s+Object (\d+) 0/g)].map((m) => ({ text: m[1]!, object: m[2]! }));
    const objects = (JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', pdf.file])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] }).qpdf[1];
    const goesTo = (object: string) => {
      const action = objects[`obj:${object} 0 R`]!.value['/A'] as string;
      return objects[`obj:${action}`]!.value['/D'] as string;
    };
    const destinations = new Map(
      run('pdfinfo', ['-dests', pdf.file])
        .split('\n')
        .flatMap((line) => {
          const m = /^\s*(\d+) \[ XYZ\s+[\d.]+\s+([\d.]+)[^\]]*\] "([^"]+)"$/.exec(line);
          return m ? [[m[3]!, { page: Number(m[1]), top: Number(m[2]) }] as const] : [];
        }),
    );
    for (const [text, id, caption] of [
      ['Figure 2', 'fig-logic-model', /^Figure 2\. The programme's logic model/m],
      ['Figure 4', 'more-figure-1', /^Figure 4$/m],
    ] as const) {
      const link = links.find((l) => l.text === text);
      expect(link, `a Link element for "${text}"`).toBeDefined();
      expect(goesTo(link!.object)).toBe(`u:${id}`);
      // The destination is on the page with the figure's caption.
      const where = destinations.get(id)!;
      expect(run('pdftotext', ['-f', String(where.page), '-l', String(where.page), pdf.file, '-'])).toMatch(caption);
    }
  });

  it('looks right on the page (rendered to tests/output/pdf/figures-page-3.png)', () => {
    mkdirSync(PAGES, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', '-singlefile', pdf.file, path.join(PAGES, 'figures-page-3')]);
    expect(readFileSync(path.join(PAGES, 'figures-page-3.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws a decorative figure (empty alt) as an artifact, and a figure without a file as a note of what it shows', async () => {
    const at = { file: 'content/a.md', line: 1, column: 1 };
    const chart = report.figures[0]!.file!;
    const img = (alt: string, extra: Partial<ImageInline>): ImageInline => ({ type: 'image', url: 'images/x.png', alt, source: at, ...extra });
    const blocks: Block[] = [
      { type: 'figure', id: 'f1', number: 1, image: img('', { file: chart }), caption: [], source: at },
      { type: 'figure', id: 'f2', number: 2, image: img('A map of the sites', { problem: { kind: 'missing', message: 'm' } }), caption: [{ type: 'text', value: 'The sites.' }], source: at },
    ];
    const small: Report = { ...report, sections: [{ ...report.sections[0]!, blocks, footnotes: [] }], figures: [] };
    const { images } = readContentWithImages(FIGURES_CONTENT);
    const { file } = await renderPdf(small, images);
    const structure = run('pdfinfo', ['-struct', file]);
    expect(structure.match(/^\s+Figure$/gm)).toHaveLength(1);
    expect(run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean)).toHaveLength(1);
    expect(run('pdftotext', [file, '-'])).toContain('[Image not available: A map of the sites]');
  });
});

describe('figures in the PDF layout (pure)', () => {
  const noNotes = new Map<string, TextBlock>();
  const caption = (id: string) => paragraph(id, 1, { role: 'caption', keepTogether: true });

  it('never splits an image, and takes its caption with it to the next page', () => {
    // Seven lines of text, a three-line image: the image fits, but its caption would not.
    expect(summary(paginate([paragraph('a', 7), image('img', 3), caption('cap')], noNotes, PAGE))).toEqual([['a[0,7)'], ['img(image)', 'cap[0,1)']]);
    expect(summary(paginate([paragraph('a', 6), image('img', 3), caption('cap')], noNotes, PAGE))).toEqual([['a[0,6)', 'img(image)', 'cap[0,1)']]);
  });

  it('scales a tall figure to fit the page with its caption, and a wide one to the text column', () => {
    const { report, images } = readContentWithImages(FIGURES_CONTENT);
    void images;
    const file = report.figures[0]!.file!;
    const at = report.figures[0]!.source;
    const tall: Block = { type: 'figure', id: 'tall', number: 1, image: { type: 'image', url: 'x.png', alt: 'A tall chart', source: at, file: { ...file, width: 1000, height: 6000 } }, caption: [], source: at };
    const wide: Block = { type: 'figure', id: 'wide', number: 2, image: { type: 'image', url: 'y.png', alt: 'A wide chart', source: at, file: { ...file, width: 6000, height: 1000 } }, caption: [], source: at };
    const layout = layoutDocument({ ...report, sections: [{ ...report.sections[0]!, blocks: [tall, wide], footnotes: [] }] }, monospace, { pageSize: 'A4' });
    const geometry = pageGeometry('A4');
    const drawn = layout.pages.flatMap((p) => p.content).filter((d): d is Extract<typeof d, { kind: 'image' }> => d.kind === 'image');
    expect(drawn).toHaveLength(2);
    for (const d of drawn) {
      expect(d.width).toBeLessThanOrEqual(geometry.column.width + 0.01);
      expect(d.height).toBeLessThan(geometry.bodyHeight);
      expect(d.y + d.height).toBeLessThanOrEqual(geometry.top + geometry.bodyHeight + 0.01);
    }
    expect(drawn[0]!.height / drawn[0]!.width).toBeCloseTo(6, 5);
    expect(drawn[1]!.width / drawn[1]!.height).toBeCloseTo(6, 5);
  });

  it('names images by content hash for the drawing layer, and never reads a file', () => {
    const { report } = readContentWithImages(FIGURES_CONTENT);
    const layout = layoutDocument(report, monospace);
    const sources = layout.pages.flatMap((p) => p.content).flatMap((d) => (d.kind === 'image' ? [d.image] : []));
    expect(sources.map((s) => s.format)).toEqual(['png', 'svg', 'jpeg', 'png']);
    expect(sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).toBe(true);
    const item: ImageBlock = image('x', 1);
    expect(Object.keys(item.image)).toEqual(['sha256', 'format']);
  });
});
