import { VERDICT_KINDS, type LinkVerdict } from './verdict.js';

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

/**
 * Read a cache file's text. Anything unreadable is an empty cache, and an entry that is not a
 * verdict this lwr writes (damaged, or from another version) is dropped: a cache is never
 * worth failing for. `onNote` is told what was ignored, so the user hears of it once.
 */
export function parseCacheFile(text: string | undefined, onNote: (note: string) => void = () => undefined): CacheFile {
  if (!text) return { version: 1, entries: {} };
  let data: Partial<CacheFile>;
  try {
    data = JSON.parse(text) as Partial<CacheFile>;
  } catch {
    onNote('the link cache is not JSON; it is ignored and will be rewritten');
    return { version: 1, entries: {} };
  }
  if (data === null || typeof data !== 'object' || data.version !== 1 || typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) {
    onNote('the link cache is from another version of lwr or damaged; it is ignored and will be rewritten');
    return { version: 1, entries: {} };
  }
  const entries: CacheFile['entries'] = {};
  let dropped = 0;
  for (const [url, entry] of Object.entries(data.entries)) {
    if (isCacheEntry(entry)) entries[url] = entry;
    else dropped++;
  }
  if (dropped) onNote(`ignored ${dropped} damaged or unknown ${dropped === 1 ? 'entry' : 'entries'} in the link cache; ${dropped === 1 ? 'it is' : 'they are'} checked again`);
  return { version: 1, entries };
}

const KINDS: ReadonlySet<string> = new Set(VERDICT_KINDS);

/** Whether a stored entry is one this lwr wrote: a time, settings, and a verdict of a known kind. */
function isCacheEntry(entry: unknown): entry is CacheFile['entries'][string] {
  if (entry === null || typeof entry !== 'object') return false;
  const { checkedAt, settings, verdict } = entry as Record<string, unknown>;
  if (typeof checkedAt !== 'number' || !Number.isFinite(checkedAt) || typeof settings !== 'string' || verdict === null || typeof verdict !== 'object') return false;
  const v = verdict as Record<string, unknown>;
  return (
    typeof v.kind === 'string' &&
    KINDS.has(v.kind) &&
    v.cacheable === true &&
    (v.status === undefined || typeof v.status === 'number') &&
    (v.finalUrl === undefined || typeof v.finalUrl === 'string') &&
    (v.hops === undefined || typeof v.hops === 'number') &&
    (v.reason === undefined || typeof v.reason === 'string') &&
    (v.suggestion === undefined || typeof v.suggestion === 'string')
  );
}
