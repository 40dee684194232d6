#!/usr/bin/env node
// Measure `lwr model` on large content files: CPU time and peak memory for 2.5, 5 and 10 MB of
// prose, and for blockquote-heavy files, printed as a table with the growth from one size to
// the next. Too slow for the test suite (minutes of CPU, gigabytes of memory at 10 MB); the
// suite checks the same growth on a tenth of these sizes (bad-input-matrix.test.ts).
//
//   npm run build && node tests/hardening/scale.mjs            # prose: 2.5, 5, 10 MB
//   node tests/hardening/scale.mjs --quotes                    # also 100, 200, 400 kB of quotes
//
// Needs GNU time (/usr/bin/time) for peak memory.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = path.join(ROOT, 'tests/fixtures/hardening/base/content');
const MB = 1024 * 1024;

const section = (body) => `---\nid: big\ntitle: Big\n---\n\n${body}\n`;
const PROSE =
  'Living well means **people** and *places* working together — café, naïve, 日本語 — with [a link](https://example.org/page) and more words to fill the line.\n\n## A heading here\n\n';
const QUOTES = '> “A quoted sentence, said by someone in a Living Well site.”\n>\n> — Sam Example, Editor, Leeds\n\n';

function measure(unit, bytes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-scale-'));
  try {
    const content = path.join(dir, 'content');
    cpSync(BASE, content, { recursive: true });
    writeFileSync(path.join(content, '03-big.md'), section(unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)))));
    const timeFile = path.join(dir, 'time.txt');
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, path.join(ROOT, 'bin/lwr.js'), 'model', '--content', content], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`lwr model failed on ${bytes} bytes:\n${run.stderr}`);
    const [user, system, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return { bytes, wall, cpu: user + system, rssMb: rssKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(title, unit, sizes) {
  console.log(`\n${title}`);
  console.log('size       wall s   cpu s   peak MB   cpu ×   memory ×');
  let previous;
  for (const bytes of sizes) {
    const m = measure(unit, bytes);
    const growth = (a, b) => (previous ? (a / b).toFixed(2) : '-');
    console.log(
      `${(m.bytes / MB).toFixed(2).padStart(5)} MB  ${m.wall.toFixed(1).padStart(7)} ${m.cpu.toFixed(1).padStart(7)} ${m.rssMb.toFixed(0).padStart(9)} ${growth(m.cpu, previous?.cpu).padStart(7)} ${growth(m.rssMb, previous?.rssMb).padStart(10)}`,
    );
    previous = m;
  }
}

table('Prose (paragraphs, emphasis, links, headings): doubling the size should double time and memory', PROSE, [2.5 * MB, 5 * MB, 10 * MB]);
if (process.argv.includes('--quotes')) {
  table('Blockquotes (micromark closes each container by rewriting its whole event list: expect ×4)', QUOTES, [100 * 1024, 200 * 1024, 400 * 1024]);
}
