/**
 * Every verdict: `excluded` is a link skipped by address (--exclude-private…), `offline` one
 * not checked because the network is unreachable, `redirect-refused` a redirect not followed
 * (from the internet into a private network, or to an excluded address).
 */
export const VERDICT_KINDS = ['ok', 'redirected', 'broken', 'redirect-loop', 'fragment-missing', 'unverifiable', 'redirect-refused', 'excluded', 'offline'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** What checking one external URL (fragment included) concluded. */
export interface LinkVerdict {
  kind: VerdictKind;
  /** The final status code, when an answer came. */
  status?: number;
  /** Where redirects ended. */
  finalUrl?: string;
  /** Redirects followed. */
  hops?: number;
  /** Why, in words: "answers 404 Not Found", "timed out after 10 s (3 tries)". */
  reason?: string;
  /** For a missing fragment: the closest id in the page. */
  suggestion?: string;
  /**
   * Whether the verdict is a definite answer that may be cached: an answer from the server
   * (2xx, 3xx, 4xx other than 408 and 429, a redirect loop, a page without the id). Network
   * errors, timeouts, 5xx, rate limits and bot walls are never cached: they say nothing lasting.
   */
  cacheable: boolean;
}
