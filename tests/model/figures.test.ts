import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { printedSize, publishedImageFiles } from '../../src/model/images.js';
import { imageAssetPath } from '../../src/model/image-names.js';
import { MODEL_SCHEMA } from '../../src/model/schema.js';
import { MODEL_VERSION } from '../../src/model/types.js';
import type { Block, FigureBlock, ImageInline, Report } from '../../src/model/types.js';
import { walkBlocks } from '../../src/model/walk.js';
import { readReport } from '../../src/read/report.js';
import { runLwr } from '../support/cli.js';
import { FIGURES_CONTENT, readContent } from '../support/report.js';

const model = (): Report => {
  const { report, diagnostics } = readContent(FIGURES_CONTENT);
  if (!report) throw new Error(JSON.stringify(diagnostics));
  return report;
};

const figures = (report: Report): FigureBlock[] => {
  const out: FigureBlock[] = [];
  for (const section of report.sections) walkBlocks(section.blocks, (b: Block) => void (b.type === 'figure' && out.push(b)));
  return out;
};

describe('figures in the model', () => {
  const report = model();

  it('makes a figure of an image alone in its paragraph and of each :::figure, numbered through the report', () => {
    expect(figures(report).map((f) => [f.number, f.id, f.image.url])).toEqual([
      [1, 'charts-figure-1', 'images/chart.png'],
      [2, 'fig-logic-model', 'images/logic-model.svg'],
      [3, 'fig-site-visit', 'images/photo.jpg'],
      [4, 'more-figure-1', 'images/chart.png'],
    ]);
  });

  it('lists the figures in the report\'s figures index, with caption, credit, file and source position', () => {
    expect(report.figures[1]).toEqual({
      id: 'fig-logic-model',
      number: 2,
      sectionId: 'charts',
      alt: 'Logic model: inputs lead to activities, activities to outputs, outputs to outcomes',
      caption: "The programme's logic model, from inputs to long-term outcomes.",
      credit: 'Source: Innovation Unit, 2023',
      url: 'images/logic-model.svg',
      file: { path: 'images/logic-model.svg', format: 'svg', width: 640, height: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: expect.any(Number) },
      source: expect.objectContaining({ file: expect.stringMatching(/01-charts\.md$/), line: 10, column: 1 }),
    });
  });

  it('claims each figure id as an anchor, so [Figure 2](#fig-logic-model) lands on it', () => {
    expect(report.anchors).toEqual(expect.arrayContaining(['charts-figure-1', 'fig-logic-model', 'fig-site-visit', 'more-figure-1']));
    expect(report.links.find((l) => l.url === '#fig-logic-model')).toBeDefined();
  });

  it('keeps an image inside a line of text an inline image with its file, and an empty alt as decorative', () => {
    const paragraph = report.sections[0]!.blocks.find((b) => b.type === 'paragraph' && b.children.some((i) => i.type === 'image'));
    const images = paragraph?.type === 'paragraph' ? paragraph.children.filter((i): i is ImageInline => i.type === 'image') : [];
    expect(images.map((i) => [i.alt, i.file?.format, i.file?.width])).toEqual([
      ['a heart', 'png', 24],
      ['', 'png', 24],
    ]);
  });

  it('names each file once, however often it is used, under a content-hashed name', () => {
    const files = publishedImageFiles(report);
    expect(files.map((f) => f.path).sort()).toEqual(['images/chart.png', 'images/icon.png', 'images/logic-model.svg', 'images/photo.jpg']);
    const chart = files.find((f) => f.path === 'images/chart.png')!;
    expect(imageAssetPath(chart)).toBe(`assets/images/chart-${chart.sha256.slice(0, 12)}.png`);
    expect(imageAssetPath({ ...chart, path: 'images/Site Photo.PNG', format: 'jpeg' })).toBe(`assets/images/site-photo-${chart.sha256.slice(0, 12)}.jpg`);
  });

  it('names a published file in ASCII, transliterated rather than dropped', () => {
    const file = { sha256: 'ab'.repeat(32), format: 'png' as const };
    expect(imageAssetPath({ ...file, path: 'images/Graph ŁÓDŹ.PNG' })).toBe('assets/images/graph-lodz-abababababab.png');
    expect(imageAssetPath({ ...file, path: 'images/Straße & Café (2023).png' })).toBe('assets/images/strasse-cafe-2023-abababababab.png');
    expect(imageAssetPath({ ...file, path: 'images/图表.png' })).toBe('assets/images/tubiao-abababababab.png');
    expect(imageAssetPath({ ...file, path: 'images/….png' })).toBe('assets/images/image-abababababab.png');
  });

  it('validates against the JSON Schema of its version (1.2 brought figures)', () => {
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(MODEL_SCHEMA);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.version).toBe(MODEL_VERSION);
  });

  it('is shown by lwr model', () => {
    const run = runLwr(['model', '--content', FIGURES_CONTENT]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).figures.map((f: { id: string }) => f.id)).toEqual(['charts-figure-1', 'fig-logic-model', 'fig-site-visit', 'more-figure-1']);
  });
});

describe('reading figures stays pure', () => {
  it('reads images without their files when no asset reader is given (no disk access)', () => {
    const { report } = readReport({ dir: 'c', root: '/nowhere', files: [{ path: 'c/01-a.md', text: '---\nid: a\ntitle: A\n---\n\n![A chart](images/chart.png)\n' }] });
    expect(report!.figures).toEqual([expect.objectContaining({ number: 1, url: 'images/chart.png' })]);
    expect(report!.figures[0]!.file).toBeUndefined();
  });

  it('reports a :::figure of the wrong shape, and an id that is taken', () => {
    const read = (body: string) => readReport({ dir: 'c', root: '/nowhere', files: [{ path: 'c/01-a.md', text: `---\nid: a\ntitle: A\n---\n\n${body}\n` }] });
    expect(read(':::figure\nJust a caption.\n:::').diagnostics).toEqual([expect.objectContaining({ ruleId: 'directive-shape', line: 6, message: expect.stringContaining('needs one paragraph holding only the image') })]);
    expect(read(':::figure{#a}\n![x](x.png)\n:::').diagnostics).toEqual([expect.objectContaining({ ruleId: 'duplicate-id', line: 6 })]);
    expect(read(':::figure{#3d}\n![x](x.png)\n:::').diagnostics).toEqual([expect.objectContaining({ ruleId: 'directive-shape', message: expect.stringContaining('"3d" is not a usable anchor') })]);
  });
});

describe('the size a figure prints at', () => {
  it('is its size at 96 pixels to the inch, scaled down to the text column and the page, never up', () => {
    expect(printedSize({ width: 400, height: 300 })).toEqual({ width: 300, height: 225 });
    expect(printedSize({ width: 2000, height: 1000 })).toEqual({ width: 381, height: 190.5 });
    const tall = printedSize({ width: 1000, height: 5000 });
    expect(tall.height).toBe(440);
    expect(tall.width).toBeCloseTo(88);
  });
});
