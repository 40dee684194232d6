import { z } from 'zod';
import { parseAccept } from '../check/external/accept.js';
import type { ExternalCheckOptions } from '../check/external/options.js';
import { parseDuration, parsePatterns } from '../check/external/parse.js';

/** A duration: milliseconds as a number, or text such as "500ms", "10s", "30m", "12h", "7d". */
export const duration = (description: string) =>
  z
    .union([z.number().int().min(0), z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)?\s*$/i, 'must be a duration such as 500ms, 10s, 30m, 12h or 7d')])
    .transform((value) => (typeof value === 'number' ? value : parseDuration(value)))
    .describe(`${description} (milliseconds, or a duration such as 10s, 30m, 1d)`);

const count = (min: number, description: string) => z.number().int().min(min).describe(description);

const patterns = (description: string) =>
  z
    .array(z.string())
    .transform((list, ctx) => {
      try {
        return parsePatterns(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .describe(description);

/**
 * Every field of the external checker's options (`src/check/external/options.ts`) that
 * lwr.config.yaml's `external:` may set, under the same name, with how it is written there.
 * An option added to ExternalCheckOptions becomes configurable by adding one line here: the
 * config's JSON Schema, its validation and `lwr check` pick it up from this table.
 */
export const EXTERNAL_OPTION_SCHEMAS = {
  timeoutMs: duration('time allowed for one request, headers and body'),
  concurrency: count(1, 'requests in flight at once, over all hosts'),
  hostConcurrency: count(1, 'requests in flight at once to one host'),
  retries: count(0, 'retries after a network error, a timeout or a 5xx answer'),
  backoffMs: duration('first wait before a retry, doubled each time'),
  maxRedirects: count(0, 'redirects followed before giving up'),
  retryAfterCapMs: duration('longest Retry-After honoured; a longer one makes the link unverifiable'),
  rateLimitRetries: count(0, 'times a 429 answer is waited out before the link is called unverifiable'),
  maxBodyBytes: count(1, 'bytes of a page read while looking for a #fragment'),
  accept: z
    .string()
    .refine((text) => {
      try {
        parseAccept(text);
        return true;
      } catch {
        return false;
      }
    }, 'must be status codes or ranges such as 200-299,403')
    .describe('accepted status codes, such as "200-299,403"'),
  include: patterns('check only external URLs matching one of these regular expressions'),
  exclude: patterns('do not check external URLs matching one of these regular expressions'),
  userAgent: z.string().min(1).describe('the User-Agent header sent with every request'),
  linkDeadlineMs: duration('time allowed for one link in all: every try, retry wait, Retry-After wait and redirect (default four times timeoutMs)'),
  excludePrivate: z.boolean().describe('do not check links to private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), nor follow redirects there'),
  excludeLinkLocal: z.boolean().describe('do not check links to link-local addresses (169.254/16, fe80::/10), nor follow redirects there'),
  excludeLoopback: z.boolean().describe('do not check links to loopback addresses (127/8, ::1, 0.0.0.0, localhost), nor follow redirects there'),
} satisfies { [K in keyof ExternalCheckOptions]?: z.ZodType<NonNullable<ExternalCheckOptions[K]>, unknown> };

/** The external options lwr.config.yaml sets, typed as the checker takes them. */
export type ConfiguredExternalOptions = { -readonly [K in keyof typeof EXTERNAL_OPTION_SCHEMAS]?: z.output<(typeof EXTERNAL_OPTION_SCHEMAS)[K]> };

/** The `external:` section: the checker's options, plus how `lwr check` runs it. */
export const externalSectionShape = {
  enabled: z.boolean().describe('check external links on every `lwr check`, as --external does (--offline still wins)'),
  cache: z
    .union([z.boolean(), z.string().min(1)])
    .describe('keep results between runs: true for .lwr-cache/links.json beside this file, or a file path relative to it'),
  cacheTtl: duration('how long cached results are trusted'),
  ...EXTERNAL_OPTION_SCHEMAS,
};
