import { didYouMean } from '../../read/suggest.js';
import { isAccepted } from './accept.js';
import { isBotWall } from './bot-wall.js';
import { scanForIds, type FragmentScan } from './fragment-scan.js';
import { request, type RequestContext } from './request.js';
import type { LinkVerdict } from './verdict.js';

/** One page to check (a URL without its fragment) and the fragments links want in it. */
export interface PageTask {
  url: string;
  fragments: Set<string>;
}

/** Servers that refuse HEAD answer with these; the page is then asked for with GET. */
const HEAD_REFUSED = new Set([400, 403, 405, 406, 501]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Check one page: HEAD (or GET when fragments are wanted, or when HEAD is refused), follow
 * redirects by hand up to the limit, then judge the final status. Returns a verdict for the
 * page itself (key "") and for each wanted fragment.
 */
export async function checkPage(task: PageTask, ctx: RequestContext): Promise<Map<string, LinkVerdict>> {
  const { options } = ctx;
  let method: 'HEAD' | 'GET' = task.fragments.size > 0 ? 'GET' : 'HEAD';
  let url = task.url;
  const visited = new Set([url]);
  let hops = 0;
  for (;;) {
    const outcome = await request(url, method, ctx);
    if (outcome.kind === 'no-answer') return forAll(task, { kind: 'broken', reason: outcome.reason, ...via(url, hops), cacheable: false });
    if (outcome.kind === 'rate-limited') return forAll(task, { kind: 'unverifiable', reason: outcome.reason, ...via(url, hops), cacheable: false });
    const { response, finish } = outcome;
    try {
      const { status } = response;
      if (method === 'HEAD' && HEAD_REFUSED.has(status)) {
        method = 'GET';
        continue;
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(status) && location !== null) {
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return forAll(task, { kind: 'broken', status, reason: `redirects to "${location}", which is not a valid address`, ...via(url, hops), cacheable: true });
        }
        next.hash = '';
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return forAll(task, { kind: 'broken', status, reason: `redirects to a ${next.protocol} address`, ...via(url, hops), cacheable: true });
        }
        hops++;
        if (visited.has(next.href)) return forAll(task, { kind: 'redirect-loop', reason: `redirects in a loop (back to ${next.href} after ${hops} redirects)`, hops, cacheable: true });
        if (hops > options.maxRedirects) return forAll(task, { kind: 'redirect-loop', reason: `redirects more than ${options.maxRedirects} times`, hops, cacheable: true });
        visited.add(next.href);
        url = next.href;
        continue;
      }
      if (!isAccepted(status, options.accept)) {
        if (isBotWall(new URL(url), status, response.headers)) {
          return forAll(task, { kind: 'unverifiable', status, reason: `refuses automated checks (${status}${response.statusText ? ` ${response.statusText}` : ''})`, ...via(url, hops), cacheable: false });
        }
        const definite = status < 500 && status !== 408;
        return forAll(task, { kind: 'broken', status, reason: `answers ${status}${response.statusText ? ` ${response.statusText}` : ''}`, ...via(url, hops), cacheable: definite });
      }
      const page: LinkVerdict = hops > 0 ? { kind: 'redirected', status, finalUrl: url, hops, cacheable: true } : { kind: 'ok', status, cacheable: true };
      // HEAD is only used when no fragment is wanted, so a GET answer is here whenever one is.
      if (task.fragments.size === 0) return new Map([['', page]]);
      return await judgeFragments(task, page, response, ctx);
    } finally {
      await finish();
    }
  }
}

async function judgeFragments(task: PageTask, page: LinkVerdict, response: Response, ctx: RequestContext): Promise<Map<string, LinkVerdict>> {
  const verdicts = new Map([['', page]]);
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || (type !== '' && !/html|xml/i.test(type))) {
    for (const f of task.fragments) verdicts.set(f, page);
    return verdicts;
  }
  let scan: FragmentScan;
  try {
    scan = await scanForIds(response.body, task.fragments, ctx.options.maxBodyBytes);
  } catch (error) {
    const reason = `could not read the page to find its ids: ${(error as Error).message}`;
    for (const f of task.fragments) verdicts.set(f, { ...page, kind: 'unverifiable', reason, cacheable: false });
    return verdicts;
  }
  for (const fragment of task.fragments) {
    if (scan.found.has(fragment)) verdicts.set(fragment, page);
    else if (scan.end === 'truncated') {
      verdicts.set(fragment, { ...page, kind: 'unverifiable', reason: `no id "${fragment}" in the first ${kib(ctx.options.maxBodyBytes)} of the page`, cacheable: false });
    } else {
      const suggestion = didYouMean(fragment, scan.ids);
      verdicts.set(fragment, { ...page, kind: 'fragment-missing', ...(suggestion ? { suggestion } : {}), cacheable: true });
    }
  }
  return verdicts;
}

const via = (url: string, hops: number): Pick<LinkVerdict, 'finalUrl' | 'hops'> => (hops > 0 ? { finalUrl: url, hops } : {});

function forAll(task: PageTask, verdict: LinkVerdict): Map<string, LinkVerdict> {
  return new Map(['', ...task.fragments].map((f) => [f, verdict]));
}

const kib = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
