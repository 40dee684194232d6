import { imageSize } from 'image-size';
import { inflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunks, pngHeader } from '../model/png-chunks.js';
import type { ImageFile, ImageProblem } from '../model/types.js';
import { svgFacts } from './svg-facts.js';

/**
 * Limits that keep a hostile image from using unbounded memory or time. A decompression bomb
 * (a small file that claims 50,000 × 50,000 pixels) is refused from its header, before any
 * pixel is decoded.
 */
export const IMAGE_LIMITS = {
  /** Files larger than this are not read at all. */
  maxBytes: 50 * 1024 * 1024,
  /** Width × height, the pixels a reader's browser or the PDF renderer would decode. */
  maxPixels: 50_000_000,
} as const;

/** What the bytes of an image file are, as lwr publishes them. */
export type ImageFacts = Pick<ImageFile, 'format' | 'width' | 'height'>;

/** Names of formats lwr recognises but does not publish, for the "convert it" message. */
const OTHER_FORMATS: Record<string, string> = {
  gif: 'a GIF',
  webp: 'a WebP',
  tiff: 'a TIFF',
  bmp: 'a BMP',
  avif: 'an AVIF',
  heif: 'a HEIF/HEIC',
  ico: 'an ICO',
  cur: 'a CUR',
  psd: 'a Photoshop (PSD)',
  jp2: 'a JPEG 2000',
  jxl: 'a JPEG XL',
  dds: 'a DDS',
  icns: 'an ICNS',
  ktx: 'a KTX',
  pnm: 'a PNM',
  tga: 'a TGA',
  exr: 'an OpenEXR',
};

/**
 * Read what an image file is from its bytes: format (by content, never by name), size in
 * pixels as shown, and whether it is whole and safe to publish. Pure: bytes in, facts or a
 * problem out. `file` (the path inside the content folder) only names the file in messages.
 */
export function imageFacts(bytes: Uint8Array, file: string): ImageFacts | ImageProblem {
  if (bytes.length === 0) return unreadable(`${file} is empty (0 bytes)`, 'export the image again');
  if (startsWith(bytes, PNG_SIGNATURE)) return pngFacts(bytes, file);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegFacts(bytes, file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return { kind: 'unsupported-format', message: `${file} is compressed (gzip, as a .svgz file is)`, hint: 'save the SVG uncompressed (.svg), or convert the image to PNG' };
  }
  if (looksLikeXml(bytes)) return svgFacts(bytes, file);
  let type: string | undefined;
  try {
    type = imageSize(bytes).type;
  } catch {
    type = undefined;
  }
  if (type && OTHER_FORMATS[type]) {
    const photo = type === 'heif' || type === 'avif' || type === 'webp';
    return {
      kind: 'unsupported-format',
      message: `${file} is ${OTHER_FORMATS[type]} image; lwr publishes PNG, JPEG and SVG`,
      hint: photo ? 'convert it to JPEG (a photo) or PNG (a chart or drawing)' : 'convert it to PNG (or JPEG for a photo)',
    };
  }
  return unreadable(`${file} is not an image lwr can read (not PNG, JPEG or SVG)`, 'export it again as PNG, JPEG or SVG');
}

/** A problem of kind `unreadable`. */
export const unreadable = (message: string, hint?: string): ImageProblem => ({ kind: 'unreadable', message, ...(hint ? { hint } : {}) });

function overLimit(file: string, width: number, height: number): ImageProblem | undefined {
  if (width * height <= IMAGE_LIMITS.maxPixels) return undefined;
  const megapixels = Math.round((width * height) / 1e6);
  return {
    kind: 'over-limit',
    message: `${file} is ${width} × ${height} pixels (${megapixels} megapixels); lwr publishes images of at most ${IMAGE_LIMITS.maxPixels / 1e6} megapixels`,
    hint: 'scale the image down: about 2,000 pixels across prints sharply at the width of the text',
  };
}

// ---------------------------------------------------------------- PNG

/**
 * A PNG's header (IHDR) gives its size; every chunk must fit in the file and the file must end
 * with IEND, or it was cut short. The image data is inflated only where the PDF renderer
 * would decode it (transparency, interlacing) and only after the pixel limit passed: a
 * corrupt stream is then a diagnostic, never a crash while drawing.
 */
function pngFacts(bytes: Uint8Array, file: string): ImageFacts | ImageProblem {
  const chunks = pngChunks(bytes);
  const first = chunks[0];
  if (!first) return unreadable(`${file} is not a valid PNG: it is cut short before its image header`, 'export the image again');
  if (first.type !== 'IHDR' || first.data.length !== 13) return unreadable(`${file} is not a valid PNG: it does not start with an image header`, 'export the image again');
  const header = pngHeader(first.data);
  if (header.width === 0 || header.height === 0) return unreadable(`${file} claims a size of ${header.width} × ${header.height} pixels`, 'export the image again');
  const limit = overLimit(file, header.width, header.height);
  if (limit) return limit;
  const data = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  const hasTransparency = chunks.some((c) => c.type === 'tRNS');
  const ended = chunks.at(-1)?.type === 'IEND';
  if (!ended || data.length === 0) return unreadable(`${file} is truncated: the PNG ends before its image data is complete`, 'copy or export the image again');
  const { width, height, bitDepth, colorType, interlaced } = header;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) return unreadable(`${file} is not a valid PNG: unknown colour type ${colorType} or bit depth ${bitDepth}`);
  const decodedForPdf = colorType === 4 || colorType === 6 || (colorType === 3 && hasTransparency) || interlaced;
  if (decodedForPdf) {
    const expected = rawPngSize(width, height, channels * bitDepth, interlaced);
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(concat(data), { maxOutputLength: expected + 1 });
    } catch {
      return unreadable(`${file} is damaged: its compressed image data cannot be read`, 'copy or export the image again');
    }
    if (inflated.length < expected) return unreadable(`${file} is truncated: it has ${inflated.length} of the ${expected} bytes of image data its header promises`, 'copy or export the image again');
  }
  return { format: 'png', width, height };
}

/** Bytes of a PNG's filtered scanlines: one filter byte per row, per interlace pass. */
function rawPngSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

// ---------------------------------------------------------------- JPEG

/**
 * A JPEG's frame header (found by image-size) gives its size, and its EXIF orientation says
 * whether it is shown turned (width and height swap). A file cut short has no end marker.
 */
function jpegFacts(bytes: Uint8Array, file: string): ImageFacts | ImageProblem {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return unreadable(`${file} is not a valid JPEG: its frame header is missing or damaged`, 'export the image again');
  }
  if (size.type !== 'jpg' || !size.width || !size.height) return unreadable(`${file} is not a valid JPEG: it has no size`, 'export the image again');
  const turned = (size.orientation ?? 1) > 4;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const limit = overLimit(file, width, height);
  if (limit) return limit;
  if (!hasJpegEnd(bytes)) return unreadable(`${file} is truncated: the JPEG ends before its end marker`, 'copy or export the image again');
  return { format: 'jpeg', width, height };
}

/**
 * Whether the JPEG's end-of-image marker (FF D9) is near its end. Inside the compressed data
 * an FF byte is always followed by 00 or a restart marker, so FF D9 there is the real end;
 * some cameras add padding after it, hence the window.
 */
function hasJpegEnd(bytes: Uint8Array): boolean {
  const from = Math.max(2, bytes.length - 64 * 1024);
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

// ---------------------------------------------------------------- helpers

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text that starts (after a BOM and white space) with `<`: an SVG candidate. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
