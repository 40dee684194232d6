import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks, type ExternalCheckOptions } from '../../src/check/index.js';
import { parseCacheFile } from '../../src/check/external/cache.js';
import type { Report } from '../../src/model/types.js';
import { readContent } from '../support/report.js';
import { contentCopy, runLwrAsync, sectionFile, tempDir } from './support.js';

// `lwr check --external` runs in CI with the network the runner has: a link must not hold it
// for an hour, a public page must not steer it into a private network, a damaged cache must not
// stop it, and no network at all must be said once.

/** A server whose routes rate-limit, fail and redirect as the cases need; it counts hits per path. */
async function startServer(): Promise<{ origin: string; port: number; hits: Map<string, number>; close: () => Promise<void> }> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hit = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, hit);
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    // 429 with Retry-After: 1 three times, then fine: 3 s of waiting before an answer.
    if (url.pathname === '/slow-then-ok') return void (hit <= 3 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end('ok'));
    // Five hops, each answering 503 with Retry-After: 1 once before it redirects.
    const chain = /^\/chain\/(\d)$/.exec(url.pathname);
    if (chain) {
      const n = Number(chain[1]);
      if (hit === 1) return void res.writeHead(503, { 'retry-after': '1' }).end();
      return void (n < 4 ? redirect(`/chain/${n + 1}`) : res.writeHead(200).end('ok'));
    }
    if (url.pathname === '/to-metadata') return void redirect('http://169.254.169.254/latest/meta-data/');
    if (url.pathname === '/to-intranet') return void redirect('http://intranet.corp.example/wiki');
    if (url.pathname === '/to-loopback') return void redirect(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ok`);
    if (url.pathname === '/to-public') return void redirect(`http://public.example:${(server.address() as AddressInfo).port}/ok`);
    if (url.pathname === '/ok') return void res.writeHead(200).end('ok');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let server: Awaited<ReturnType<typeof startServer>>;
let work: string;
beforeAll(async () => {
  server = await startServer();
  work = tempDir('lwr-network-');
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const linksFile = (urls: string[]) => `---\nid: links\ntitle: Links\n---\n\n${urls.map((u, i) => `- [target ${i + 1}](${u})`).join('\n')}\n`;

/** A content folder whose only external links are `urls`, read into a report. */
function reportWith(name: string, urls: string[]): { report: Report; content: string } {
  const content = contentCopy(path.join(work, name), { '01-intro.md': sectionFile('intro', 'An introduction without links.'), '03-links.md': linksFile(urls) });
  const { report, diagnostics } = readContent(content);
  if (!report) throw new Error(JSON.stringify(diagnostics));
  return { report, content };
}

/** The diagnostics of `lwr check --format json` (one object: tool, exitCode, counts, diagnostics). */
const diagnosticsOf = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { ruleId: string; url?: string; message: string }[] }).diagnostics;

const summary = (ds: { ruleId: string; url?: string; message: string }[]) => ds.map((d) => [d.url?.replace(server.origin, 'ORIGIN').replace(`:${server.port}`, ':PORT'), d.ruleId]);

describe('every link has an overall deadline', () => {
  it('a link that is fine only after 3 s of Retry-After waits is unverifiable within its deadline (4 × --timeout), never fine', async () => {
    const { report } = reportWith('deadline-429', [`${server.origin}/slow-then-ok`, `${server.origin}/chain/0`]);
    const started = performance.now();
    const ds = await checkExternalLinks(report, { timeoutMs: 500, retries: 2, backoffMs: 20 });
    const seconds = (performance.now() - started) / 1000;
    expect(summary(ds)).toEqual([
      ['ORIGIN/slow-then-ok', 'link-external-unverifiable'],
      ['ORIGIN/chain/0', 'link-external-unverifiable'],
    ]);
    for (const d of ds) expect(d.message).toMatch(/the 2 s allowed for one link \(--link-deadline\) ran out/);
    expect(seconds).toBeLessThan(3.5);
  });

  it('the deadline is configurable: with --link-deadline 20000 the same links are checked to the end and end well', async () => {
    server.hits.clear();
    const { content } = reportWith('deadline-cli', [`${server.origin}/slow-then-ok`, `${server.origin}/chain/0`]);
    const run = await runLwrAsync(['check', 'links', '--external', '--timeout', '500', '--link-deadline', '20000', '--format', 'json', '--content', content], { env: { CI: '1' } });
    expect(run.status, run.stderr).toBe(0);
    // Both end well; the chain's redirects are reported as information.
    expect(summary(diagnosticsOf(run.stdout))).toEqual([['ORIGIN/chain/0', 'link-external-redirect']]);
    server.hits.clear();
    const short = await runLwrAsync(['check', 'links', '--external', '--timeout', '500', '--format', 'json', '--content', content], { env: { CI: '1' } });
    expect(summary(diagnosticsOf(short.stdout))).toEqual([
      ['ORIGIN/slow-then-ok', 'link-external-unverifiable'],
      ['ORIGIN/chain/0', 'link-external-unverifiable'],
    ]);
  });
});

describe('redirects into a private network', () => {
  /** Names resolve as on the internet: public.example is public, intranet.corp.example private. */
  const lookup = async (host: string): Promise<string[]> => {
    if (host === 'public.example') return ['203.0.113.7'];
    if (host === 'intranet.corp.example') return ['10.1.2.3'];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };
  /** Fetch through the test server for public.example; anything else a redirect reaches is recorded and refused. */
  function network(): { fetch: typeof globalThis.fetch; reached: string[] } {
    const reached: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(String(input));
      reached.push(url.host);
      if (url.hostname === 'public.example') url.hostname = '127.0.0.1';
      if (url.hostname !== '127.0.0.1') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      return globalThis.fetch(url, init);
    };
    return { fetch, reached };
  }
  const publicOrigin = () => `http://public.example:${server.port}`;

  it('a public page redirecting to 169.254.169.254, an intranet name or loopback: refused, said so, never requested', async () => {
    const { report } = reportWith('redirect-guard', [`${publicOrigin()}/to-metadata`, `${publicOrigin()}/to-intranet`, `${publicOrigin()}/to-loopback`]);
    const { fetch, reached } = network();
    const ds = await checkExternalLinks(report, { timeoutMs: 2000, retries: 0, fetch, lookup });
    expect(summary(ds)).toEqual([
      ['http://public.example:PORT/to-metadata', 'link-external-redirect-refused'],
      ['http://public.example:PORT/to-intranet', 'link-external-redirect-refused'],
      ['http://public.example:PORT/to-loopback', 'link-external-redirect-refused'],
    ]);
    expect(ds[0]!.message).toMatch(/redirects from a public address to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, a link-local address/);
    expect(ds[1]!.message).toMatch(/a private address/);
    expect(ds[2]!.message).toMatch(/a loopback address/);
    expect(reached.every((host) => host.startsWith('public.example'))).toBe(true);
  });

  it('a link that is itself local may redirect locally (a private start is not an attack)', async () => {
    const { report } = reportWith('redirect-local', [`${server.origin}/to-loopback`]);
    expect(await checkExternalLinks(report, { timeoutMs: 2000, retries: 0 })).toMatchObject([{ ruleId: 'link-external-redirect' }]);
  });

  it('--exclude-loopback, --exclude-private, --exclude-link-local skip such links and refuse redirects to them', async () => {
    server.hits.clear();
    const { report } = reportWith('excludes', [`${server.origin}/ok`, 'http://10.0.0.1/intranet', 'http://169.254.169.254/latest/', `http://localhost:${server.port}/ok`, `${publicOrigin()}/to-loopback`]);
    const { fetch, reached } = network();
    const options: ExternalCheckOptions = { timeoutMs: 2000, retries: 0, fetch, lookup: async (host) => (host === 'localhost' ? ['127.0.0.1'] : lookup(host)), excludeLoopback: true, excludePrivate: true, excludeLinkLocal: true };
    const ds = await checkExternalLinks(report, options);
    expect(summary(ds)).toEqual([['http://public.example:PORT/to-loopback', 'link-external-redirect-refused']]);
    expect(ds[0]!.message).toMatch(/which --exclude-loopback skips/);
    expect(reached).toEqual([`public.example:${server.port}`]);
  });
});

describe('a damaged link cache', () => {
  it('an entry of an unknown kind is ignored with a note, never an internal error', async () => {
    const { content } = reportWith('cache-damaged', [`${server.origin}/ok`]);
    const cache = path.join(work, 'cache-damaged', 'links.json');
    const settings = 'accept=200-299;redirects=10';
    writeFileSync(cache, JSON.stringify({ version: 1, entries: { [`${server.origin}/ok`]: { checkedAt: Date.now(), settings, verdict: { kind: 'from-the-future', cacheable: true } } } }));
    const run = await runLwrAsync(['check', 'links', '--external', '--cache', cache, '--format', 'json', '--content', content], { env: { CI: '1' } });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/ignored 1 damaged or unknown entry in the link cache/);
    expect(run.status, run.stderr).toBe(0);
    expect(diagnosticsOf(run.stdout)).toEqual([]);
  });

  it('entries with missing or mistyped fields are dropped, good ones kept', () => {
    const notes: string[] = [];
    const good = { checkedAt: 1, settings: 's', verdict: { kind: 'ok', status: 200, cacheable: true } };
    const file = parseCacheFile(JSON.stringify({ version: 1, entries: { a: good, b: { checkedAt: 'yesterday', settings: 's', verdict: good.verdict }, c: { ...good, verdict: null }, d: 42 } }), (n) => notes.push(n));
    expect(Object.keys(file.entries)).toEqual(['a']);
    expect(notes).toEqual(['ignored 3 damaged or unknown entries in the link cache; they are checked again']);
    parseCacheFile('{not json', (n) => notes.push(n));
    expect(notes.at(-1)).toMatch(/not JSON/);
  });
});

describe('no network at all', () => {
  it('when no host name resolves, the run says once that the network is unreachable, and sends nothing', async () => {
    const { report } = reportWith('offline', ['https://example.org/a', 'https://example.com/b', 'https://example.net/c#d']);
    const asked: string[] = [];
    const started = performance.now();
    const ds = await checkExternalLinks(report, {
      fetch: async (input) => (asked.push(String(input)), new Response('')),
      lookup: async () => Promise.reject(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })),
    });
    expect(ds.map((d) => d.ruleId)).toEqual(['link-external-offline']);
    expect(ds[0]!.message).toBe('the network is unreachable: no host name resolves (EAI_AGAIN); 3 external links were not checked');
    expect(asked).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('lwr check --external with names that resolve nowhere (.invalid): one error, quickly, instead of one per link after back-off', async () => {
    const { content } = reportWith('offline-cli', ['https://one.invalid/a', 'https://two.invalid/b', 'https://three.invalid/c']);
    const run = await runLwrAsync(['check', 'links', '--external', '--format', 'json', '--content', content], { env: { CI: '1' } });
    expect(run.status).toBe(1);
    expect(diagnosticsOf(run.stdout).map((d) => d.ruleId)).toEqual(['link-external-offline']);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('one name that does not resolve among names that do is a broken link, not a dead network', async () => {
    const { report } = reportWith('one-dead-name', ['https://alive.example/', 'https://dead.invalid/']);
    const ds = await checkExternalLinks(report, {
      retries: 0,
      fetch: async (input) => (String(input).includes('dead') ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })) : new Response('')),
      lookup: async (host) => (host === 'alive.example' ? ['203.0.113.9'] : Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }))),
    });
    expect(ds.map((d) => [d.url, d.ruleId])).toEqual([['https://dead.invalid/', 'link-external-broken']]);
  });
});
