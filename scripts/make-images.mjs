// Test and benchmark images made on the spot, so the repository carries no large binaries.
// PNG is written with Node's zlib; JPEG with jpeg-js (a dev dependency). Both are
// deterministic: the same arguments give the same bytes.
import { createDeflate, deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Pixel value at (x, y), channel c: smooth colour fields, plus noise that resists compression when `noise` > 0. */
function pixel(x, y, c, width, height, noise, seed) {
  const base = c === 0 ? (x * 255) / width : c === 1 ? (y * 255) / height : ((x + y) * 127) / (width + height) + 64;
  if (!noise) return base & 0xff;
  let h = (x * 374761393 + y * 668265263 + c * 2147483647 + seed * 1013904223) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return (base + ((h & 0xff) - 128) * noise) & 0xff;
}

/** A bar chart's pixel: flat bars on white, which compresses to almost nothing. */
function barPixel(x, y, c, width, height) {
  const bar = Math.floor((x / width) * 5);
  const top = height * (0.8 - bar * 0.14);
  if (x % Math.ceil(width / 5) < width / 10 || y < top) return 255;
  return [20, 80, 92][c] ?? 255;
}

/**
 * A PNG of `width` × `height`: RGB, or RGBA with `alpha`. `noise` (0–1) makes it larger and
 * photo-like; `bars` draws a flat bar chart instead. `claimWidth`/`claimHeight` write a header
 * that lies about the size (a decompression bomb) over a tiny image.
 */
export function makePng(width, height, { alpha = false, noise = 0, seed = 1, bars = false, claimWidth, claimHeight } = {}) {
  const channels = alpha ? 4 : 3;
  const row = width * channels + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) raw[y * row + 1 + x * channels + c] = c === 3 ? 220 : bars ? barPixel(x, y, c, width, height) : pixel(x, y, c, width, height, noise, seed);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(claimWidth ?? width, 0);
  header.writeUInt32BE(claimHeight ?? height, 4);
  header[8] = 8;
  header[9] = alpha ? 6 : 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG of `width` × `height` at `quality` (jpeg-js). */
export async function makeJpeg(width, height, { quality = 85, noise = 0, seed = 1 } = {}) {
  const { default: jpeg } = await import('jpeg-js');
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[o + c] = pixel(x, y, c, width, height, noise, seed);
      data[o + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

const PNG_CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** PNG's filter predictors (None, Sub, Up, Average, Paeth) for one byte. */
function predict(filter, left, up, upLeft) {
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return (left + up) >> 1;
  if (filter === 4) {
    const p = left + up - upLeft;
    const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
    return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
  }
  return 0;
}

/**
 * A PNG of any colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA) and bit depth,
 * interlaced or not, with `sample(x, y, channel)` giving each sample (in the bit depth's
 * range; for a palette image, the index). Rows cycle through the five filters, so a decoder
 * is tested on each. `palette` (RGB bytes) and `transparency` (the tRNS chunk's bytes) are
 * written as given.
 */
export function encodePng({ width, height, colorType, bitDepth = 8, sample, palette, transparency, interlaced = false }) {
  const channels = PNG_CHANNELS[colorType];
  const bitsPerPixel = channels * bitDepth;
  const unit = Math.max(1, bitsPerPixel / 8);
  const parts = [];
  let rowNumber = 0;
  for (const [x0, y0, dx, dy] of interlaced ? ADAM7 : [[0, 0, 1, 1]]) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8);
    let previous = Buffer.alloc(rowBytes);
    for (let r = 0; r < h; r++) {
      const raw = Buffer.alloc(rowBytes);
      let bit = 0;
      for (let i = 0; i < w; i++) {
        for (let c = 0; c < channels; c++, bit += bitDepth) {
          const value = sample(x0 + i * dx, y0 + r * dy, c);
          if (bitDepth === 16) raw.writeUInt16BE(value, bit / 8);
          else if (bitDepth === 8) raw[bit / 8] = value;
          else raw[bit >> 3] |= value << (8 - bitDepth - (bit & 7));
        }
      }
      const filter = rowNumber++ % 5;
      const filtered = Buffer.alloc(rowBytes + 1);
      filtered[0] = filter;
      for (let i = 0; i < rowBytes; i++) {
        const left = i >= unit ? raw[i - unit] : 0;
        const upLeft = i >= unit ? previous[i - unit] : 0;
        filtered[i + 1] = (raw[i] - predict(filter, left, previous[i], upLeft)) & 0xff;
      }
      parts.push(filtered);
      previous = raw;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  header[12] = interlaced ? 1 : 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(palette ? [pngChunk('PLTE', Buffer.from(palette))] : []),
    ...(transparency ? [pngChunk('tRNS', Buffer.from(transparency))] : []),
    pngChunk('IDAT', deflateSync(Buffer.concat(parts))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A large PNG that is almost all transparent (a line every 97 rows): a small file whose pixels
 * take `width` × `height` × samples × bytes each to decode, the shape of a chart exported at
 * a huge size. 16-bit RGBA unless said otherwise. Compressed as a stream, a row at a time, so
 * making it takes no more memory than the file.
 */
export async function sparsePng(width, height, { bitDepth = 16, colorType = 6 } = {}) {
  const rowBytes = (width * PNG_CHANNELS[colorType] * bitDepth) / 8 + 1;
  const empty = Buffer.alloc(rowBytes);
  const line = Buffer.alloc(rowBytes, 0x7f);
  line[0] = 0;
  const deflate = createDeflate();
  const parts = [];
  deflate.on('data', (chunk) => parts.push(chunk));
  const ended = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let y = 0; y < height; y++) {
    if (!deflate.write(y % 97 === 0 ? line : empty)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
}
