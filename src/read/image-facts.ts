import { imageSize } from 'image-size';
import { PNG_SIGNATURE, type PngHeader, pngChunks, pngHeader } from '../model/png-chunks.js';
import { decodedPngBytes, inflatePngData, PNG_CHANNELS, scanlineBytes } from '../model/png-scanlines.js';
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
  /**
   * Bytes of decoded pixels (width × height × samples × bytes a sample) of a PNG the PDF
   * renderer must decode whole: an interlaced one. Every other PNG is embedded a row at a time.
   */
  maxWholeDecodedBytes: 32 * 1024 * 1024,
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
 * with IEND, or it was cut short. Where the PDF renderer decodes the image data (transparency,
 * interlacing), it is inflated here first, a slice at a time and kept nowhere, only after the
 * pixel limit passed: a corrupt stream is then a diagnostic, never a crash while drawing. An
 * interlaced PNG is decoded whole by the PDF renderer, so its decoded size is limited too.
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
  if (PNG_CHANNELS[colorType] === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) return unreadable(`${file} is not a valid PNG: unknown colour type ${colorType} or bit depth ${bitDepth}`);
  if (interlaced && decodedPngBytes(header) > IMAGE_LIMITS.maxWholeDecodedBytes) {
    const megabytes = (decodedPngBytes(header) / 1024 / 1024).toFixed(0);
    return {
      kind: 'over-limit',
      message: `${file} is an interlaced PNG of ${width} × ${height} pixels at ${bitDepth} bits a sample: the PDF would decode all ${megabytes} MB of it at once; lwr decodes at most ${IMAGE_LIMITS.maxWholeDecodedBytes / 1024 / 1024} MB of an interlaced PNG`,
      hint: 'export it again without interlacing (lwr then embeds it a row at a time), at a smaller size, or as JPEG',
    };
  }
  const decodedForPdf = colorType === 4 || colorType === 6 || (colorType === 3 && hasTransparency) || interlaced;
  if (decodedForPdf) {
    const problem = pngDataProblem(header, data);
    if (problem) return unreadable(`${file} ${problem}`, 'copy or export the image again');
  }
  return { format: 'png', width, height };
}

/**
 * Why a PNG's image data cannot be decoded (damaged, an unknown row filter, too short or too
 * long for its header), or undefined. Inflates a slice at a time and keeps nothing: only the
 * count of bytes and each row's filter byte are looked at.
 */
function pngDataProblem(header: PngHeader, data: readonly Uint8Array[]): string | undefined {
  const rows = scanlineLayout(header);
  const expected = rows.reduce((sum, [bytes, count]) => sum + (bytes + 1) * count, 0);
  let seen = 0;
  let nextFilter = 0;
  let run = 0;
  let left = rows[0]?.[1] ?? 0;
  let badFilter: number | undefined;
  try {
    inflatePngData(data, (chunk) => {
      const end = seen + chunk.length;
      while (nextFilter < Math.min(end, expected) && badFilter === undefined) {
        if (chunk[nextFilter - seen]! > 4) badFilter = chunk[nextFilter - seen]!;
        nextFilter += rows[run]![0] + 1;
        if (--left === 0 && ++run < rows.length) left = rows[run]![1];
      }
      seen = end;
      return seen <= expected && badFilter === undefined;
    });
  } catch {
    return 'is damaged: its compressed image data cannot be read';
  }
  if (badFilter !== undefined) return `is damaged: a row of its image data has an unknown filter (${badFilter})`;
  if (seen > expected) return 'is damaged: its compressed image data is longer than its header promises';
  if (seen < expected) return `is truncated: it has ${seen} of the ${expected} bytes of image data its header promises`;
  return undefined;
}

/** The scanlines of a PNG as [bytes a row, rows] runs: one run, or one for each interlace pass with pixels. */
function scanlineLayout(header: PngHeader): Array<[number, number]> {
  const { width, height } = header;
  if (!header.interlaced) return [[scanlineBytes(width, header), height]];
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes
    .map(([x0, y0, dx, dy]): [number, number] => [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)])
    .filter(([w, h]) => w > 0 && h > 0)
    .map(([w, h]): [number, number] => [scanlineBytes(w, header), h]);
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
