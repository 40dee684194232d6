/** Types of scripts/make-images.mjs for the TypeScript tests. */
export function pngChunk(type: string, data: Uint8Array): Buffer;
export function makePng(width: number, height: number, options?: { alpha?: boolean; noise?: number; bars?: boolean; seed?: number; claimWidth?: number; claimHeight?: number }): Buffer;
export function makeJpeg(width: number, height: number, options?: { quality?: number; noise?: number; seed?: number }): Promise<Buffer>;
