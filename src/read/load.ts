import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { ImageFile, ImageProblem } from '../model/types.js';

/** One content file, decoded: UTF-8 without BOM, line endings normalised to LF. */
export interface SourceFile {
  /** The path shown to users: relative to the working directory, with forward slashes. */
  path: string;
  text: string;
}

export interface LoadedContent {
  /** The content folder as the user named it. */
  dir: string;
  /** Real path of the content folder: links and paths are confined to it. */
  root: string;
  /** `report.yaml`, when present. */
  config?: SourceFile;
  /** Markdown files in reading order (file-name order). */
  files: SourceFile[];
  /**
   * Reads the image files the Markdown names (createAssetReader, src/read/assets.ts, which the
   * caller adds: the image decoders are loaded only by a run that reads images); absent when
   * images are not to be read.
   */
  assets?: AssetReader;
}

/** What reading an image file found: its facts, or why it cannot be published. */
export type ImageLookup = { file: ImageFile } | { problem: ImageProblem };

/**
 * The loader's side of images: the reader asks for a path inside the content folder and gets
 * the file's facts; the publisher later asks for the bytes by content hash. Each file is read
 * once, however often the report uses it.
 */
export interface AssetReader {
  /**
   * Facts of the image at `contentPath` (inside the content folder, forward slashes). `known`,
   * what an earlier run found there, is taken as it is when the file still has its size and
   * sha256 (the read model cache checks its images this way without judging them again).
   */
  image(contentPath: string, known?: ImageLookup): ImageLookup;
  /** The bytes of an image read before, by sha256. */
  bytes(sha256: string): Uint8Array | undefined;
}

/** Files already read, by absolute path: a file whose size and mtime are unchanged is not re-read. */
export type LoadCache = Map<string, { mtimeMs: number; size: number; file?: SourceFile; image?: { lookup: ImageLookup; bytes?: Uint8Array } }>;

/**
 * The files of a load cache that are no longer as they were read (another size or time, or
 * gone). `lwr watch` asks after each rebuild: a file watcher can miss a second save that
 * follows the first within moments (chokidar reports one change per file per 50 ms).
 */
export function changedSinceLoad(cache: LoadCache): string[] {
  const changed: string[] = [];
  for (const [file, entry] of cache) {
    try {
      const stat = statSync(file);
      if (stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) changed.push(file);
    } catch {
      changed.push(file);
    }
  }
  return changed;
}

export interface LoadResult {
  content?: LoadedContent;
  diagnostics: Diagnostic[];
}

const CONFIG_NAMES = ['report.yaml', 'report.yml'];

/** Display path: relative to cwd when inside it, forward slashes always. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, absolute);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
  return shown.split(path.sep).join('/');
}

/**
 * Decode bytes as strict UTF-8. A BOM is dropped, CRLF and CR become LF; invalid bytes or NUL
 * give a diagnostic naming the first bad line.
 */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; diagnostic?: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { diagnostic: diagnostic('file-encoding', 'error', 'file contains a NUL byte; is it a binary file?', { file, line: lineOfByte(bytes, nul) }, { fatal: true }) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      diagnostic: diagnostic('file-encoding', 'error', 'file is not valid UTF-8', { file, line: firstInvalidUtf8Line(bytes) }, { fatal: true, hint: 'save the file as UTF-8' }),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n') };
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return 1;
}

/**
 * Read the content folder: report.yaml and every `*.md` file in file-name order. Problems are
 * returned as fatal diagnostics, all of them, never thrown.
 */
export function loadContent(dir: string, cwd: string = process.cwd(), cache?: LoadCache): LoadResult {
  const absDir = path.resolve(cwd, dir);
  const shownDir = displayPath(absDir, cwd);
  const diagnostics: Diagnostic[] = [];
  let root: string;
  let names: string[];
  try {
    if (!statSync(absDir).isDirectory()) {
      return { diagnostics: [diagnostic('content-missing', 'error', `content folder ${shownDir} is not a folder`, { file: shownDir }, { fatal: true })] };
    }
    root = realpathSync(absDir);
    names = readdirSync(absDir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'unknown error'})`;
    return {
      diagnostics: [diagnostic('content-missing', 'error', `content folder ${shownDir} ${why}`, { file: shownDir }, { fatal: true, hint: 'pass --content <dir>, or run lwr init <dir> to start a report' })],
    };
  }

  const readOne = (name: string): SourceFile | undefined => {
    const abs = path.join(absDir, name);
    const file = displayPath(abs, cwd);
    try {
      if (lstatSync(abs).isSymbolicLink()) {
        const target = realpathSync(abs);
        if (target !== root && !target.startsWith(root + path.sep)) {
          diagnostics.push(diagnostic('file-outside-content', 'error', 'symlink leads outside the content folder; it is not read', { file }, { fatal: true }));
          return undefined;
        }
      }
      const stat = statSync(abs);
      if (!stat.isFile()) return undefined;
      const cached = cache?.get(abs);
      if (cached?.file && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.file;
      const decoded = decodeSource(readFileSync(abs), file);
      if (decoded.diagnostic) {
        diagnostics.push(decoded.diagnostic);
        return undefined;
      }
      const source = { path: file, text: decoded.text! };
      cache?.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size, file: source });
      return source;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      diagnostics.push(diagnostic('content-missing', 'error', `file cannot be read (${code ?? String(error)})`, { file }, { fatal: true }));
      return undefined;
    }
  };

  const configName = CONFIG_NAMES.find((n) => names.includes(n));
  const config = configName ? readOne(configName) : undefined;
  const files = names.filter((n) => n.toLowerCase().endsWith('.md')).map(readOne).filter((f): f is SourceFile => f !== undefined);

  if (files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic('content-missing', 'error', `content folder ${shownDir} has no Markdown files`, { file: shownDir }, { fatal: true, hint: 'add NN-name.md files, or run lwr init <dir>' }));
  }
  const content: LoadedContent = { dir: shownDir, root, files };
  if (config) content.config = config;
  return { content, diagnostics };
}
