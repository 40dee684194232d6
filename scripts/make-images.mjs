// Test and benchmark images made on the spot, so the repository carries no large binaries.
// PNG is written with Node's zlib; JPEG with jpeg-js (a dev dependency). Both are
// deterministic: the same arguments give the same bytes.
import { deflateSync } from 'node:zlib';

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
