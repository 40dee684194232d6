import { createHash } from 'node:crypto';

/** The sha256 of bytes or of a string's UTF-8, in hex: content hashes of images, outputs and cache files. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
