import type { LinkCache } from './cache.js';
import type { StatusRange } from './accept.js';
import type { Lookup } from './resolve.js';

/** How `checkExternalLinks` talks to the network. Every field is optional. */
export interface ExternalCheckOptions {
  /** Time allowed for one request, headers and body, in ms (default 10 000). */
  timeoutMs?: number;
  /** Requests in flight at once, over all hosts (default 128). */
  concurrency?: number;
  /** Requests in flight at once to one host (default 32), so one big host is not flooded. */
  hostConcurrency?: number;
  /**
   * Time allowed for one link in all, in ms: every try, retry and backoff, Retry-After wait
   * and redirect hop (default: four times `timeoutMs`, 40 s). A link that runs out of it is
   * unverifiable, never fine.
   */
  linkDeadlineMs?: number;
  /** Retries after a network error, a timeout or a 5xx answer (default 2). */
  retries?: number;
  /** First wait before a retry, doubled each time (default 500 ms). */
  backoffMs?: number;
  /** Redirects followed before giving up (default 10). */
  maxRedirects?: number;
  /** Longest Retry-After honoured; a longer one makes the link unverifiable (default 60 000 ms). */
  retryAfterCapMs?: number;
  /** Times a 429 answer is waited out before the link is called unverifiable (default 3). */
  rateLimitRetries?: number;
  /** Bytes of a page read while looking for a #fragment (default 4 MiB). */
  maxBodyBytes?: number;
  /** Accepted status codes, as ranges or as text such as "200-299,403" (default 200-299). */
  accept?: string | readonly StatusRange[];
  /** Only URLs matching one of these are checked (default: all). */
  include?: readonly RegExp[];
  /** URLs matching one of these are not checked. */
  exclude?: readonly RegExp[];
  /** Skip links to private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and refuse redirects to them, like lychee's --exclude-private (default false). */
  excludePrivate?: boolean;
  /** Skip links to link-local addresses (169.254/16, fe80::/10) and refuse redirects to them (default false). */
  excludeLinkLocal?: boolean;
  /** Skip links to loopback addresses (127/8, ::1, 0.0.0.0, localhost) and refuse redirects to them (default false). */
  excludeLoopback?: boolean;
  /**
   * Resolves host names, to judge where links and redirects lead and to tell a dead network
   * from dead links (default: the system resolver; none when `fetch` is replaced, since the
   * network is then a test's).
   */
  lookup?: Lookup;
  /** Results of earlier runs; read and written through this interface only. */
  cache?: LinkCache;
  /** The fetch to use (default: Node's built-in fetch). */
  fetch?: typeof globalThis.fetch;
  /** Called as pages are checked, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each request is sent (for logs, tests and benchmarks). */
  onRequest?: (request: { url: string; method: string }) => void;
  userAgent?: string;
  /** Stops every request when aborted. */
  signal?: AbortSignal;
}

/** The options with every default filled in. */
export type ResolvedExternalOptions = Required<Omit<ExternalCheckOptions, 'cache' | 'onProgress' | 'onRequest' | 'signal' | 'include' | 'exclude' | 'accept' | 'lookup'>> &
  Pick<ExternalCheckOptions, 'cache' | 'onProgress' | 'onRequest' | 'signal' | 'lookup'> & { accept: readonly StatusRange[]; include: readonly RegExp[]; exclude: readonly RegExp[] };

/** The defaults, in one place (the CLI shows them in --help). */
export const EXTERNAL_DEFAULTS = {
  timeoutMs: 10_000,
  concurrency: 128,
  hostConcurrency: 32,
  retries: 2,
  backoffMs: 500,
  maxRedirects: 10,
  retryAfterCapMs: 60_000,
  rateLimitRetries: 3,
  maxBodyBytes: 4 * 1024 * 1024,
  excludePrivate: false,
  excludeLinkLocal: false,
  excludeLoopback: false,
  userAgent: 'lwr-link-check/1 (Living Well report link checker)',
} as const;

/** The per-link deadline, when not given, in multiples of the per-request timeout. */
export const LINK_DEADLINE_TIMEOUTS = 4;
