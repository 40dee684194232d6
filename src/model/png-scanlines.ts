import { Unzlib } from 'fflate';
import type { PngHeader } from './png-chunks.js';

/** Samples per pixel of each PNG colour type (grey, RGB, palette, grey + alpha, RGBA). */
export const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Bytes of one unfiltered scanline of `width` pixels (without its filter byte). */
export const scanlineBytes = (width: number, header: Pick<PngHeader, 'colorType' | 'bitDepth'>): number => Math.ceil((width * PNG_CHANNELS[header.colorType]! * header.bitDepth) / 8);

/** The bytes a PNG's pixels take once decoded (all its scanlines, unfiltered). */
export const decodedPngBytes = (header: PngHeader): number => scanlineBytes(header.width, header) * header.height;

/**
 * Compressed input handed to the inflater at a time. Deflate expands at most about 1,032
 * times, so no piece of output is larger than about 2 MB, however the data was made.
 */
const INPUT_SLICE = 2 * 1024;

/**
 * Inflate a PNG's image data (its IDAT chunks' data, in order) a slice at a time, handing each
 * piece of output to `onData` as it comes; stops as soon as `onData` returns false. Nothing but
 * the current piece is kept, so a small file that inflates to gigabytes costs no memory.
 * Throws where the data is damaged.
 */
export function inflatePngData(data: readonly Uint8Array[], onData: (chunk: Uint8Array) => boolean | void): void {
  let stopped = false;
  const inflater = new Unzlib((chunk) => {
    if (!stopped && chunk.length > 0 && onData(chunk) === false) stopped = true;
  });
  for (let c = 0; c < data.length && !stopped; c++) {
    const part = data[c]!;
    for (let at = 0; at < part.length && !stopped; at += INPUT_SLICE) {
      const end = Math.min(part.length, at + INPUT_SLICE);
      inflater.push(part.subarray(at, end), c === data.length - 1 && end === part.length);
    }
  }
}

/**
 * Call `onRow` with each unfiltered scanline of a non-interlaced PNG, top to bottom, decoding
 * one row at a time: memory is two rows, whatever the image's size. The row handed on is
 * reused for the next one. Throws where the data is damaged, cut short or has an unknown
 * filter.
 */
export function forEachPngRow(header: PngHeader, data: readonly Uint8Array[], onRow: (row: Uint8Array, y: number) => void): void {
  if (header.interlaced) throw new Error('an interlaced PNG cannot be read a row at a time');
  const length = scanlineBytes(header.width, header);
  // The filters work on whole pixels, or on bytes where a pixel is smaller than one.
  const unit = Math.max(1, (PNG_CHANNELS[header.colorType]! * header.bitDepth) / 8);
  let row = new Uint8Array(length);
  let previous = new Uint8Array(length);
  let filter = -1;
  let filled = 0;
  let y = 0;
  inflatePngData(data, (chunk) => {
    let at = 0;
    while (at < chunk.length && y < header.height) {
      if (filter < 0) {
        filter = chunk[at++]!;
        if (filter > 4) throw new Error(`unknown PNG filter ${filter} on row ${y + 1}`);
        continue;
      }
      const take = Math.min(length - filled, chunk.length - at);
      row.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === length) {
        unfilter(filter, row, previous, unit);
        onRow(row, y);
        [row, previous] = [previous, row];
        filter = -1;
        filled = 0;
        y++;
      }
    }
    return y < header.height;
  });
  if (y < header.height) throw new Error(`the image data ends after ${y} of ${header.height} rows`);
}

/** Undo a PNG row filter in place (PNG specification, section 9). */
function unfilter(filter: number, row: Uint8Array, previous: Uint8Array, unit: number): void {
  const n = row.length;
  switch (filter) {
    case 1:
      for (let i = unit; i < n; i++) row[i] = (row[i]! + row[i - unit]!) & 0xff;
      break;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i]! + previous[i]!) & 0xff;
      break;
    case 3:
      for (let i = 0; i < unit; i++) row[i] = (row[i]! + (previous[i]! >> 1)) & 0xff;
      for (let i = unit; i < n; i++) row[i] = (row[i]! + ((row[i - unit]! + previous[i]!) >> 1)) & 0xff;
      break;
    case 4:
      for (let i = 0; i < unit; i++) row[i] = (row[i]! + previous[i]!) & 0xff;
      for (let i = unit; i < n; i++) row[i] = (row[i]! + paeth(row[i - unit]!, previous[i]!, previous[i - unit]!)) & 0xff;
      break;
    default:
      break;
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}
