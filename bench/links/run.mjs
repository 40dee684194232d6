#!/usr/bin/env node
/**
 * Benchmark: `lwr check links --external` against linkinator 7 on the same 500 links, served by
 * a server started here on 127.0.0.1 that answers every request after 20 ms.
 *
 *   npx tsc -p . && node bench/links/run.mjs
 *
 * Links: 250 good, 75 answering 404, 75 redirecting (301) to good pages, 25 with a #fragment
 * that exists, 25 with one that does not, and 50 answering 429 (Retry-After: 1) on their first
 * request only. Scenarios:
 *   1. all 500 links (target: lwr time / linkinator time <= 0.6);
 *   2. the 50 rate-limited links replaced by good ones (target <= 0.5);
 *   3. a second lwr run with the results cache (must make no request; target < 0.3 s of checking).
 * lwr must report exactly the 100 broken links and never ask a 429-answered URL again before
 * its Retry-After. Results go to bench/results/links.json (BENCH_RESULTS names another file).
 * BENCH_REPEATS sets the runs per tool (medians are reported); BENCH_LWR_ARGS adds lwr flags,
 * e.g. "--host-concurrency 64"; LWR_BENCH_CHECKOUT times another built lwr checkout. This is a script, not a test: times vary between machines.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lwrBin } from '../lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DELAY_MS = 20;
const COUNTS = { good: 250, missing: 75, redirect: 75, fragmentFound: 25, fragmentMissing: 25, limited: 50 };

// ------------------------------------------------------------------ the server

/** Everything the server saw, per run prefix (each tool run gets fresh 429 state). */
const requests = [];
const rateLimitedUntil = new Map();
const earlyRetries = [];

const PAGE = (id) => `<!doctype html><html><head><title>Page</title></head><body><h1>Page</h1>${id ? `<h2 id="${id}">Section</h2>` : ''}<p>${'Lorem ipsum. '.repeat(200)}</p></body></html>`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  requests.push({ method: req.method, path: url.pathname, at: Date.now() });
  setTimeout(() => answer(req, res, url.pathname), DELAY_MS);
});
server.keepAliveTimeout = 5000;
// Connections opened: a checker that reuses them opens few.
let connections = 0;
server.on('connection', () => connections++);

function answer(req, res, pathname) {
  const [, run, kind] = pathname.split('/');
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (kind === 'index.html') return send(200, indexPage(run));
  if (kind === 'good' || kind === 'target' || kind === 'nofrag') return send(200, PAGE(undefined));
  if (kind === 'frag') return send(200, PAGE('section'));
  if (kind === 'missing') return send(404, 'not found');
  if (kind === 'redirect') return send(301, '', { location: pathname.replace('/redirect/', '/target/') });
  if (kind === 'limited') {
    const until = rateLimitedUntil.get(pathname);
    if (until === undefined) {
      rateLimitedUntil.set(pathname, Date.now() + 1000);
      return send(429, 'slow down', { 'retry-after': '1' });
    }
    if (Date.now() < until) earlyRetries.push(pathname);
    return send(200, PAGE(undefined));
  }
  send(404, 'no such route');
}

// ------------------------------------------------------------------ the links

/** The 500 links of a run; with `limited: false` the rate-limited ones are good pages instead. */
function links(origin, run, { limited }) {
  const out = [];
  const add = (n, make) => {
    for (let i = 0; i < n; i++) out.push(make(i));
  };
  add(COUNTS.good, (i) => ({ url: `${origin}/${run}/good/${i}`, broken: false }));
  add(COUNTS.missing, (i) => ({ url: `${origin}/${run}/missing/${i}`, broken: true }));
  add(COUNTS.redirect, (i) => ({ url: `${origin}/${run}/redirect/${i}`, broken: false }));
  add(COUNTS.fragmentFound, (i) => ({ url: `${origin}/${run}/frag/${i}#section`, broken: false }));
  add(COUNTS.fragmentMissing, (i) => ({ url: `${origin}/${run}/nofrag/${i}#section`, broken: true }));
  add(COUNTS.limited, (i) => ({ url: limited ? `${origin}/${run}/limited/${i}` : `${origin}/${run}/good/${COUNTS.good + i}`, broken: false }));
  return out;
}

const linkSets = new Map();
function indexPage(run) {
  const set = linkSets.get(run) ?? [];
  return `<!doctype html><html><head><title>Links</title></head><body><ul>${set.map((l, i) => `<li><a href="${l.url}">Link ${i + 1}</a></li>`).join('')}</ul></body></html>`;
}

/** A content folder whose one section lists the links. */
function contentFolder(dir, set) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'report.yaml'), 'title: Link benchmark\n');
  const list = set.map((l, i) => `- [Benchmark link number ${i + 1}](${l.url})`).join('\n');
  writeFileSync(path.join(dir, '01-links.md'), `---\nid: links\ntitle: Links\n---\n\n${list}\n`);
}

// ------------------------------------------------------------------ running the tools

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    // Run in the scratch folder: lwr's cache then goes beside the benchmark's content, not into this repository's.
    const child = spawn(command, args, { cwd: work, env: { ...process.env, CI: '1', NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

async function runLwr(contentDir, extra = []) {
  const tuning = (process.env.BENCH_LWR_ARGS ?? '').split(' ').filter(Boolean);
  const result = await run(process.execPath, [lwrBin(), '--content', contentDir, 'check', 'links', '--external', '--format', 'json', ...tuning, ...extra]);
  let diagnostics;
  try {
    diagnostics = JSON.parse(result.stdout).diagnostics;
  } catch {
    throw new Error(`lwr printed no JSON (exit ${result.status}):\n${result.stderr}`);
  }
  const checking = /external links checked in ([\d.]+) s/.exec(result.stderr)?.[1];
  return { ...result, diagnostics, checkingSeconds: checking === undefined ? undefined : Number(checking) };
}

async function runLinkinator(origin, runId) {
  const cli = path.join(ROOT, 'node_modules/linkinator/build/src/cli.js');
  const result = await run(process.execPath, [cli, `${origin}/${runId}/index.html`, '--check-fragments', '--retry', '--format', 'json']);
  let broken;
  try {
    broken = JSON.parse(result.stdout).links.filter((l) => l.state === 'BROKEN').map((l) => l.url);
  } catch {
    broken = undefined;
  }
  return { ...result, broken };
}

/** lwr's errors must be exactly the broken links, and every 429-answered URL asked again only after its Retry-After. */
function verifyLwr(label, result, set, runPrefix) {
  const problems = [];
  const expected = new Set(set.filter((l) => l.broken).map((l) => l.url));
  const errors = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.url));
  const missed = [...expected].filter((u) => !errors.has(u));
  const extra = [...errors].filter((u) => !expected.has(u));
  if (missed.length || extra.length) problems.push(`${label}: expected exactly ${expected.size} broken links; missed ${missed.length}, extra ${extra.length} (${[...missed, ...extra].slice(0, 3).join(', ')})`);
  const early = earlyRetries.filter((p) => p.startsWith(`/${runPrefix}/`));
  if (early.length) problems.push(`${label}: asked ${early.length} rate-limited URLs again before their Retry-After`);
  if (result.status !== 1) problems.push(`${label}: lwr exited ${result.status}, expected 1`);
  return problems;
}

// ------------------------------------------------------------------ the scenarios

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const work = mkdtempSync(path.join(tmpdir(), 'lwr-bench-links-'));
const problems = [];
const scenarios = {};
const requestsOf = (prefix) => requests.filter((r) => r.path.startsWith(`/${prefix}/`)).length;

/** Runs per tool and scenario; times are medians, since a shared machine is noisy. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compare(name, { limited, target }) {
  const lwrRuns = [];
  const linkinatorRuns = [];
  let dir;
  for (let i = 0; i < REPEATS; i++) {
    // Each run gets its own URLs, so every run meets fresh 429s.
    const lwrRun = `${name}-lwr-${i}`;
    const linkinatorRun = `${name}-linkinator-${i}`;
    const lwrSet = links(origin, lwrRun, { limited });
    linkSets.set(linkinatorRun, links(origin, linkinatorRun, { limited }));
    dir = path.join(work, `${name}-${i}`);
    contentFolder(dir, lwrSet);
    let opened = connections;
    const lwr = await runLwr(dir);
    lwr.connections = connections - opened;
    problems.push(...verifyLwr(`${name} #${i + 1}`, lwr, lwrSet, lwrRun));
    lwrRuns.push({ ...lwr, requests: requestsOf(lwrRun) });
    opened = connections;
    const linkinator = await runLinkinator(origin, linkinatorRun);
    linkinator.connections = connections - opened;
    linkinatorRuns.push({ ...linkinator, requests: requestsOf(linkinatorRun) });
  }
  const lwrSeconds = median(lwrRuns.map((r) => r.seconds));
  const linkinatorSeconds = median(linkinatorRuns.map((r) => r.seconds));
  const ratio = lwrSeconds / linkinatorSeconds;
  scenarios[name] = {
    links: 500,
    runs: REPEATS,
    lwr: { seconds: round(lwrSeconds), allSeconds: lwrRuns.map((r) => round(r.seconds)), checkingSeconds: median(lwrRuns.map((r) => r.checkingSeconds ?? NaN)), requests: lwrRuns[0].requests, connections: lwrRuns[0].connections, errors: lwrRuns[0].diagnostics.filter((d) => d.severity === 'error').length },
    linkinator: { seconds: round(linkinatorSeconds), allSeconds: linkinatorRuns.map((r) => round(r.seconds)), requests: linkinatorRuns[0].requests, connections: linkinatorRuns[0].connections, broken: linkinatorRuns[0].broken?.length ?? null, exit: linkinatorRuns[0].status },
    ratio: round(ratio),
    target,
    met: ratio <= target,
  };
  const l = scenarios[name];
  console.log(`${name}: lwr ${l.lwr.seconds} s (checking ${l.lwr.checkingSeconds} s, ${l.lwr.requests} requests on ${l.lwr.connections} connections), linkinator ${l.linkinator.seconds} s (${l.linkinator.requests} requests on ${l.linkinator.connections} connections, ${l.linkinator.broken ?? '?'} broken); ratio ${l.ratio} (target <= ${target}) — medians of ${REPEATS}`);
  return dir;
}

const round = (n) => Math.round(n * 1000) / 1000;

if (process.argv.includes('--serve')) {
  // For profiling by hand: serve the links, write their content folder, and wait.
  const set = links(origin, 'manual', { limited: !process.argv.includes('--no-limits') });
  linkSets.set('manual', set);
  contentFolder(path.join(work, 'manual'), set);
  console.log(`serving ${origin}/manual/index.html; content folder ${path.join(work, 'manual')}; Ctrl-C to stop`);
  await new Promise(() => {});
}

try {
  await compare('with-rate-limits', { limited: true, target: 0.6 });
  const dir = await compare('without-rate-limits', { limited: false, target: 0.5 });

  // Cache: a first run fills it, the second must not touch the network.
  const cacheFile = path.join(work, 'links-cache.json');
  const fill = await runLwr(dir, ['--cache', cacheFile]);
  const before = requests.length;
  const cached = await runLwr(dir, ['--cache', cacheFile]);
  const asked = requests.length - before;
  if (asked !== 0) problems.push(`cached run made ${asked} requests, expected none`);
  if (JSON.stringify(cached.diagnostics) !== JSON.stringify(fill.diagnostics)) problems.push('cached run reported something different from the run that filled the cache');
  scenarios['cached'] = { lwr: { seconds: round(cached.seconds), checkingSeconds: cached.checkingSeconds, requests: asked }, target: 0.3, met: (cached.checkingSeconds ?? Infinity) < 0.3 };
  console.log(`cached: lwr ${cached.seconds.toFixed(2)} s in all, ${cached.checkingSeconds} s of checking, ${asked} requests (target < 0.3 s of checking)`);
} finally {
  server.closeAllConnections();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

const results = { lwrArgs: process.env.BENCH_LWR_ARGS ?? '', date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: loadavg().map(round), delayMs: DELAY_MS, counts: COUNTS, scenarios, problems };
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const resultsFile = path.resolve(ROOT, process.env.BENCH_RESULTS ?? 'bench/results/links.json');
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(problems.length ? `\nPROBLEMS:\n${problems.join('\n')}` : '\nlwr reported exactly the broken links, and never re-asked a rate-limited URL early.');
console.log(`results: ${path.relative(ROOT, resultsFile)}`);
process.exitCode = problems.length ? 1 : 0;
