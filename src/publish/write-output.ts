import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestJson, sha256, type ManifestEntry } from './manifest.js';
import type { OutputFile } from './render-targets.js';

export interface WriteOptions {
  /** Keep files of the previous output that this build did not render (a narrowed build). */
  keepExisting: boolean;
  lwrVersion: string;
  reportSlug: string;
  /** Edition and format of a kept file, from its path. */
  describe: (file: string) => { edition: string; format: string } | undefined;
}

/**
 * Publishing failed. `previousUnchanged` says whether the previous output is still in place
 * byte for byte, so the message never claims it is when it is not.
 */
export class OutputWriteError extends Error {
  constructor(
    message: string,
    readonly previousUnchanged: boolean,
  ) {
    super(message);
  }
}

const MANIFEST = 'manifest.json';
let pendingTemporary: string | undefined;

/** Remove a half-written temporary folder; used by the SIGINT handler too. */
export function removePendingTemporary(): void {
  if (pendingTemporary) rmSync(pendingTemporary, { recursive: true, force: true });
  pendingTemporary = undefined;
}

/**
 * Publish files into `outDir` (a real path: resolveOutputFolder) atomically: everything is
 * written into a temporary folder beside it, which replaces `outDir` only when complete. On
 * any failure the previous output is left exactly as it was and the temporary folder is
 * removed; when that cannot be promised, the error says so (OutputWriteError).
 */
export function writeOutputAtomically(outDir: string, files: readonly OutputFile[], options: WriteOptions): ManifestEntry[] {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const temporary = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  const previous = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
  try {
    mkdirSync(parent, { recursive: true });
    pendingTemporary = temporary;
    if (options.keepExisting && existsSync(target)) cpSync(target, temporary, { recursive: true });
    else mkdirSync(temporary);
    for (const file of files) {
      const destination = path.join(temporary, file.path);
      if (!destination.startsWith(temporary + path.sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, file.contents);
    }
    const entries = listFiles(temporary)
      .filter((f) => f !== MANIFEST)
      .map((f): ManifestEntry => {
        const bytes = readFileSync(path.join(temporary, f));
        const rendered = files.find((o) => o.path === f);
        const described = rendered ? { edition: rendered.edition, format: rendered.format } : options.describe(f);
        return { path: f, size: bytes.length, sha256: sha256(bytes), ...(described ?? {}) };
      });
    writeFileSync(path.join(temporary, MANIFEST), manifestJson({ lwrVersion: options.lwrVersion, report: options.reportSlug, files: entries }));
    swapIn(temporary, target, previous);
    rmSync(previous, { recursive: true, force: true });
    return entries;
  } catch (error) {
    removePendingTemporary();
    if (error instanceof OutputWriteError) throw error;
    throw new OutputWriteError((error as Error).message, true);
  }
}

/** Move the finished folder into place; on failure put the previous output back, or say where it is. */
function swapIn(temporary: string, target: string, previous: string): void {
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(temporary, target);
    pendingTemporary = undefined;
  } catch (error) {
    if (!hadPrevious) throw error;
    try {
      renameSync(previous, target);
    } catch {
      throw new OutputWriteError(`${(error as Error).message}; the previous output could not be put back and is now at ${previous}`, false);
    }
    throw error;
  }
}

/** Every file below a folder, as sorted forward-slash paths relative to it. */
export function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, relative));
    else out.push(relative);
  }
  return out.sort();
}
