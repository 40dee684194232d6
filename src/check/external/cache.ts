import type { LinkVerdict } from './verdict.js';

/** Where verdicts of earlier runs are kept; the CLI backs it with a file. */
export interface LinkCache {
  get(url: string): LinkVerdict | undefined;
  set(url: string, verdict: LinkVerdict): void;
}

/** The cache file's JSON form. */
export interface CacheFile {
  version: 1;
  entries: Record<string, { checkedAt: number; settings: string; verdict: LinkVerdict }>;
}

/**
 * A cache over stored entries: an entry is used while younger than `ttlMs` and only when it
 * was made with the same settings (accepted codes, redirect limit), since those change the
 * verdict. Only cacheable verdicts are stored.
 */
export function createLinkCache(file: CacheFile, options: { ttlMs: number; settings: string; now?: () => number }): LinkCache & { file(): CacheFile; hits: number } {
  const now = options.now ?? Date.now;
  const entries = { ...file.entries };
  const cache = {
    hits: 0,
    get(url: string): LinkVerdict | undefined {
      const entry = entries[url];
      if (!entry || entry.settings !== options.settings || now() - entry.checkedAt > options.ttlMs || now() < entry.checkedAt) return undefined;
      cache.hits++;
      return entry.verdict;
    },
    set(url: string, verdict: LinkVerdict): void {
      if (verdict.cacheable) entries[url] = { checkedAt: now(), settings: options.settings, verdict };
      else delete entries[url];
    },
    /** The entries to write back, without expired ones. */
    file(): CacheFile {
      const fresh = Object.fromEntries(Object.entries(entries).filter(([, e]) => now() - e.checkedAt <= options.ttlMs));
      return { version: 1, entries: fresh };
    },
  };
  return cache;
}

/** Read a cache file's text; anything unreadable is an empty cache (a cache is never worth failing for). */
export function parseCacheFile(text: string | undefined): CacheFile {
  if (!text) return { version: 1, entries: {} };
  try {
    const data = JSON.parse(text) as Partial<CacheFile>;
    if (data.version !== 1 || typeof data.entries !== 'object' || data.entries === null) return { version: 1, entries: {} };
    return { version: 1, entries: data.entries };
  } catch {
    return { version: 1, entries: {} };
  }
}
