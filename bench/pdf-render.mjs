#!/usr/bin/env node
// Time the PDF edition of the real report, compared in the same run with pandoc turning the
// same Markdown into HTML. Run `npm run build:tsc` first (this reads the compiled code in build/tsc/).
//   node bench/pdf-render.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const { loadContent } = await import(path.join(root, 'build/tsc/read/load.js'));
const { readReport } = await import(path.join(root, 'build/tsc/read/report.js'));

const loaded = loadContent(path.join(root, 'content'), root);
const { report } = readReport(loaded.content);
const context = {
  edition: report.meta.editions[0],
  buildDate: new Date('2023-06-01T00:00:00Z'),
  reproducible: true,
  lwrVersion: 'bench',
  templatesDir: path.join(root, 'templates'),
  readAsset: (file) => readFileSync(file),
  options: { pageSize: 'A4' },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

// The renderer is loaded lazily, as `lwr build` loads it: the import is part of the first run.
const pdfTimes = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const { render } = await import(path.join(root, 'build/tsc/render/pdf/index.js'));
  const [file] = await render(report, context);
  pdfTimes.push(performance.now() - start);
  bytes = file.contents.length;
}
console.log(`lwr PDF (${bytes} bytes): first ${ms(pdfTimes[0])}, median of ${runs} ${ms(median(pdfTimes))}  [${pdfTimes.map((t) => t.toFixed(0)).join(', ')}]`);

const hasPandoc = spawnSync('which', ['pandoc']).status === 0;
if (!hasPandoc) {
  console.log('pandoc not installed: comparison skipped (apt-get install pandoc)');
  process.exit(0);
}
// pandoc gets the same Markdown, front matter removed and files joined in reading order.
const markdown = readdirSync(path.join(root, 'content'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(path.join(root, 'content', f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
  .join('\n\n');
const pandocTimes = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '--standalone', '--metadata', 'title=Living Well UK'], { input: markdown });
  pandocTimes.push(performance.now() - start);
}
console.log(`pandoc Markdown → HTML (process per run): median of ${runs} ${ms(median(pandocTimes))}  [${pandocTimes.map((t) => t.toFixed(0)).join(', ')}]`);
console.log(`ratio lwr PDF / pandoc HTML: first run ${(pdfTimes[0] / median(pandocTimes)).toFixed(1)}×, warm median ${(median(pdfTimes.slice(1).length ? pdfTimes.slice(1) : pdfTimes) / median(pandocTimes)).toFixed(1)}×`);
