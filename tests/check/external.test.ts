import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks, type ExternalCheckOptions } from '../../src/check/index.js';
import { createLinkCache, parseCacheFile } from '../../src/check/external/cache.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Report } from '../../src/model/types.js';
import { expectToMatchFile, readContent } from '../support/report.js';
import { CHECK_FIXTURES } from './support.js';
import { startTestServer, type TestServer } from './test-server.js';

const TEMPLATE = path.join(CHECK_FIXTURES, '_external');

/**
 * Limits for routes that answer: a timeout no loaded machine reaches, so an answer is never
 * turned into a timeout, and small retry, backoff and body limits so the run stays short.
 */
const FAST: ExternalCheckOptions = { timeoutMs: 10_000, retries: 1, backoffMs: 20, maxBodyBytes: 64 * 1024, retryAfterCapMs: 5000 };
/** For routes that never finish: only the timeout ends them, so it is short. */
const HANGING: ExternalCheckOptions = { ...FAST, timeoutMs: 300 };

let server: TestServer;
let workDir: string;

/** A content folder holding `markdown` (ORIGIN replaced by the server's address), read into a report. */
function reportWith(markdown: string, name = 'content'): Report {
  const dir = path.join(workDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '01-links.md'), markdown.replaceAll('ORIGIN', server.origin));
  const { report, diagnostics } = readContent(dir);
  if (!report) throw new Error(JSON.stringify(diagnostics));
  return report;
}

const linksPage = (...urls: string[]) => `---\nid: links\ntitle: Links\n---\n\n${urls.map((u, i) => `- [link ${i + 1}](${u})`).join('\n')}\n`;
const lines = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message.replaceAll(server.origin, 'ORIGIN')}${d.hint ? ` (${d.hint.replaceAll(server.origin, 'ORIGIN')})` : ''}`).join('\n');
const requestsTo = (p: string) => server.requests.filter((r) => r.path === p);

beforeAll(async () => {
  server = await startTestServer();
  workDir = mkdtempSync(path.join(tmpdir(), 'lwr-external-'));
});
afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('checking external links against a local server', () => {
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    server.requests.length = 0;
    diagnostics = await checkExternalLinks(reportWith(readFileSync(path.join(TEMPLATE, 'answers.md'), 'utf8')), FAST);
  });

  it('reports what _external/expected-answers.txt lists: broken, redirected, looping, unverifiable, missing ids', () => {
    expectToMatchFile(`${lines(diagnostics)}\n`, path.join(TEMPLATE, 'expected-answers.txt'));
  });

  it('never asks a 429-answered URL again before its Retry-After has passed, and then asks again', () => {
    expect(server.earlyRetries).toEqual([]);
    expect(requestsTo('/limited').length).toBe(2);
    expect(diagnostics.some((d) => d.url?.endsWith('/limited'))).toBe(false);
  });

  it('asks for a page once however many links point to it, with HEAD when no fragment is wanted', () => {
    expect(requestsTo('/ok').map((r) => r.method)).toEqual(['HEAD']);
    expect(requestsTo('/page').map((r) => r.method)).toEqual(['GET']);
  });

  it('falls back to GET when HEAD is refused', () => {
    expect(requestsTo('/no-head').map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('retries a 5xx answer, with backoff, as many times as allowed', () => {
    expect(requestsTo('/server-error').length).toBe(2);
    expect(requestsTo('/flaky').length).toBe(2);
  });

  it('follows at most the allowed number of redirects', () => {
    expect(requestsTo('/loop-a').length + requestsTo('/loop-b').length).toBeLessThanOrEqual(3);
    expect(server.requests.filter((r) => r.path.startsWith('/chain/')).length).toBe(11);
  });

  it('stops reading a page as soon as the id is found, and caps an endless body', () => {
    expect(server.bytesWritten.get('big-page')!).toBeLessThan(10 * 1024 * 1024);
    // The client stopped after 64 KiB; socket buffers let the server write a little more.
    expect(server.bytesWritten.get('endless')!).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('servers that never finish', () => {
  it('ends requests to servers that never answer, answer too late or trickle, with the timeout, after the allowed retries', async () => {
    server.requests.length = 0;
    const hanging = await checkExternalLinks(reportWith(readFileSync(path.join(TEMPLATE, 'hanging.md'), 'utf8'), 'hanging'), HANGING);
    expectToMatchFile(`${lines(hanging)}\n`, path.join(TEMPLATE, 'expected-hanging.txt'));
    expect(requestsTo('/never').length).toBe(2);
    expect(requestsTo('/trickle').length).toBe(1);
  });
});

describe('options', () => {
  it('accepts the status codes it is told to', async () => {
    const report = reportWith(linksPage('ORIGIN/forbidden', 'ORIGIN/gone'), 'accept');
    const ds = await checkExternalLinks(report, { ...FAST, accept: '200-299,403' });
    expect(ds.map((d) => d.url?.replace(server.origin, ''))).toEqual(['/gone']);
  });

  it('checks only included URLs, and never excluded ones', async () => {
    server.requests.length = 0;
    const report = reportWith(linksPage('ORIGIN/good/a', 'ORIGIN/good/b', 'ORIGIN/missing/c'), 'patterns');
    const ds = await checkExternalLinks(report, { ...FAST, include: [/\/(good|missing)\//], exclude: [/\/b$/] });
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/good/a', '/missing/c']);
    expect(ds.map((d) => d.ruleId)).toEqual(['link-external-broken']);
  });

  it('reports progress as pages are checked', async () => {
    const seen: [number, number][] = [];
    await checkExternalLinks(reportWith(linksPage('ORIGIN/good/1', 'ORIGIN/good/2'), 'progress'), { ...FAST, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[0, 2], [1, 2], [2, 2]]);
  });

  it('honours severity overrides and lwr-ignore like the offline checks', async () => {
    const markdown = `---\nid: links\ntitle: Links\n---\n\n<!-- lwr-ignore link-external-broken -->\n[ignored](ORIGIN/missing/1)\n\n[reported](ORIGIN/missing/2)\n`;
    const report = reportWith(markdown, 'ignore');
    report.meta.rules['link-external-broken'] = 'warning';
    const ds = await checkExternalLinks(report, FAST);
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[9, 'warning']]);
  });
});

describe('the results cache', () => {
  it('answers a second run from the cache without any request, but never caches failures', async () => {
    const report = reportWith(linksPage('ORIGIN/good/cached', 'ORIGIN/missing/cached', 'ORIGIN/moved', 'ORIGIN/page#intro', 'ORIGIN/server-error'), 'cache');
    const file = parseCacheFile(undefined);
    const first = createLinkCache(file, { ttlMs: 60_000, settings: 's' });
    const firstRun = await checkExternalLinks(report, { ...FAST, retries: 0, cache: first });

    const asked: string[] = [];
    const second = createLinkCache(parseCacheFile(JSON.stringify(first.file())), { ttlMs: 60_000, settings: 's' });
    const secondRun = await checkExternalLinks(report, { ...FAST, retries: 0, cache: second, onRequest: (r) => asked.push(new URL(r.url).pathname) });
    expect(asked).toEqual(['/server-error']);
    expect(second.hits).toBe(4);
    expect(lines(secondRun)).toBe(lines(firstRun));
  });

  it('forgets entries older than the time-to-live, or made with other settings', () => {
    let now = 1_000_000;
    const cache = createLinkCache(parseCacheFile(undefined), { ttlMs: 1000, settings: 'a', now: () => now });
    cache.set('https://example.org/', { kind: 'ok', status: 200, cacheable: true });
    expect(cache.get('https://example.org/')?.kind).toBe('ok');
    expect(createLinkCache(cache.file(), { ttlMs: 1000, settings: 'b', now: () => now }).get('https://example.org/')).toBeUndefined();
    now += 1001;
    expect(cache.get('https://example.org/')).toBeUndefined();
    expect(cache.file().entries).toEqual({});
  });

  it('reads a damaged cache file as an empty cache', () => {
    expect(parseCacheFile('{not json')).toEqual({ version: 1, entries: {} });
    expect(parseCacheFile('{"version":2,"entries":{}}')).toEqual({ version: 1, entries: {} });
  });
});
