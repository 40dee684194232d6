import { createHash } from 'node:crypto';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
  edition?: string;
  format?: string;
}

export interface Manifest {
  lwrVersion: string;
  report: string;
  files: ManifestEntry[];
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The manifest's JSON: files sorted by path, no timestamps, so reproducible builds match byte for byte. */
export function manifestJson(manifest: Manifest): string {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}
