import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/hash.js';
import { manifestJson, type ManifestEntry } from './manifest.js';
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
/** Temporary folders being written, not yet swapped in (one per build running in this process). */
const pendingTemporaries = new Set<string>();

/** Remove every half-written temporary folder of this process: the SIGINT handler's cleanup. */
export function removePendingTemporary(): void {
  for (const temporary of pendingTemporaries) removeTemporary(temporary);
}

/** Remove one build's temporary folder (never another build's). */
function removeTemporary(temporary: string): void {
  rmSync(temporary, { recursive: true, force: true });
  pendingTemporaries.delete(temporary);
}

/** An output being written: files go into a temporary folder beside it as they are made. */
export interface StagedOutput {
  /** Write files into the temporary folder now, and hash them (each piece of memory once). */
  add(files: readonly OutputFile[]): void;
  /** Add the manifest and put the folder in place of the output; the manifest's entries. */
  publish(describe: WriteOptions['describe']): ManifestEntry[];
  /** Remove the temporary folder: the previous output stays as it was. Later `add`s do nothing. */
  discard(): void;
}

/**
 * Start publishing into `outDir` (a real path: resolveOutputFolder) atomically: everything is
 * written into a temporary folder beside it, which replaces `outDir` only when `publish` is
 * called. A build adds each edition's files as soon as they are rendered, so writing them
 * overlaps with rendering the rest. On any failure the previous output is left exactly as it
 * was and the temporary folder is removed; when that cannot be promised, the error says so
 * (OutputWriteError).
 */
export function stageOutput(outDir: string, options: Omit<WriteOptions, 'describe'>): StagedOutput {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const temporary = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  const previous = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
  const failed = (error: unknown): OutputWriteError => {
    try {
      removeTemporary(temporary);
    } catch {
      // left beside the output: the next build or lwr clean sweeps it (its process is gone)
    }
    return error instanceof OutputWriteError ? error : new OutputWriteError((error as Error).message, true);
  };
  try {
    mkdirSync(parent, { recursive: true });
    sweepLeftovers(target);
    // Replacing the output removes the previous one: find out now whether it can be, not after
    // the new output is in place (a read-only folder inside it, run as a normal user).
    if (existsSync(target)) assertRemovable(target, path.basename(target));
    pendingTemporaries.add(temporary);
    if (options.keepExisting && existsSync(target)) cpSync(target, temporary, { recursive: true });
    else mkdirSync(temporary);
  } catch (error) {
    throw failed(error);
  }
  // What is written is hashed from memory, each piece of memory once (every HTML edition holds
  // the same image bytes); only files kept from the previous output are read back.
  const written = new Map<string, { size: number; sha256: string; edition: string; format: string }>();
  const hashed = new Map<Uint8Array | string, string>();
  let discarded = false;
  return {
    add(files) {
      if (discarded) return;
      try {
        // Never written into anew: a folder removed under the build (Ctrl+C) is a failure.
        if (!existsSync(temporary)) throw new Error(`the temporary folder ${path.basename(temporary)} was removed while the build ran`);
        for (const file of files) {
          const destination = path.join(temporary, file.path);
          if (!destination.startsWith(temporary + path.sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
          mkdirSync(path.dirname(destination), { recursive: true });
          // A page is encoded to UTF-8 once, for the file and for its hash.
          const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : file.contents;
          writeFileSync(destination, bytes);
          const digest = hashed.get(file.contents) ?? hashed.set(file.contents, sha256(bytes)).get(file.contents)!;
          written.set(file.path, { size: bytes.length, sha256: digest, edition: file.edition, format: file.format });
        }
      } catch (error) {
        discarded = true;
        throw failed(error);
      }
    },
    publish(describe) {
      if (discarded) throw new OutputWriteError('the output was discarded', true);
      try {
        const entries = listFiles(temporary)
          .filter((f) => f !== MANIFEST)
          .map((f): ManifestEntry => {
            const made = written.get(f);
            if (made) return { path: f, size: made.size, sha256: made.sha256, edition: made.edition, format: made.format };
            const bytes = readFileSync(path.join(temporary, f));
            return { path: f, size: bytes.length, sha256: sha256(bytes), ...(describe(f) ?? {}) };
          });
        writeFileSync(path.join(temporary, MANIFEST), manifestJson({ lwrVersion: options.lwrVersion, report: options.reportSlug, files: entries }));
        swapIn(temporary, target, previous);
        try {
          rmSync(previous, { recursive: true, force: true });
        } catch (error) {
          // Published, but the previous output could not all be removed (say, an immutable file):
          // say exactly that; the next build or lwr clean sweeps what is left.
          throw new OutputWriteError(
            `published the new output into ${path.basename(target)}, but the previous output could not be removed completely (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); what is left of it is in ${previous}`,
            false,
          );
        }
        return entries;
      } catch (error) {
        discarded = true;
        throw failed(error);
      }
    },
    discard() {
      discarded = true;
      try {
        removeTemporary(temporary);
      } catch {
        // Never throws over the build's own outcome; what is left is swept by the next build or lwr clean.
      }
    },
  };
}

/** Publish files into `outDir` atomically in one go (stageOutput, every file at once). */
export function writeOutputAtomically(outDir: string, files: readonly OutputFile[], options: WriteOptions): ManifestEntry[] {
  const output = stageOutput(outDir, options);
  output.add(files);
  return output.publish(options.describe);
}

/** Move the finished folder into place; on failure put the previous output back, or say where it is. */
function swapIn(temporary: string, target: string, previous: string): void {
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(temporary, target);
    pendingTemporaries.delete(temporary);
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

/** Temporary and previous-output folders beside `target` (`.dist.tmp-<pid>-…`, `.dist.old-<pid>-…`). */
export function leftoverFolders(target: string): { name: string; pid: number }[] {
  const parent = path.dirname(target);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(?:tmp|old)-(\\d+)-`);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ name, pid: Number(match[1]) }] : [];
  });
}

/** Remove what builds that are no longer running left beside the output (killed, out of power); a running build's folders are left alone. */
export function sweepLeftovers(target: string): void {
  for (const { name, pid } of leftoverFolders(target)) {
    if (pid !== process.pid && !isRunning(pid)) rmSync(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}

/**
 * Throw unless every folder in the tree can have its entries removed (write and search
 * permission). Root passes; immutable files are only found when removing.
 */
function assertRemovable(dir: string, shown: string): void {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
    const top = shown.split('/')[0]!;
    throw new OutputWriteError(`cannot replace ${top}: ${shown} is read-only (${code}); make it writable (chmod -R u+w ${top}) or choose another --out`, true);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) assertRemovable(path.join(dir, entry.name), `${shown}/${entry.name}`);
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
