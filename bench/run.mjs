#!/usr/bin/env node
// lwr's benchmarks, each side by side with the peer a user would pick, in the same run on this
// machine (npm run bench). Prints every row with its target and whether it is met, and writes
// bench/results/bench.json. Not part of npm test: it measures speed. The README's "Benchmarks"
// section says what each row compares.
//
//   node bench/run.mjs [--runs N] [--only build,pdf,check,scale,watch,links,figures,size] [--lwr <checkout>]
//
// --lwr times another built lwr checkout instead of this one (e.g. main before a change), so
// "before" and "after" are each measured against the peers in one session. Runs alternate
// between lwr and its peer, so a machine whose load changes treats both alike; times are medians.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { benchEnv, concatenated, copiesOfReport, hasTool, lwrCheckout, lwrBin, median, projectWith, root, timed, timedShell } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 5) || 5;
const only = option('--only')?.split(',');
const wanted = (row) => !only || only.includes(row);
const checkout = lwrCheckout(args);
const lwr = lwrBin(checkout);
const content = path.join(root, 'content');
const scratch = mkdtempSync(path.join(tmpdir(), 'lwr-bench-'));
const started = performance.now();
const results = { lwr: path.relative(root, checkout) || '.', date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version, loadBefore: loadavg().map((n) => Number(n.toFixed(2))) }, runs, rows: [] };

/** A row of the table: lwr's figure, the peer's, and the target (a ratio to the peer, or milliseconds). */
function row(name, { lwrMs, peer = null, peerMs = null, target, samples }) {
  const ratio = peerMs ? lwrMs / peerMs : null;
  const value = target.ratio !== undefined ? ratio : lwrMs;
  const limit = target.ratio ?? target.ms;
  const met = value === null || limit === undefined ? null : value <= limit;
  const entry = { name, lwrMs: Math.round(lwrMs), peer, peerMs: peerMs === null ? null : Math.round(peerMs), ratio: ratio === null ? null : Number(ratio.toFixed(2)), target: target.ratio !== undefined ? `≤ ${target.ratio}×` : target.ms !== undefined ? `≤ ${target.ms} ms` : target.text, met, ...(samples ? { samples } : {}) };
  results.rows.push(entry);
  console.error(`  ${name}: ${entry.lwrMs} ms${peer ? ` vs ${peer} ${entry.peerMs} ms (${entry.ratio}×)` : ''}; target ${entry.target}${met === null ? '' : met ? ' met' : ' MISSED'}`);
}

/** Alternate lwr's runs with the peer's (and any further variants); medians of each. */
function alternate(variants) {
  const samples = variants.map(() => []);
  for (let i = 0; i < runs; i++) variants.forEach((run, v) => samples[v].push(run()));
  return samples.map((s) => ({ ms: median(s), samples: s.map(Math.round) }));
}

const pandoc = hasTool('pandoc');
const weasyprint = hasTool('weasyprint');
if (!pandoc) console.error('pandoc is not installed (apt-get install pandoc): rows compared with pandoc are skipped');
if (!weasyprint) console.error('weasyprint is not installed (apt-get install weasyprint): rows compared with WeasyPrint are skipped');

// The report as one Markdown document for the peers, and a project folder for lwr (its cache,
// .lwr-cache/, lives in the project, so "first run" removes it and "again" keeps it).
const markdown = concatenated(content, path.join(scratch, 'report.md'));
const project = projectWith(content, path.join(scratch, 'project'));
const inProject = { cwd: project };
const dropCache = () => rmSync(path.join(project, '.lwr-cache'), { recursive: true, force: true });
const lwrRun = (commandArgs, options = {}) => timed(process.execPath, [lwr, ...commandArgs], { ...inProject, ...options });
const pandocHtml = () => timed('pandoc', ['-f', 'markdown', '-t', 'html', markdown, '-o', path.join(scratch, 'pandoc.html')]);
const pandocPdf = () => timed('pandoc', ['-f', 'markdown', '-s', '--metadata', 'title=Living Well UK', '--pdf-engine=weasyprint', markdown, '-o', path.join(scratch, 'pandoc.pdf')]);
// What a pandoc user runs to publish the same content as HTML (a standalone page), PDF and plain text.
const pandocToolchain = () =>
  timedShell(
    `pandoc -f markdown -s --metadata title='Living Well UK' -t html '${markdown}' -o '${scratch}/tc.html' && ` +
      `pandoc -f markdown -s --metadata title='Living Well UK' --pdf-engine=weasyprint '${markdown}' -o '${scratch}/tc.pdf' 2>/dev/null && ` +
      `pandoc -f markdown -t plain '${markdown}' -o '${scratch}/tc.txt'`,
  );

// ---------------------------------------------------------------- build
if (wanted('build') && pandoc && weasyprint) {
  console.error('build: lwr build against pandoc HTML + pandoc → WeasyPrint PDF + pandoc plain text');
  const build = () => lwrRun(['build', '-q', '--out', 'dist']);
  const [peer, first, again] = alternate([pandocToolchain, () => (dropCache(), build()), build]);
  row('lwr build, first run (every edition × HTML, PDF, text, verified)', { lwrMs: first.ms, peer: 'pandoc HTML + WeasyPrint PDF + plain', peerMs: peer.ms, target: { ratio: 0.5 }, samples: first.samples });
  row('lwr build, again on unchanged content', { lwrMs: again.ms, peer: 'pandoc HTML + WeasyPrint PDF + plain', peerMs: peer.ms, target: { ratio: 0.5 }, samples: again.samples });
}

// ---------------------------------------------------------------- pdf
if (wanted('pdf') && pandoc && weasyprint) {
  console.error('pdf: lwr build --format pdf --edition full against pandoc → WeasyPrint');
  const pdf = () => lwrRun(['build', '-q', '--format', 'pdf', '--edition', 'full', '--out', 'dist']);
  const [peer, first, again] = alternate([pandocPdf, () => (dropCache(), pdf()), pdf]);
  row('lwr build --format pdf --edition full, first run', { lwrMs: first.ms, peer: 'pandoc → WeasyPrint', peerMs: peer.ms, target: { ratio: 0.4 }, samples: first.samples });
  row('lwr build --format pdf --edition full, again', { lwrMs: again.ms, peer: 'pandoc → WeasyPrint', peerMs: peer.ms, target: { ratio: 0.4 }, samples: again.samples });
}

// ---------------------------------------------------------------- check
if (wanted('check') && pandoc) {
  console.error('check: lwr check (offline) against pandoc -t html');
  const check = () => lwrRun(['check', '-q'], { allowFail: true });
  const [peer, first, again] = alternate([pandocHtml, () => (dropCache(), check()), check]);
  row('lwr check, first run', { lwrMs: first.ms, peer: 'pandoc -t html', peerMs: peer.ms, target: { ratio: 2.0 }, samples: first.samples });
  row('lwr check, again on unchanged content', { lwrMs: again.ms, peer: 'pandoc -t html', peerMs: peer.ms, target: { ratio: 1.2 }, samples: again.samples });
}

// ---------------------------------------------------------------- scale: the cost of each extra copy
if (wanted('scale')) {
  console.error('scale: lwr check on 1 and 50 copies of the report in one body (each copy its own text)');
  const projects = {};
  for (const n of [1, 50]) {
    projects[n] = path.join(scratch, `copies-${n}`);
    copiesOfReport(content, path.join(projects[n], 'content'), n);
  }
  const check = (n) => () => (rmSync(path.join(projects[n], '.lwr-cache'), { recursive: true, force: true }), timed(process.execPath, [lwr, 'check', '-q'], { cwd: projects[n], allowFail: true }));
  const checkAgain = (n) => () => timed(process.execPath, [lwr, 'check', '-q'], { cwd: projects[n], allowFail: true });
  const peerOf = (n) => {
    const file = concatenated(path.join(projects[n], 'content'), path.join(scratch, `copies-${n}.md`));
    return () => timed('pandoc', ['-f', 'markdown', '-t', 'html', file, '-o', path.join(scratch, `copies-${n}.html`)]);
  };
  const scaleRuns = Math.max(3, Math.ceil(runs / 2));
  const samples = { one: [], fifty: [], oneAgain: [], fiftyAgain: [], peerOne: [], peerFifty: [] };
  const peers = pandoc ? { 1: peerOf(1), 50: peerOf(50) } : undefined;
  for (let i = 0; i < scaleRuns; i++) {
    samples.one.push(check(1)());
    samples.oneAgain.push(checkAgain(1)());
    samples.fifty.push(check(50)());
    samples.fiftyAgain.push(checkAgain(50)());
    if (peers) {
      samples.peerOne.push(peers[1]());
      samples.peerFifty.push(peers[50]());
    }
  }
  const perCopy = (fifty, one) => (median(fifty) - median(one)) / 49;
  const peerPerCopy = peers ? perCopy(samples.peerFifty, samples.peerOne) : null;
  row('lwr check, each extra copy of the report in a 50-copy body, first run', { lwrMs: perCopy(samples.fifty, samples.one), peer: peers ? 'pandoc -t html, per copy' : null, peerMs: peerPerCopy, target: { ms: 30 }, samples: { one: samples.one.map(Math.round), fifty: samples.fifty.map(Math.round) } });
  row('lwr check, each extra copy of the report in a 50-copy body, again', { lwrMs: perCopy(samples.fiftyAgain, samples.oneAgain), peer: peers ? 'pandoc -t html, per copy' : null, peerMs: peerPerCopy, target: { ms: 30 }, samples: { one: samples.oneAgain.map(Math.round), fifty: samples.fiftyAgain.map(Math.round) } });
}

// ---------------------------------------------------------------- watch
/** From writing a content file to the open page being told to reload and the new page served with the edit. */
async function watchLatency(folder, label) {
  const child = spawn(process.execPath, [lwr, 'watch', '--port', '0'], { cwd: folder, env: benchEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const take = (c) => {
        out += c;
        const m = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', () => reject(new Error(`lwr watch ended: ${out}`)));
    });
    const response = await fetch(`${url}__lwr/events`);
    const reader = response.body.getReader();
    let events = '';
    const waitFor = async (word) => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        events += new TextDecoder().decode(value);
        const at = events.indexOf(`event: ${word}`);
        if (at >= 0) {
          events = events.slice(at + word.length + 7);
          return;
        }
      }
    };
    const dir = path.join(folder, 'content');
    const file = (await import('node:fs')).readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[2];
    const original = readFileSync(path.join(dir, file), 'utf8');
    const samples = [];
    for (let i = 0; i < Math.max(7, runs); i++) {
      await new Promise((r) => setTimeout(r, 300));
      const marker = `Benchmark edit number ${i} ${Date.now()}.`;
      const start = performance.now();
      writeFileSync(path.join(dir, file), `${original}\n${marker}\n`);
      await waitFor('reload');
      const page = await (await fetch(url)).text();
      if (!page.includes(marker)) throw new Error(`${label}: the page served after the reload does not have the edit`);
      samples.push(performance.now() - start);
    }
    return { ms: median(samples), samples: samples.map(Math.round) };
  } finally {
    child.kill('SIGINT');
  }
}

if (wanted('watch')) {
  console.error('watch: save → page updated');
  const one = await watchLatency(projectWith(content, path.join(scratch, 'watch-1')), 'one copy');
  row('lwr watch: save → page updated', { lwrMs: one.ms, target: { ms: 80 }, samples: one.samples });
  const tenFolder = path.join(scratch, 'watch-10');
  copiesOfReport(content, path.join(tenFolder, 'content'), 10);
  const ten = await watchLatency(tenFolder, 'ten copies');
  row('lwr watch: save → page updated, 10-copy body', { lwrMs: ten.ms, target: { ms: 80 }, samples: ten.samples });
}

// ---------------------------------------------------------------- links
if (wanted('links')) {
  console.error('links: lwr check links --external against linkinator --check-fragments --retry (bench/links/run.mjs)');
  const file = path.join(scratch, 'links.json');
  const links = spawnSync(process.execPath, [path.join(root, 'bench/links/run.mjs')], { encoding: 'utf8', cwd: root, timeout: 15 * 60_000, env: { ...process.env, LWR_BENCH_CHECKOUT: checkout, BENCH_RESULTS: file, BENCH_REPEATS: String(Math.max(3, runs)) } });
  process.stderr.write(links.stdout.replace(/^/gm, '  '));
  if (existsSync(file)) {
    const { scenarios, problems } = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, label] of [
      ['with-rate-limits', 'lwr check links --external, 500 links, 50 answering 429 once'],
      ['without-rate-limits', 'lwr check links --external, 500 links, no 429s'],
    ]) {
      const s = scenarios[name];
      if (s) row(label, { lwrMs: s.lwr.seconds * 1000, peer: 'linkinator --check-fragments --retry', peerMs: s.linkinator.seconds * 1000, target: { ratio: s.target } });
    }
    if (scenarios.cached) row('lwr check links --external again with --cache (checking only)', { lwrMs: scenarios.cached.lwr.checkingSeconds * 1000, target: { ms: 300 } });
    results.linkProblems = problems;
    if (problems.length) console.error(`  link benchmark problems: ${problems.join('; ')}`);
  } else results.linkProblems = [`the link benchmark failed: ${links.stderr.slice(-500)}`];
}

// ---------------------------------------------------------------- figures
if (wanted('figures')) {
  console.error('figures: the report with 20 images of about 2 MB against the same report without them (bench/figures.mjs)');
  process.env.LWR_BENCH_CHECKOUT = checkout;
  const { default: figures } = await import('./figures.mjs');
  row(figures.name, { lwrMs: figures.lwrMs, peer: figures.peer, peerMs: figures.peerMs, target: { ratio: 1.5 }, samples: figures.samples });
}

// ---------------------------------------------------------------- install size
if (wanted('size')) {
  const { default: measureInstallSize } = await import('./size.mjs');
  // npm run bench has just built the bundle; the declarations are built by npm pack's prepack.
  results.size = measureInstallSize();
}

// ---------------------------------------------------------------- report
results.machine.loadAfter = loadavg().map((n) => Number(n.toFixed(2)));
results.minutes = Number(((performance.now() - started) / 60_000).toFixed(1));
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const resultsFile = path.resolve(root, option('--results') ?? 'bench/results/bench.json');
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
const pad = (s, n) => String(s ?? '').padEnd(n);
const width = Math.max(...results.rows.map((r) => r.name.length)) + 2;
console.log(`\n${pad('benchmark', width)}${pad('lwr', 10)}${pad('peer', 38)}${pad('peer time', 11)}${pad('ratio', 8)}${pad('target', 10)}met`);
for (const r of results.rows) {
  console.log(`${pad(r.name, width)}${pad(`${r.lwrMs} ms`, 10)}${pad(r.peer ?? '—', 38)}${pad(r.peerMs !== null ? `${r.peerMs} ms` : '—', 11)}${pad(r.ratio !== null ? `${r.ratio}×` : '—', 8)}${pad(r.target, 10)}${r.met === null ? '—' : r.met ? 'yes' : 'NO'}`);
}
if (results.size) console.log(`\ninstall size (npm run size):\n${(await import('./size.mjs')).describeSize(results.size)}`);
const missed = results.rows.filter((r) => r.met === false).length;
console.log(`\n${results.rows.length - missed} of ${results.rows.length} targets met. lwr: ${results.lwr}; medians of ${runs} alternating runs; ${results.machine.cpus} cores, Node ${results.machine.node}; load average ${results.machine.loadBefore[0]} before, ${results.machine.loadAfter[0]} after; ${results.minutes} min.`);
console.log(`written to ${path.relative(root, resultsFile)}`);
rmSync(scratch, { recursive: true, force: true });
