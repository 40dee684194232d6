import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCacheFile, writeCacheFile } from '../cache/cache-file.js';
import { seedShaping, takeLearnedShaping, type ShapingRecords } from '../render/pdf/shaping-cache.js';

/** Where a build keeps the PDF's shaped text between builds, and the lwr build it is valid for. */
export interface ShapingStore {
  /** The cache file, e.g. `.lwr-cache/shaping.json`. */
  file: string;
  /** lwr's cache identity (version and bundled code). */
  lwrIdentity: string;
}

/** More runs than this (every distinct word of every face, across many reports) and the cache starts over. */
const MAX_RUNS = 200_000;

/** fontkit's version: shaping results are fontkit's, so a cache from another fontkit is stale. */
function fontkitVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('fontkit');
    for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'fontkit') return manifest.version ?? 'unknown';
      } catch {
        // no package.json here: keep walking up
      }
    }
  } catch {
    // fontkit not found: the renderer will say so
  }
  return 'unknown';
}

const keyOf = (store: ShapingStore): string => `shaping ${store.lwrIdentity} fontkit ${fontkitVersion()}`;

/**
 * Seed this thread's shaping with the runs an earlier build recorded (each font's runs are
 * keyed by its checksum, so a changed font file is shaped afresh). Returns what was read.
 */
export function loadShaping(store: ShapingStore): ShapingRecords {
  const records = readCacheFile<ShapingRecords>(store.file, keyOf(store)) ?? {};
  seedShaping(records);
  return records;
}

/** Add the runs this thread shaped to the cache file (nothing is written when there are none). */
export function saveShaping(store: ShapingStore, loaded: ShapingRecords): void {
  const learned = takeLearnedShaping();
  if (Object.keys(learned).length === 0) return;
  const count = (records: ShapingRecords) => Object.values(records).reduce((n, runs) => n + Object.keys(runs).length, 0);
  const base = count(loaded) + count(learned) > MAX_RUNS ? {} : loaded;
  const merged: ShapingRecords = { ...base };
  for (const [font, runs] of Object.entries(learned)) merged[font] = { ...merged[font], ...runs };
  writeCacheFile(store.file, keyOf(store), merged);
}
