import type { FigureBlock, ImageFile, ImageFormat, ImageInline, Report, Section } from './types.js';
import { walkSectionInlines } from './walk.js';

/** Empty (or blank) alt text marks a decorative image: hidden from screen readers, never a figure's. */
export const isDecorative = (image: Pick<ImageInline, 'alt'>): boolean => image.alt.trim() === '';

/** "Figure 3". */
export const figureLabel = (figure: Pick<FigureBlock, 'number'>): string => `Figure ${figure.number}`;

/** The file name extension each format is published under. */
export const FORMAT_EXTENSION: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', svg: 'svg' };

/** Every image of some sections (figures, inline images, footnotes) in reading order. */
export function sectionImages(sections: readonly Section[]): ImageInline[] {
  const images: ImageInline[] = [];
  for (const section of sections) {
    walkSectionInlines(section, (inline) => {
      if (inline.type === 'image') images.push(inline);
    });
  }
  return images;
}

/** The distinct image files a report (or an edition's narrowed model) publishes: one per content, the first in reading order. */
export function publishedImageFiles(report: Pick<Report, 'sections'>): ImageFile[] {
  const byHash = new Map<string, ImageFile>();
  for (const image of sectionImages(report.sections)) {
    if (image.file && !byHash.has(image.file.sha256)) byHash.set(image.file.sha256, image.file);
  }
  return [...byHash.values()];
}

/** Points per CSS pixel: images are set at the size a browser shows them, 96 pixels to the inch. */
const POINTS_PER_PX = 72 / 96;

/**
 * The largest box a figure's image takes on a PDF page, in points: the text column of an A4
 * page (Letter's is a little wider; figures keep A4's width on both) and at most 440 pt high,
 * which leaves room on the page for its caption. Shared by the PDF layout and the
 * `image-low-resolution` check, so the check speaks of the size the PDF really prints.
 */
export const PRINT_FIGURE_BOX = { width: 381, height: 440 } as const;

/**
 * The size a figure's image is printed at, in points: its size at 96 pixels per inch, scaled
 * down (never up) to fit `box`, keeping its proportions.
 */
export function printedSize(file: Pick<ImageFile, 'width' | 'height'>, box: { width: number; height: number } = PRINT_FIGURE_BOX): { width: number; height: number } {
  const width = file.width * POINTS_PER_PX;
  const height = file.height * POINTS_PER_PX;
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: width * scale, height: height * scale };
}

/** Pixels per inch of a raster image printed `printedWidth` points wide. */
export const printResolution = (file: Pick<ImageFile, 'width'>, printedWidth: number): number => file.width / (printedWidth / 72);

/** The bytes of the image files a report (an edition's model) publishes, by sha256, for its renderers. */
export function editionImageBytes(report: Pick<Report, 'sections'>, bytesOf: (sha256: string) => Uint8Array | undefined): Map<string, Uint8Array> {
  const images = new Map<string, Uint8Array>();
  for (const file of publishedImageFiles(report)) {
    const bytes = bytesOf(file.sha256);
    if (bytes) images.set(file.sha256, bytes);
  }
  return images;
}
