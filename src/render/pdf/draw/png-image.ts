import type PDFDocument from 'pdfkit';
import type { PDFImage } from 'pdfkit';
import { type PngHeader, pngChunks, pngHeader } from '../../../model/png-chunks.js';
import { forEachPngRow, PNG_CHANNELS } from '../../../model/png-scanlines.js';
import { BandDeflater } from './band-deflater.js';

/**
 * A PNG as a PDF image: the entries of its image dictionary and its data (zlib-compressed,
 * as FlateDecode reads it), with its transparency as a colour-key mask or a soft mask.
 */
export interface PdfPng {
  width: number;
  height: number;
  bitsPerComponent: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB' | { palette: Uint8Array };
  data: Uint8Array;
  /** Set when `data` is the PNG's own filtered data: the viewer undoes the PNG filters (/Predictor 15). */
  predictor?: { colors: number; bitsPerComponent: number; columns: number };
  /** /Mask: the colour (as a range per component) that is transparent. */
  colourKey?: number[];
  /** /SMask: one 8-bit alpha sample a pixel, zlib-compressed. */
  softMask?: Uint8Array;
}

/**
 * How lwr embeds a (non-interlaced) PNG in the PDF without ever holding its decoded pixels.
 * Without an alpha channel, the PNG's compressed data goes in unchanged with the PNG predictor
 * named (PDF's FlateDecode with /Predictor 15 is the PNG filter scheme), and a tRNS colour
 * becomes a colour-key /Mask. With an alpha channel (or a palette with alpha), the data is
 * inflated, unfiltered and split a row at a time into colour and alpha, each compressed again
 * as it goes: memory is a few rows plus the compressed result, where decoding the whole image
 * (pdfkit's png-js) took gigabytes for a 7000 × 7000 16-bit PNG. Sixteen-bit samples beside an
 * alpha channel keep their high byte, as pdfkit does.
 *
 * Interlaced PNGs are left to pdfkit (undefined): their rows come in seven passes, so they
 * are decoded whole, and the loader refuses those too large to decode (`image-over-limit`).
 */
export function pngForPdf(bytes: Uint8Array): PdfPng | undefined {
  const chunks = pngChunks(bytes);
  const header = chunks[0]?.type === 'IHDR' ? pngHeader(chunks[0].data) : undefined;
  if (!header || header.interlaced || PNG_CHANNELS[header.colorType] === undefined || chunks.at(-1)?.type !== 'IEND') return undefined;
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  if (header.colorType === 3 && !palette) return undefined;
  const transparency = chunks.find((c) => c.type === 'tRNS')?.data;
  const data = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  const { width, height, bitDepth, colorType } = header;

  if (colorType === 4 || colorType === 6) return splitAlpha(header, data);
  const colors = colorType === 2 ? 3 : 1;
  const png: PdfPng = {
    width,
    height,
    bitsPerComponent: bitDepth,
    colorSpace: colorType === 3 ? { palette: palette! } : colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    data: concat(data),
    predictor: { colors, bitsPerComponent: bitDepth, columns: width },
  };
  if (!transparency) return png;
  if (colorType === 3) return { ...png, softMask: paletteAlpha(header, data, transparency) };
  // tRNS holds one 16-bit value per sample: the transparent grey or RGB colour.
  const key: number[] = [];
  for (let i = 0; i + 1 < transparency.length && key.length < 2 * colors; i += 2) {
    const value = (transparency[i]! << 8) | transparency[i + 1]!;
    key.push(value, value);
  }
  return key.length === 2 * colors ? { ...png, colourKey: key } : png;
}

/** Grey + alpha or RGBA: colour and alpha split a row at a time, each deflated as it comes. */
function splitAlpha(header: PngHeader, data: readonly Uint8Array[]): PdfPng {
  const { width, height, bitDepth, colorType } = header;
  const channels = PNG_CHANNELS[colorType]!;
  const colors = channels - 1;
  const sampleBytes = bitDepth / 8;
  const colour = new BandDeflater();
  const alpha = new BandDeflater();
  const colourRow = new Uint8Array(width * colors);
  const alphaRow = new Uint8Array(width);
  forEachPngRow(header, data, (row) => {
    let at = 0;
    let c = 0;
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < colors; k++, at += sampleBytes) colourRow[c++] = row[at]!;
      alphaRow[x] = row[at]!;
      at += sampleBytes;
    }
    colour.push(colourRow);
    alpha.push(alphaRow);
  });
  return { width, height, bitsPerComponent: 8, colorSpace: colors === 3 ? 'DeviceRGB' : 'DeviceGray', data: colour.end(), softMask: alpha.end() };
}

/** A palette image's alpha (from its tRNS entries; indices past them are opaque), a row at a time. */
function paletteAlpha(header: PngHeader, data: readonly Uint8Array[], transparency: Uint8Array): Uint8Array {
  const { width, bitDepth } = header;
  const alpha = new BandDeflater();
  const alphaRow = new Uint8Array(width);
  const perByte = 8 / bitDepth;
  const mask = (1 << bitDepth) - 1;
  forEachPngRow(header, data, (row) => {
    for (let x = 0; x < width; x++) {
      const index = bitDepth === 8 ? row[x]! : (row[Math.floor(x / perByte)]! >> ((perByte - 1 - (x % perByte)) * bitDepth)) & mask;
      alphaRow[x] = index < transparency.length ? transparency[index]! : 255;
    }
    alpha.push(alphaRow);
  });
  return alpha.end();
}

interface PdfRef {
  data: Record<string, unknown>;
  end(data?: Uint8Array): void;
}
type DocumentWithRefs = PDFDocument & { ref(data?: Record<string, unknown>): PdfRef };

/**
 * A PNG as pdfkit's image object, converted when pdfkit first embeds it (`pngForPdf`), or
 * undefined for "let pdfkit open it" (interlaced PNGs).
 */
export function pdfkitPng(bytes: Uint8Array, label: string): PDFImage | undefined {
  const chunks = pngChunks(bytes);
  const header = chunks[0]?.type === 'IHDR' ? pngHeader(chunks[0].data) : undefined;
  if (!header || header.interlaced) return undefined;
  const image = {
    label,
    width: header.width,
    height: header.height,
    obj: null as PdfRef | null,
    embed(document: DocumentWithRefs): void {
      if (image.obj) return;
      const png = convertedPng(bytes);
      if (!png) throw new Error(`${label} is not a PNG lwr can embed`);
      image.obj = writePdfPng(document, png);
    },
  };
  return image;
}

/**
 * pngForPdf once per image bytes, whichever edition embeds them first: every edition of a build
 * is handed the same bytes, and a PNG with alpha costs a full inflate, split and deflate (about
 * 0.2 s for 1600 × 1200 RGBA). pdfkit never changes the data it is given.
 */
const converted = new WeakMap<Uint8Array, PdfPng | undefined>();
function convertedPng(bytes: Uint8Array): PdfPng | undefined {
  if (!converted.has(bytes)) converted.set(bytes, pngForPdf(bytes));
  return converted.get(bytes);
}

/** Write a PdfPng as an image XObject (with its soft mask); returns its reference. */
function writePdfPng(document: DocumentWithRefs, png: PdfPng): PdfRef {
  const obj = document.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: png.bitsPerComponent, Width: png.width, Height: png.height, Filter: 'FlateDecode' });
  if (png.predictor) {
    const params = document.ref({ Predictor: 15, Colors: png.predictor.colors, BitsPerComponent: png.predictor.bitsPerComponent, Columns: png.predictor.columns });
    obj.data.DecodeParms = params;
    params.end();
  }
  if (typeof png.colorSpace === 'string') {
    obj.data.ColorSpace = png.colorSpace;
  } else {
    const lookup = document.ref();
    lookup.end(png.colorSpace.palette);
    obj.data.ColorSpace = ['Indexed', 'DeviceRGB', png.colorSpace.palette.length / 3 - 1, lookup];
  }
  if (png.colourKey) obj.data.Mask = png.colourKey;
  if (png.softMask) {
    const mask = document.ref({ Type: 'XObject', Subtype: 'Image', Height: png.height, Width: png.width, BitsPerComponent: 8, Filter: 'FlateDecode', ColorSpace: 'DeviceGray', Decode: [0, 1] });
    mask.end(png.softMask);
    obj.data.SMask = mask;
  }
  obj.end(png.data);
  return obj;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts);
}
