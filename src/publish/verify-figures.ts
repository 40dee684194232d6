import type { Element, Root } from 'hast';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { figureLabel, isDecorative } from '../model/images.js';
import type { FigureBlock, Report } from '../model/types.js';
import { walkBlocks } from '../model/walk.js';
import type { BuildTarget } from './plan.js';
import type { OutputFile } from './render-targets.js';

/** What a PDF shows of its figures, read back from the file (poppler), or undefined when no reader is installed. */
export type PdfFigureInspector = (pdf: Uint8Array) => Promise<PdfFigures | undefined>;

export interface PdfFigures {
  /** Figure elements in the structure tree. */
  figureElements: number;
  /** Pixel sizes of the raster images drawn on its pages. */
  images: { width: number; height: number }[];
}

/** The figure blocks of an edition's model, in reading order. */
export function editionFigures(report: Report): FigureBlock[] {
  const figures: FigureBlock[] = [];
  for (const section of report.sections) {
    walkBlocks([...section.blocks, ...section.footnotes.flatMap((f) => f.children)], (block) => {
      if (block.type === 'figure') figures.push(block);
    });
  }
  return figures;
}

const missing = (target: BuildTarget, figure: FigureBlock, what: string): Diagnostic =>
  diagnostic('edition-incomplete', 'error', `the ${target.edition.id} edition's ${target.format} output is missing ${figureLabel(figure).toLowerCase()} (${figure.id}): ${what}`, figure.source, {
    hint: 'a renderer dropped a figure the model has',
  });

/**
 * Every figure of the edition is in its HTML: a `figure` with the figure's id holding an `img`
 * with its alt text, whose published copy is among the edition's files (or, without a file,
 * the address as written).
 */
export function verifyHtmlFigures(figures: readonly FigureBlock[], assets: ReadonlyMap<string, string>, page: Root, files: readonly OutputFile[], target: BuildTarget): Diagnostic[] {
  const byId = new Map<string, Element>();
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (typeof child.properties.id === 'string') byId.set(child.properties.id, child);
      visit(child);
    }
  };
  visit(page);
  const published = new Set(files.filter((f) => f.edition === target.edition.id && f.format === 'html').map((f) => f.path));
  const problems: Diagnostic[] = [];
  for (const figure of figures) {
    const element = byId.get(figure.id);
    const img = element?.tagName === 'figure' ? element.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img') : undefined;
    if (!img) {
      problems.push(missing(target, figure, `no <figure id="${figure.id}"> with its image`));
      continue;
    }
    const alt = isDecorative(figure.image) ? '' : figure.image.alt;
    if (img.properties.alt !== alt) problems.push(missing(target, figure, 'its image has other alt text'));
    if (figure.image.file) {
      const asset = assets.get(figure.image.file.sha256);
      if (img.properties.src !== asset || !published.has(`${target.folder}/${asset}`)) problems.push(missing(target, figure, `its image file ${asset} is not published beside the page`));
    }
  }
  return problems;
}

/** Every figure is in the text edition as `[Figure N: alt]` (compared by letters and digits). */
export function verifyTextFigures(figures: readonly FigureBlock[], text: string, target: BuildTarget, comparable: (text: string) => string): Diagnostic[] {
  const haystack = comparable(text);
  return figures.filter((figure) => !haystack.includes(comparable(`${figureLabel(figure)} ${figure.image.alt}`))).map((figure) => missing(target, figure, `"[${figureLabel(figure)}: …]"`));
}

/**
 * Every figure is in the PDF: one Figure element per figure in the structure tree, and each
 * PNG or JPEG figure's image drawn on a page (SVG is drawn as vectors, so it is counted by
 * its Figure element only).
 */
export function verifyPdfFigures(figures: readonly FigureBlock[], shown: PdfFigures, target: BuildTarget): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const tagged = figures.filter((f) => !(f.image.file && isDecorative(f.image)));
  if (shown.figureElements < tagged.length) {
    problems.push(
      diagnostic('edition-incomplete', 'error', `the ${target.edition.id} edition's pdf output has ${shown.figureElements} Figure elements for its ${tagged.length} figures`, tagged[0]?.source ?? {}, { hint: 'a renderer dropped a figure the model has' }),
    );
  }
  const drawn = shown.images.map((i) => `${i.width}x${i.height}`);
  for (const figure of figures) {
    const file = figure.image.file;
    if (!file || file.format === 'svg') continue;
    const index = [`${file.width}x${file.height}`, `${file.height}x${file.width}`].map((size) => drawn.indexOf(size)).find((i) => i !== -1);
    if (index === undefined) problems.push(missing(target, figure, `no ${file.width} × ${file.height} image is drawn`));
  }
  return problems;
}
