#!/usr/bin/env node
// lwr's benchmarks, side by side with a peer in the same run on this machine (npm run bench).
// Prints a table and writes bench/results/bench.json. Not part of npm test: it measures speed.
//
//   node bench/run.mjs [--runs N] [--skip-links] [--skip-scale] [--skip-figures] [--baseline <another lwr checkout>]
//
// 1. cold `lwr build` (every edition and format) vs `pandoc -f markdown -t html` of the same content
// 2. `lwr check` (offline) vs the same pandoc run
//    and the PDF of a Latin-only report vs the same build by a baseline lwr (--baseline), and a report in six scripts
// 3. 100 copies of the report as one body of content: build time and peak memory vs one copy
// 4. the link-check benchmark (bench/links/run.mjs), lwr vs linkinator
// 5. watch: from a file write to the rebuilt HTML being announced to the page
// 6. figures: the report with 20 images of about 2 MB (PNG and JPEG) vs without (bench/figures.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const lwr = path.join(root, 'bin/lwr.js');
const content = path.join(root, 'content');
const scratch = mkdtempSync(path.join(tmpdir(), 'lwr-bench-'));
const results = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, rows: [] };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasTool = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Run a command, return wall ms and peak RSS (KB) via GNU time when available. */
function timed(command, commandArgs, options = {}) {
  const useTime = hasTool('/usr/bin/time');
  const argv = useTime ? ['-f', '%M', command, ...commandArgs] : commandArgs;
  const start = performance.now();
  const run = spawnSync(useTime ? '/usr/bin/time' : command, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - start;
  if (run.status !== 0 && !options.allowFail) throw new Error(`${command} ${commandArgs.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const peakKb = useTime ? Number(run.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, peakKb, status: run.status };
}

function repeat(label, fn) {
  const samples = Array.from({ length: runs }, () => fn());
  return { label, ms: median(samples.map((s) => s.ms)), peakKb: median(samples.map((s) => s.peakKb)), samples: samples.map((s) => Math.round(s.ms)) };
}

/** The content as one Markdown document for pandoc: front matter removed, files in reading order. */
function concatenated(dir) {
  const body = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
    .join('\n\n');
  const file = path.join(scratch, `${path.basename(dir)}.md`);
  writeFileSync(file, body);
  return file;
}

function row(name, lwrMs, peerName, peerMs, target) {
  const ratio = peerMs ? lwrMs / peerMs : NaN;
  results.rows.push({ name, lwrMs: Math.round(lwrMs), peer: peerName, peerMs: peerMs ? Math.round(peerMs) : null, ratio: Number.isFinite(ratio) ? Number(ratio.toFixed(2)) : null, target });
}

// ---------------------------------------------------------------- 1 and 2: build and check vs pandoc
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };
const pandoc = hasTool('pandoc');
const markdown = concatenated(content);
const pandocRun = pandoc ? repeat('pandoc -f markdown -t html', () => timed('pandoc', ['-f', 'markdown', '-t', 'html', markdown, '-o', path.join(scratch, 'pandoc.html')])) : undefined;
if (!pandoc) console.log('pandoc is not installed (apt-get install pandoc): the pandoc comparisons are skipped');

const buildRun = repeat('lwr build (cold, all editions and formats)', () => timed(process.execPath, [lwr, 'build', '-q', '--out', path.join(scratch, 'dist')], { env }));
row('cold lwr build, every edition and format', buildRun.ms, 'pandoc -t html', pandocRun?.ms, '≤ 1.0×');
const htmlRun = repeat('lwr build --format html,text', () => timed(process.execPath, [lwr, 'build', '-q', '--format', 'html,text', '--out', path.join(scratch, 'dist')], { env }));
row('cold lwr build, HTML and text only', htmlRun.ms, 'pandoc -t html', pandocRun?.ms, '(for context)');
const checkRun = repeat('lwr check', () => timed(process.execPath, [lwr, 'check', '-q'], { env, allowFail: true }));
row('lwr check (offline)', checkRun.ms, 'pandoc -t html', pandocRun?.ms, '≤ 0.5×');

// ---------------------------------------------------------------- 2b: text in every script
// A Latin-only report's PDF must not pay for what other scripts need (fallback fonts, bidi,
// shaping): `--baseline <folder of another lwr checkout, built>` times the same build with
// that lwr as the peer, in the same run (e.g. the commit before world-ready text).
{
  const baselineAt = args.indexOf('--baseline');
  const baseline = baselineAt >= 0 ? path.resolve(args[baselineAt + 1]) : undefined;
  const pdfBuild = (bin, dir, out) => timed(process.execPath, [bin, 'build', '-q', '--format', 'pdf', '--content', dir, '--out', path.join(scratch, out)], { env });
  // Runs alternate between the two, so a machine whose load changes treats both alike.
  const latinRuns = [];
  const beforeRuns = [];
  for (let i = 0; i < runs; i++) {
    latinRuns.push(pdfBuild(lwr, content, 'dist-latin'));
    if (baseline) beforeRuns.push(pdfBuild(path.join(baseline, 'bin/lwr.js'), content, 'dist-baseline'));
  }
  const latinMs = median(latinRuns.map((r) => r.ms));
  const beforeMs = baseline ? median(beforeRuns.map((r) => r.ms)) : undefined;
  row('cold lwr build --format pdf, Latin-only report', latinMs, baseline ? `lwr at ${path.basename(baseline)}` : null, beforeMs, '≤ 1.05× the baseline');
  const world = repeat('lwr build --format pdf (every script)', () => pdfBuild(lwr, path.join(root, 'tests/fixtures/world/content'), 'dist-world'));
  row('cold lwr build --format pdf, six scripts (fixture)', world.ms, 'Latin-only report', latinMs, '(for context)');
}

// ---------------------------------------------------------------- 3: 100 copies
if (!args.includes('--skip-scale')) {
  const copies = (n) => {
    const dir = path.join(scratch, `copies-${n}`, 'content');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'report.yaml'), 'title: Living Well UK (scale test)\nslug: scale-test\neditions:\n  - id: full\n    title: Full report\n');
    const files = readdirSync(content).filter((f) => f.endsWith('.md')).sort();
    for (let c = 1; c <= n; c++) {
      for (const f of files) {
        const text = readFileSync(path.join(content, f), 'utf8').replace(/^id: (.+)$/m, `id: $1-copy-${c}`);
        writeFileSync(path.join(dir, `${String(c).padStart(3, '0')}-${f}`), text);
      }
    }
    return dir;
  };
  const scale = {};
  for (const n of [1, 100]) {
    const dir = copies(n);
    const run = timed(process.execPath, [lwr, 'build', '-q', '--content', dir, '--out', path.join(scratch, `dist-${n}`)], { env });
    scale[n] = run;
    const p = pandoc ? timed('pandoc', ['-f', 'markdown', '-t', 'html', concatenated(dir), '-o', path.join(scratch, `pandoc-${n}.html`)]) : undefined;
    results.rows.push({ name: `${n} cop${n === 1 ? 'y' : 'ies'} of the report: lwr build`, lwrMs: Math.round(run.ms), peakMB: Math.round(run.peakKb / 1024), peer: 'pandoc -t html', peerMs: p ? Math.round(p.ms) : null, ratio: p ? Number((run.ms / p.ms).toFixed(2)) : null, target: 'linear' });
  }
  results.scale = { timeRatio100to1: Number((scale[100].ms / scale[1].ms).toFixed(1)), memoryRatio100to1: Number((scale[100].peakKb / scale[1].peakKb).toFixed(1)) };
}

// ---------------------------------------------------------------- 4: links
if (!args.includes('--skip-links')) {
  const links = spawnSync(process.execPath, [path.join(root, 'bench/links/run.mjs')], { encoding: 'utf8', cwd: root, timeout: 15 * 60_000 });
  results.links = links.status === 0 ? 'see bench/results/links.json' : `failed: ${links.stderr.slice(-500)}`;
  process.stdout.write(links.stdout);
}

// ---------------------------------------------------------------- 5: watch
{
  const dir = path.join(scratch, 'watch', 'content');
  cpSync(content, dir, { recursive: true });
  const child = spawn(process.execPath, [lwr, 'watch', '--port', '0', '--content', dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(out)));
  });
  const response = await fetch(`${url}__lwr/events`);
  const reader = response.body.getReader();
  const waitFor = async (word) => {
    let text = '';
    for (;;) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      if (text.includes(`event: ${word}`)) return;
    }
  };
  const file = path.join(dir, '03-about-innovation-unit.md');
  const original = readFileSync(file, 'utf8');
  const samples = [];
  for (let i = 0; i < Math.max(5, runs); i++) {
    await new Promise((r) => setTimeout(r, 150));
    const start = performance.now();
    writeFileSync(file, `${original}\nEdit ${i}.\n`);
    await waitFor('reload');
    samples.push(performance.now() - start);
  }
  child.kill('SIGINT');
  results.rows.push({ name: 'watch: file write → rebuilt HTML and text announced', lwrMs: Math.round(median(samples)), peer: null, peerMs: null, ratio: null, target: '≤ 100 ms', samples: samples.map(Math.round) });
}

// ---------------------------------------------------------------- 6: figures
if (!args.includes('--skip-figures')) {
  const { default: figures } = await import('./figures.mjs');
  results.rows.push(figures);
}

// ---------------------------------------------------------------- 7: install size
if (!args.includes('--skip-size')) {
  const { default: measureInstallSize } = await import('./size.mjs');
  // npm run bench has just built the bundle; the declarations are built by npm pack's prepack.
  results.size = measureInstallSize();
}

// ---------------------------------------------------------------- report
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/bench.json'), `${JSON.stringify(results, null, 2)}\n`);
const pad = (s, n) => String(s ?? '').padEnd(n);
console.log(`\n${pad('benchmark', 56)}${pad('lwr', 10)}${pad('peer', 18)}${pad('peer time', 11)}${pad('ratio', 8)}target`);
for (const r of results.rows) {
  console.log(`${pad(r.name, 56)}${pad(`${r.lwrMs} ms`, 10)}${pad(r.peer ?? '—', 18)}${pad(r.peerMs !== null ? `${r.peerMs} ms` : '—', 11)}${pad(r.ratio !== null ? `${r.ratio}×` : '—', 8)}${r.target}${r.peakMB ? `  (peak ${r.peakMB} MB)` : ''}`);
}
if (results.size) console.log(`\ninstall size (npm run size):\n${(await import('./size.mjs')).describeSize(results.size)}`);
if (results.scale) console.log(`\n100 copies vs 1: time ×${results.scale.timeRatio100to1}, peak memory ×${results.scale.memoryRatio100to1} (linear growth would be ×100 time)`);
console.log(`\nwritten to bench/results/bench.json (median of ${runs} runs where repeated; machine: ${results.machine.cpus} cores, Node ${results.machine.node})`);
rmSync(scratch, { recursive: true, force: true });
