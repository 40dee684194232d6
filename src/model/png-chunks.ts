/** The PNG file signature. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** One chunk of a PNG file: its type and its data (a view into the file's bytes). */
export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/**
 * The chunks of a PNG, in order, up to and including IEND; stops early (without IEND) where a
 * chunk does not fit in the file. Reads only the chunk headers: nothing is decompressed.
 * Shared by the loader (which judges the file) and the PDF drawing layer (which embeds it).
 */
export function pngChunks(bytes: Uint8Array): PngChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let pos = PNG_SIGNATURE.length;
  while (pos + 8 <= bytes.length) {
    const length = view.getUint32(pos);
    if (length > 0x7fffffff || pos + 12 + length > bytes.length) break;
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    chunks.push({ type, data: bytes.subarray(pos + 8, pos + 8 + length) });
    if (type === 'IEND') break;
    pos += 12 + length;
  }
  return chunks;
}

/** The fields of a PNG's IHDR chunk. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

/** Read an IHDR chunk's data (13 bytes). */
export function pngHeader(data: Uint8Array): PngHeader {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4), bitDepth: data[8]!, colorType: data[9]!, interlaced: data[12] === 1 };
}
