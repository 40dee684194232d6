import { backoffMs, retryAfterMs } from './retry-after.js';
import type { ConnectionLimiter } from './limiter.js';
import type { ResolvedExternalOptions } from './options.js';

/** What every request of one run shares: options, the connection limiter and what 429s asked for. */
export interface RequestContext {
  options: ResolvedExternalOptions;
  limiter: ConnectionLimiter;
  /** URL → time before which it must not be asked again (from a 429's Retry-After or backoff). */
  notBefore: Map<string, number>;
}

/** An answer whose body is still open: read it or not, then call `finish` (always). */
export interface OpenAnswer {
  kind: 'answer';
  response: Response;
  finish: () => Promise<void>;
}
/** No answer: a network error or a timeout, after every retry. */
export interface NoAnswer {
  kind: 'no-answer';
  reason: string;
}
/** Still rate-limited: Retry-After was longer than the cap, or 429s kept coming. */
export interface RateLimited {
  kind: 'rate-limited';
  reason: string;
}
export type RequestOutcome = OpenAnswer | NoAnswer | RateLimited;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * One URL, one method, with the run's manners: it waits for a connection slot, never asks a
 * URL again before the Retry-After a 429 gave it, retries network errors, timeouts and 5xx
 * with exponential backoff, and waits out 429s (Retry-After up to the cap). The timeout
 * covers the headers and the body: the caller reads the body within it, then calls finish.
 */
export async function request(url: string, method: 'HEAD' | 'GET', ctx: RequestContext): Promise<RequestOutcome> {
  const { options } = ctx;
  let failures = 0;
  let rateLimits = 0;
  for (;;) {
    const answer = await requestOnce(url, method, ctx);
    if (answer.kind === 'no-answer') {
      if (failures >= options.retries || options.signal?.aborted) return { ...answer, reason: `${answer.reason} (${failures + 1} ${failures ? 'tries' : 'try'})` };
      await sleep(backoffMs(options.backoffMs, failures++));
      continue;
    }
    const { status, headers } = answer.response;
    if (status === 429) {
      const asked = retryAfterMs(headers.get('retry-after'), Date.now());
      const wait = asked ?? backoffMs(options.backoffMs, rateLimits);
      ctx.notBefore.set(url, Date.now() + wait);
      await answer.finish();
      rateLimits++;
      if (wait > options.retryAfterCapMs) return { kind: 'rate-limited', reason: `rate-limited: asked to wait ${seconds(wait)}, more than the ${seconds(options.retryAfterCapMs)} allowed` };
      if (rateLimits > options.rateLimitRetries) return { kind: 'rate-limited', reason: `still rate-limited after ${rateLimits} tries` };
      continue;
    }
    if (status >= 500 && status <= 599 && failures < options.retries) {
      const asked = retryAfterMs(headers.get('retry-after'), Date.now());
      await answer.finish();
      await sleep(asked !== undefined && asked <= options.retryAfterCapMs ? asked : backoffMs(options.backoffMs, failures));
      failures++;
      continue;
    }
    return answer;
  }
}

async function requestOnce(url: string, method: 'HEAD' | 'GET', ctx: RequestContext): Promise<OpenAnswer | NoAnswer> {
  const { options } = ctx;
  // A 429 said when this URL may be asked again: wait at least that long, outside any slot.
  for (let until = ctx.notBefore.get(url) ?? 0; Date.now() < until; until = ctx.notBefore.get(url) ?? 0) await sleep(until - Date.now() + 1);
  const release = await ctx.limiter.acquire(new URL(url).host);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${seconds(options.timeoutMs)}`)), options.timeoutMs);
  const stop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', stop, { once: true });
  const done = () => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    release();
  };
  try {
    options.onRequest?.({ url, method });
    const fetchPage = options.fetch;
    const response = await fetchPage(url, {
      method,
      redirect: 'manual',
      signal: controller.signal,
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    let finished = false;
    return {
      kind: 'answer',
      response,
      finish: async () => {
        if (finished) return;
        finished = true;
        if (response.body && !response.bodyUsed) await response.body.cancel().catch(() => undefined);
        done();
      },
    };
  } catch (error) {
    done();
    return { kind: 'no-answer', reason: describeFailure(error, controller.signal) };
  }
}

function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `no answer (${cause.code})` : `no answer (${cause?.message ?? (error as Error).message})`;
}

/** "1.5 s", "10 s". */
export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
