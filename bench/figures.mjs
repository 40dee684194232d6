#!/usr/bin/env node
// Figures benchmark: the report with 20 images of about 2 MB each (half PNG, half JPEG, made
// here so the repository carries no large binaries) against the same report without them,
// built side by side (cold `lwr build`, every edition and format), alternating, medians.
//
//   node bench/figures.mjs [--runs N]      (also run by npm run bench)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeJpeg, makePng } from '../scripts/make-images.mjs';
import { lwrBin } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const lwr = lwrBin(); // this checkout, or --lwr / LWR_BENCH_CHECKOUT (bench/lib.mjs)
const scratch = mkdtempSync(path.join(tmpdir(), 'lwr-bench-figures-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };
const IMAGES = 20;

const plain = path.join(scratch, 'plain');
const figures = path.join(scratch, 'figures');
cpSync(path.join(root, 'content'), plain, { recursive: true });
cpSync(path.join(root, 'content'), figures, { recursive: true });
mkdirSync(path.join(figures, 'images'));

// Noise does not compress, so each file is about 2 MB: PNG 840 × 840 RGB, JPEG 1,400 × 1,050 at quality 88.
let bytes = 0;
const names = [];
for (let i = 0; i < IMAGES; i++) {
  const name = i % 2 === 0 ? `figure-${i + 1}.png` : `figure-${i + 1}.jpg`;
  const data = i % 2 === 0 ? makePng(840, 840, { noise: 1, seed: i }) : await makeJpeg(1400, 1050, { quality: 88, noise: 0.45, seed: i });
  writeFileSync(path.join(figures, 'images', name), data);
  bytes += data.length;
  names.push(name);
}
// One figure after the first paragraph break of a section file, round-robin over the sections.
const files = readdirSync(figures).filter((f) => f.endsWith('.md')).sort();
const additions = new Map(files.map((f) => [f, []]));
names.forEach((name, i) => additions.get(files[i % files.length]).push(`![Figure ${i + 1} of the benchmark: a photograph of noise](images/${name})`));
for (const [file, lines] of additions) {
  if (lines.length) writeFileSync(path.join(figures, file), `${readFileSync(path.join(figures, file), 'utf8')}\n${lines.join('\n\n')}\n`);
}

const build = (content) => {
  const out = path.join(scratch, `dist-${path.basename(content)}`);
  const start = performance.now();
  // In the scratch folder: lwr's cache goes beside the content there, not into this repository's.
  const run = spawnSync(process.execPath, [lwr, 'build', '-q', '--content', content, '--out', out], { cwd: scratch, env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`lwr build failed: ${run.stderr.slice(-2000)}`);
  return ms;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const with_ = [];
const without = [];
build(plain);
for (let i = 0; i < runs; i++) {
  without.push(build(plain));
  with_.push(build(figures));
}
const pdfSize = statSync(path.join(scratch, 'dist-figures/pdf/living-well-uk-learning-report-2023.pdf')).size;
const result = {
  name: `lwr build with ${IMAGES} images (${(bytes / IMAGES / 1024 / 1024).toFixed(1)} MB each, PNG and JPEG) vs without`,
  lwrMs: Math.round(median(with_)),
  peer: 'same report, no images',
  peerMs: Math.round(median(without)),
  ratio: Number((median(with_) / median(without)).toFixed(2)),
  target: '≤ 1.5×',
  samples: { with: with_.map(Math.round), without: without.map(Math.round) },
  pdfMB: Number((pdfSize / 1024 / 1024).toFixed(1)),
};
if (!args.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
else console.error(`kept ${scratch}`);
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(result, null, 2));
export default result;
