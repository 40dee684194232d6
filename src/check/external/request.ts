import { backoffMs, retryAfterMs } from './retry-after.js';
import type { ConnectionLimiter } from './limiter.js';
import type { ResolvedExternalOptions } from './options.js';
import type { HostResolver, NetworkProbe } from './resolve.js';

/** What every request of one run shares: options, the connection limiter and what 429s asked for. */
export interface RequestContext {
  options: ResolvedExternalOptions;
  limiter: ConnectionLimiter;
  /** URL → time before which it must not be asked again (from a 429's Retry-After or backoff). */
  notBefore: Map<string, number>;
  /** Host names resolved once per run (where links and redirects lead). */
  hosts: HostResolver;
  /** Whether the network is there at all. */
  network: NetworkProbe;
}

/**
 * The time one link may take in all: every try, wait and redirect. The clock starts when its
 * first request is sent, so waiting for a free connection behind other links does not count.
 */
export class Deadline {
  private startedAt: number | undefined;

  constructor(readonly budgetMs: number) {}

  start(): void {
    this.startedAt ??= Date.now();
  }

  /** Milliseconds left (the whole budget before the first request). */
  remaining(): number {
    return this.startedAt === undefined ? this.budgetMs : this.startedAt + this.budgetMs - Date.now();
  }

  /** "the 4 s allowed for one link", for messages. */
  describe(): string {
    return `the ${seconds(this.budgetMs)} allowed for one link (--link-deadline)`;
  }
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
/** The link's deadline ran out before a verdict. */
export interface OutOfTime {
  kind: 'out-of-time';
  reason: string;
}
export type RequestOutcome = OpenAnswer | NoAnswer | RateLimited | OutOfTime;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * One URL, one method, with the run's manners: it waits for a connection slot, never asks a
 * URL again before the Retry-After a 429 gave it, retries network errors, timeouts and 5xx
 * with exponential backoff, and waits out 429s (Retry-After up to the cap). The timeout
 * covers the headers and the body: the caller reads the body within it, then calls finish.
 * Nothing waits past the link's deadline: a wait that would is given up as out of time.
 */
export async function request(url: string, method: 'HEAD' | 'GET', ctx: RequestContext, deadline: Deadline): Promise<RequestOutcome> {
  const { options } = ctx;
  let failures = 0;
  let rateLimits = 0;
  const outOfTime = (why: string): OutOfTime => ({ kind: 'out-of-time', reason: `${why}, but ${deadline.describe()} ran out` });
  for (;;) {
    const answer = await requestOnce(url, method, ctx, deadline);
    if (answer.kind === 'out-of-time') return answer;
    if (answer.kind === 'no-answer') {
      if (failures >= options.retries || options.signal?.aborted) return { ...answer, reason: `${answer.reason} (${failures + 1} ${failures ? 'tries' : 'try'})` };
      const wait = backoffMs(options.backoffMs, failures++);
      if (wait >= deadline.remaining()) return outOfTime(`${answer.reason} (${failures} ${failures === 1 ? 'try' : 'tries'}), and would be tried again`);
      await sleep(wait);
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
      if (wait >= deadline.remaining()) return outOfTime(`rate-limited and asked to wait ${seconds(wait)}`);
      continue;
    }
    if (status >= 500 && status <= 599 && failures < options.retries) {
      const asked = retryAfterMs(headers.get('retry-after'), Date.now());
      const wait = asked !== undefined && asked <= options.retryAfterCapMs ? asked : backoffMs(options.backoffMs, failures);
      await answer.finish();
      // A 5xx says "not now", not "gone": with no time left to ask again, the link is unverified.
      if (wait >= deadline.remaining()) return outOfTime(`answers ${status} and would be asked again in ${seconds(wait)}`);
      await sleep(wait);
      failures++;
      continue;
    }
    return answer;
  }
}

async function requestOnce(url: string, method: 'HEAD' | 'GET', ctx: RequestContext, deadline: Deadline): Promise<OpenAnswer | NoAnswer | OutOfTime> {
  const { options } = ctx;
  // A 429 said when this URL may be asked again: wait at least that long, outside any slot.
  for (let until = ctx.notBefore.get(url) ?? 0; Date.now() < until; until = ctx.notBefore.get(url) ?? 0) {
    if (until - Date.now() >= deadline.remaining()) return { kind: 'out-of-time', reason: `rate-limited until ${seconds(until - Date.now())} from now, but ${deadline.describe()} ran out` };
    await sleep(until - Date.now() + 1);
  }
  const release = await ctx.limiter.acquire(new URL(url).host);
  deadline.start();
  const left = deadline.remaining();
  if (left <= 0) {
    release();
    return { kind: 'out-of-time', reason: `${deadline.describe()} ran out` };
  }
  const controller = new AbortController();
  // The request's own timeout, or what is left of the link's deadline if that is shorter.
  const byDeadline = left < options.timeoutMs;
  const timer = setTimeout(() => controller.abort(new Error(byDeadline ? `${deadline.describe()} ran out` : `timed out after ${seconds(options.timeoutMs)}`)), byDeadline ? left : options.timeoutMs);
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
    const reason = describeFailure(error, controller.signal);
    return byDeadline && controller.signal.aborted && !options.signal?.aborted ? { kind: 'out-of-time', reason } : { kind: 'no-answer', reason };
  }
}

function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `no answer (${cause.code})` : `no answer (${cause?.message ?? (error as Error).message})`;
}

/** "1.5 s", "10 s". */
export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
