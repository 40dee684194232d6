import { didYouMean } from '../../model/suggest.js';
import { isAccepted } from './accept.js';
import { isBotWall } from './bot-wall.js';
import { scanForIds, type FragmentScan } from './fragment-scan.js';
import { describeClass, type AddressClass } from './address.js';
import { Deadline, request, type RequestContext } from './request.js';
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
  // A name that does not resolve while no other does either: the network is gone, not the page.
  const answer = await ctx.hosts.resolve(new URL(task.url).hostname);
  if (answer?.error && (await ctx.network.unreachable)) return forAll(task, { kind: 'offline', reason: answer.error, cacheable: false });
  if (excluded(await classIfExcluding(new URL(task.url), ctx), ctx)) return forAll(task, { kind: 'excluded', cacheable: false });
  let method: 'HEAD' | 'GET' = task.fragments.size > 0 ? 'GET' : 'HEAD';
  let url = task.url;
  const visited = new Set([url]);
  let hops = 0;
  const deadline = new Deadline(options.linkDeadlineMs);
  for (;;) {
    const outcome = await request(url, method, ctx, deadline);
    if (outcome.kind === 'out-of-time') return forAll(task, { kind: 'unverifiable', reason: outcome.reason, ...via(url, hops), cacheable: false });
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
        const refused = await refusedRedirect(new URL(url), next, ctx);
        if (refused) return forAll(task, { kind: 'redirect-refused', status, reason: refused.reason, ...via(url, hops), cacheable: refused.cacheable });
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

/** The class of where a URL leads, looked up only when some class is excluded. */
async function classIfExcluding(url: URL, ctx: RequestContext): Promise<AddressClass | undefined> {
  const { excludePrivate, excludeLinkLocal, excludeLoopback } = ctx.options;
  return excludePrivate || excludeLinkLocal || excludeLoopback ? ctx.hosts.classOf(url) : undefined;
}

/** Whether links to this class of address are skipped (--exclude-private and friends). */
function excluded(kind: AddressClass | undefined, ctx: RequestContext): boolean {
  const { excludePrivate, excludeLinkLocal, excludeLoopback } = ctx.options;
  return (kind === 'private' && excludePrivate) || (kind === 'link-local' && excludeLinkLocal) || (kind === 'loopback' && excludeLoopback);
}

const EXCLUDE_OPTION: Record<Exclude<AddressClass, 'public'>, string> = { private: '--exclude-private', 'link-local': '--exclude-link-local', loopback: '--exclude-loopback' };

/**
 * Why a redirect is not followed, or undefined when it may be: never from a public address
 * into a loopback, private or link-local one (a public page steering the checker at
 * 169.254.169.254 or an intranet), and never to an address the options exclude.
 */
async function refusedRedirect(from: URL, to: URL, ctx: RequestContext): Promise<{ reason: string; cacheable: boolean } | undefined> {
  const target = await ctx.hosts.classOf(to);
  if (target === undefined || target === 'public') return undefined;
  if (excluded(target, ctx)) return { reason: `redirects to ${to.href}, ${describeClass(target)}, which ${EXCLUDE_OPTION[target]} skips; not followed`, cacheable: false };
  const source = await ctx.hosts.classOf(from);
  if (source !== 'public') return undefined;
  return { reason: `redirects from a public address to ${to.href}, ${describeClass(target)}; lwr does not follow redirects from the internet into a private network`, cacheable: true };
}

const via = (url: string, hops: number): Pick<LinkVerdict, 'finalUrl' | 'hops'> => (hops > 0 ? { finalUrl: url, hops } : {});

function forAll(task: PageTask, verdict: LinkVerdict): Map<string, LinkVerdict> {
  return new Map(['', ...task.fragments].map((f) => [f, verdict]));
}

const kib = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
