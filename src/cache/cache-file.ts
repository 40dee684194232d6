import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/hash.js';

/**
 * One file of lwr's cache (.lwr-cache/): a header line naming the cache format, the key the
 * data is valid for (lwr's build, the content's or font's hash) and the sha256 of the data,
 * then the data as JSON. A file whose header, key or checksum does not match is ignored, so a
 * damaged or stale cache is never used: it only costs the work it would have saved.
 */
const FORMAT = 'lwr-cache 1';

interface Header {
  format: string;
  key: string;
  sha256: string;
}


/** The data of a cache file written for `key`; undefined when missing, damaged, or for another key. */
export function readCacheFile<T>(file: string, key: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const body = text.slice(newline + 1);
    if (header.sha256 !== sha256(body)) return undefined;
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

/**
 * Write a cache file atomically (a temporary file renamed into place, so a reader never sees
 * half a file and two lwr processes never mix theirs). Failing to write is not an error: the
 * cache only saves work.
 */
export function writeCacheFile(file: string, key: string, data: unknown): boolean {
  const body = JSON.stringify(data);
  const header: Header = { format: FORMAT, key, sha256: sha256(body) };
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
