
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

/** The manifest's JSON: files sorted by path, no timestamps, so reproducible builds match byte for byte. */
export function manifestJson(manifest: Manifest): string {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

/**
 * Whether a manifest.json's text is one lwr wrote: JSON with lwr's version, the report's slug
 * and a list of files each with a path, a size and a sha256. A web app's or a browser
 * extension's manifest.json is not, and its folder is never replaced or removed.
 */
export function isLwrManifest(text: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const { lwrVersion, report, files } = data as Record<string, unknown>;
  return (
    typeof lwrVersion === 'string' &&
    /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(lwrVersion) &&
    typeof report === 'string' &&
    Array.isArray(files) &&
    files.every((f) => f !== null && typeof f === 'object' && typeof f.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256))
  );
}
