import type { Diagnostic } from '../../model/diagnostic.js';
import type { LinkRecord, Report } from '../../model/types.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';
import { DEFAULT_ACCEPT, parseAccept } from './accept.js';
import { checkPage, type PageTask } from './check-page.js';
import { ConnectionLimiter } from './limiter.js';
import { EXTERNAL_DEFAULTS, LINK_DEADLINE_TIMEOUTS, type ExternalCheckOptions, type ResolvedExternalOptions } from './options.js';
import { HostResolver, NetworkProbe, systemLookup } from './resolve.js';
import type { LinkVerdict } from './verdict.js';

/** Fill in every default. */
export function resolveExternalOptions(options: ExternalCheckOptions): ResolvedExternalOptions {
  const accept = typeof options.accept === 'string' ? parseAccept(options.accept) : (options.accept ?? DEFAULT_ACCEPT);
  return {
    ...EXTERNAL_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    accept,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    fetch: options.fetch ?? globalThis.fetch,
    linkDeadlineMs: options.linkDeadlineMs ?? LINK_DEADLINE_TIMEOUTS * (options.timeoutMs ?? EXTERNAL_DEFAULTS.timeoutMs),
    // A replaced fetch is a test's network: real name lookups would not describe it.
    lookup: options.lookup ?? (options.fetch ? undefined : systemLookup),
  } as ResolvedExternalOptions;
}

/** A link to check: where it was written, and its URL split into page and fragment. */
interface Target {
  link: LinkRecord;
  key: string;
  page: string;
  fragment: string;
}

/**
 * Check every external (http/https) link over the network: each page once, however many
 * links point to it; cached verdicts are used instead of asking again.
 */
export async function runExternalCheck(report: Report, options: ExternalCheckOptions): Promise<Diagnostic[]> {
  const resolved = resolveExternalOptions(options);
  const out: Diagnostic[] = [];
  const targets: Target[] = [];
  for (const link of report.links) {
    if (link.kind !== 'external' || !selected(link.url, resolved)) continue;
    const target = toTarget(link);
    if (target) targets.push(target);
    else out.push(ruleDiagnostic('link-external-broken', `${link.url} is not a valid address`, link.source, { url: link.url }));
  }

  const verdicts = new Map<string, LinkVerdict>();
  const tasks = new Map<string, PageTask>();
  for (const t of targets) {
    if (verdicts.has(t.key)) continue;
    const cached = resolved.cache?.get(t.key);
    if (cached) {
      verdicts.set(t.key, cached);
      continue;
    }
    const task = tasks.get(t.page) ?? { url: t.page, fragments: new Set<string>() };
    if (t.fragment) task.fragments.add(t.fragment);
    tasks.set(t.page, task);
  }

  const hosts = new HostResolver(resolved.lookup);
  const network = new NetworkProbe([...tasks.keys()], hosts);
  const ctx = { options: resolved, limiter: new ConnectionLimiter(resolved.concurrency, resolved.hostConcurrency), notBefore: new Map<string, number>(), hosts, network };
  let done = 0;
  resolved.onProgress?.(0, tasks.size);
  await Promise.all(
    [...tasks.values()].map(async (task) => {
      const pageVerdicts = await checkPage(task, ctx);
      for (const [fragment, verdict] of pageVerdicts) {
        const key = fragment ? `${task.url}#${encodeURIComponent(fragment)}` : task.url;
        verdicts.set(key, verdict);
        resolved.cache?.set(key, verdict);
      }
      resolved.onProgress?.(++done, tasks.size);
    }),
  );

  const unreachable = await network.unreachable;
  if (unreachable) {
    // Said once, not as a broken link per URL after retries.
    const unchecked = targets.filter((t) => verdicts.get(t.key)?.kind === 'offline').length;
    out.push(
      ruleDiagnostic('link-external-offline', `the network is unreachable: no host name resolves (${unreachable.join(', ')}); ${unchecked} external ${unchecked === 1 ? 'link was' : 'links were'} not checked`, {}, {
        hint: 'check the connection (or DNS), or leave out --external',
      }),
    );
  }
  for (const t of targets) {
    const verdict = verdicts.get(t.key);
    if (verdict) out.push(...verdictDiagnostics(t, verdict));
  }
  return out;
}

function selected(url: string, options: ResolvedExternalOptions): boolean {
  if (options.include.length > 0 && !options.include.some((re) => re.test(url))) return false;
  return !options.exclude.some((re) => re.test(url));
}

function toTarget(link: LinkRecord): Target | undefined {
  let url: URL;
  try {
    url = new URL(link.url.trim());
  } catch {
    return undefined;
  }
  let fragment = url.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Keep a malformed escape as written.
  }
  url.hash = '';
  // "#", "#top" and text fragments (#:~:text=…) never name an id.
  if (fragment === 'top' || fragment.startsWith(':~:')) fragment = '';
  const page = url.href;
  return { link, page, fragment, key: fragment ? `${page}#${encodeURIComponent(fragment)}` : page };
}

function verdictDiagnostics({ link, fragment }: Target, verdict: LinkVerdict): Diagnostic[] {
  const url = link.url;
  const after = verdict.finalUrl && verdict.kind !== 'redirected' ? ` (after redirecting to ${verdict.finalUrl})` : '';
  switch (verdict.kind) {
    case 'ok':
      return [];
    case 'redirected':
      return [
        ruleDiagnostic('link-external-redirect', `${url} redirects to ${verdict.finalUrl} (${verdict.hops} ${verdict.hops === 1 ? 'redirect' : 'redirects'})`, link.source, {
          url,
          hint: `link to ${verdict.finalUrl}${fragment ? `#${fragment}` : ''} directly`,
        }),
      ];
    case 'broken':
      return [ruleDiagnostic('link-external-broken', `${url} ${verdict.reason}${after}`, link.source, { url })];
    case 'redirect-loop':
      return [ruleDiagnostic('link-external-redirect-loop', `${url} ${verdict.reason}`, link.source, { url })];
    case 'fragment-missing':
      return [
        ruleDiagnostic('link-external-fragment', `#${fragment} is not an id in ${verdict.finalUrl ?? url.replace(/#.*$/s, '')}`, link.source, {
          url,
          ...(verdict.suggestion ? { hint: `did you mean #${verdict.suggestion}?` } : {}),
        }),
      ];
    case 'unverifiable':
      return [ruleDiagnostic('link-external-unverifiable', `${url} could not be verified: ${verdict.reason}${after}`, link.source, { url, hint: 'check it by hand in a browser' })];
    case 'redirect-refused':
      return [ruleDiagnostic('link-external-redirect-refused', `${url} ${verdict.reason}`, link.source, { url, hint: 'link to the page itself, or check by hand where it leads' })];
    default:
      // 'excluded' (skipped by address) and 'offline' (said once for the run) say nothing here.
      return [];
  }
}
