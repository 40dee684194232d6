// Shared by the benchmarks: which lwr to time, running a command with its wall time, medians,
// and the report as one Markdown document for the peers (pandoc, WeasyPrint).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The lwr to time: this checkout, or another built checkout named by `--lwr <folder>` or
 * LWR_BENCH_CHECKOUT (how the "before" figures are taken in the same session as the peers).
 */
export function lwrCheckout(args = process.argv.slice(2)) {
  const at = args.indexOf('--lwr');
  const folder = at >= 0 ? args[at + 1] : process.env.LWR_BENCH_CHECKOUT;
  return path.resolve(folder ?? root);
}

export const lwrBin = (checkout = lwrCheckout()) => path.join(checkout, 'bin/lwr.js');

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const hasTool = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Reproducible output, no colour, and no CI switches that change what lwr prints. */
export const benchEnv = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };

/** Run a command to the end; its wall time in ms. Throws on an unexpected exit code. */
export function timed(command, args, options = {}) {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: benchEnv, ...options });
  const ms = performance.now() - start;
  const ok = options.allowFail ? run.status !== null && run.status <= (options.allowFail === true ? 1 : options.allowFail) : run.status === 0;
  if (!ok) throw new Error(`${command} ${args.join(' ')} failed (${run.status ?? run.signal}): ${(run.stderr ?? '').slice(-2000)}`);
  return ms;
}

/** A shell pipeline, timed as one command. */
export const timedShell = (script, options = {}) => timed('sh', ['-c', script], options);

/**
 * A content folder's Markdown as one document, in reading order, each file's front-matter title
 * as its `#` heading (front matter removed): what a pandoc user would feed pandoc.
 */
export function concatenated(contentDir, file) {
  const body = readdirSync(contentDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(contentDir, f), 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const title = front ? /^title:\s*"?(.*?)"?\s*$/m.exec(front[1])?.[1] : undefined;
      const rest = front ? text.slice(front[0].length) : text;
      return title && !/^#\s/m.test(rest.split('\n').find((l) => l.trim()) ?? '') ? `# ${title}\n\n${rest}` : rest;
    })
    .join('\n\n');
  writeFileSync(file, body);
  return file;
}

/**
 * A content folder of `n` copies of the report in one body, each file's id and text made its
 * own (a sentence naming the copy in every paragraph-bearing file), so no two files are alike
 * and nothing can be shared between copies by their text.
 */
export function copiesOfReport(contentDir, target, n) {
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, 'report.yaml'), 'title: Living Well UK (scale test)\nslug: scale-test\neditions:\n  - id: full\n    title: Full report\n');
  const files = readdirSync(contentDir).filter((f) => f.endsWith('.md')).sort();
  for (let c = 1; c <= n; c++) {
    for (const f of files) {
      const text = readFileSync(path.join(contentDir, f), 'utf8')
        .replace(/^id: (.+)$/m, `id: $1-copy-${c}`)
        .replace(/\n\n([A-Z][^\n]{40,})\n/, `\n\nThis is copy ${c} of the report. $1\n`);
      writeFileSync(path.join(target, `${String(c).padStart(3, '0')}-${f}`), text);
    }
  }
  return target;
}

/** A project folder (what a user's repository looks like): `content/` copied in, nothing else. */
export function projectWith(contentDir, folder) {
  mkdirSync(folder, { recursive: true });
  cpSync(contentDir, path.join(folder, 'content'), { recursive: true });
  return folder;
}
