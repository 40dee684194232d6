/** Types of scripts/make-images.mjs for the TypeScript tests. */
export function pngChunk(type: string, data: Uint8Array): Buffer;
export function makePng(width: number, height: number, options?: { alpha?: boolean; noise?: number; bars?: boolean; seed?: number; claimWidth?: number; claimHeight?: number }): Buffer;
export function makeJpeg(width: number, height: number, options?: { quality?: number; noise?: number; seed?: number }): Promise<Buffer>;
export function encodePng(options: {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth?: 1 | 2 | 4 | 8 | 16;
  sample: (x: number, y: number, channel: number) => number;
  palette?: readonly number[];
  transparency?: readonly number[];
  interlaced?: boolean;
}): Buffer;
export function sparsePng(width: number, height: number, options?: { bitDepth?: 8 | 16; colorType?: 2 | 4 | 6 }): Promise<Buffer>;
