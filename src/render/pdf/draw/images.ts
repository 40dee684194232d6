import type PDFDocument from 'pdfkit';
import type { PDFImage } from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { FontKey, ImageSource } from '../layout/types.js';
import { pdfkitPng } from './png-image.js';

/** The face SVG text is set in: the report's sans, embedded like every other font. */
const SVG_TEXT_FONT: FontKey = 'sans';

/**
 * Draws figures' images from the bytes the renderer was handed, by content hash. PNG and JPEG
 * are opened once each and drawn as often as used (embedded once; JPEG data is passed through,
 * and PNGs are embedded a row at a time by `png-image.ts`, never decoded whole, interlaced ones
 * excepted). SVG is drawn as vectors by svg-to-pdfkit, with its text in the report's embedded sans; it can load nothing (the loader refused SVGs that refer to other
 * files, and the callbacks here open nothing), and the link annotations it would add untagged
 * are taken out again.
 */
export class ImageDrawer {
  private readonly opened = new Map<string, PDFImage>();
  private readonly svgText = new Map<string, string>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly images: ReadonlyMap<string, Uint8Array>,
  ) {}

  draw(source: ImageSource, x: number, y: number, width: number, height: number): void {
    if (source.format === 'svg') {
      this.drawSvg(source, x, y, width, height);
      return;
    }
    let image = this.opened.get(source.sha256);
    if (!image) {
      const bytes = this.bytes(source);
      image = (source.format === 'png' ? pdfkitPng(bytes, `LwrImage${this.opened.size + 1}`) : undefined) ?? this.doc.openImage(bytes);
      this.opened.set(source.sha256, image);
    }
    this.doc.image(image, x, y, { width, height });
  }

  private drawSvg(source: ImageSource, x: number, y: number, width: number, height: number): void {
    let text = this.svgText.get(source.sha256);
    if (text === undefined) {
      text = new TextDecoder().decode(this.bytes(source));
      this.svgText.set(source.sha256, text);
    }
    const annotations = this.doc.page.annotations.length;
    SVGtoPDF(this.doc, text, x, y, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: () => SVG_TEXT_FONT,
      imageCallback: () => new Uint8Array(0),
      documentCallback: () => null,
      warningCallback: () => {},
    });
    this.doc.page.annotations.length = annotations;
  }

  private bytes(source: ImageSource): Uint8Array {
    const bytes = this.images.get(source.sha256);
    if (!bytes) throw new Error(`the PDF renderer was not handed the image file ${source.sha256.slice(0, 12)}…`);
    return bytes;
  }
}
