import type PDFDocument from 'pdfkit';
import type { PDFImage } from 'pdfkit';
import { pngChunks, pngHeader } from '../../../model/png-chunks.js';

interface PdfRef {
  data: Record<string, unknown>;
  end(data?: Uint8Array): void;
}
type DocumentWithRefs = PDFDocument & { ref(data?: Record<string, unknown>): PdfRef };

/**
 * A PNG embedded as it is: its compressed image data goes into the PDF unchanged, with the PNG
 * predictor named so the viewer undoes it (PDF's FlateDecode with /Predictor 15 is the PNG
 * filter scheme). pdfkit does the same for such PNGs, but first copies the data a byte at a
 * time through png-js, which made a report with twenty 2 MB PNGs take seconds longer.
 *
 * Only PNGs without transparency or interlacing qualify (pdfkit's own path, which decodes the
 * pixels, takes the others): undefined means "let pdfkit open it".
 */
export function passThroughPng(bytes: Uint8Array, label: string): PDFImage | undefined {
  const chunks = pngChunks(bytes);
  const header = chunks[0]?.type === 'IHDR' ? pngHeader(chunks[0].data) : undefined;
  if (!header || header.interlaced || ![0, 2, 3].includes(header.colorType)) return undefined;
  if (chunks.some((c) => c.type === 'tRNS') || chunks.at(-1)?.type !== 'IEND') return undefined;
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  if (header.colorType === 3 && !palette) return undefined;
  const data = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const colors = header.colorType === 2 ? 3 : 1;
  const image = {
    label,
    width: header.width,
    height: header.height,
    obj: null as PdfRef | null,
    embed(document: DocumentWithRefs): void {
      if (image.obj) return;
      const obj = document.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: header.bitDepth, Width: header.width, Height: header.height, Filter: 'FlateDecode' });
      const params = document.ref({ Predictor: 15, Colors: colors, BitsPerComponent: header.bitDepth, Columns: header.width });
      obj.data.DecodeParms = params;
      params.end();
      if (header.colorType === 3) {
        const lookup = document.ref();
        lookup.end(palette!);
        obj.data.ColorSpace = ['Indexed', 'DeviceRGB', palette!.length / 3 - 1, lookup];
      } else {
        obj.data.ColorSpace = colors === 3 ? 'DeviceRGB' : 'DeviceGray';
      }
      obj.end(data);
      image.obj = obj;
    },
  };
  return image;
}
