import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/model/hash.js';
import { listFiles } from '../../src/publish/write-output.js';
import { runLwr } from '../support/cli.js';
import { FIXTURES, ROOT } from '../support/report.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const SLUG = 'living-well-uk-learning-report-2023';
const tmp = () => mkdtempSync(path.join(tmpdir(), 'lwr-build-'));

/** Every file of a folder with its hash: compares whole trees byte for byte. */
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));
const leftovers = (parent: string) => readdirSync(parent).filter((n) => /^\.dist\.(tmp|old)-/.test(n));

let first: string;
beforeAll(() => {
  first = path.join(tmp(), 'dist');
  const run = runLwr(['build', '--out', first], { env: EPOCH });
  if (run.status !== 0) throw new Error(`lwr build failed: ${run.stderr}`);
});

describe('lwr build', () => {
  it('writes every edition in every format where the README says, with a manifest', () => {
    const files = listFiles(first);
    for (const expected of ['html/index.html', `pdf/${SLUG}.pdf`, `text/${SLUG}.txt`, 'summary/html/index.html', `summary/pdf/${SLUG}.pdf`, `summary/text/${SLUG}.txt`, 'manifest.json']) {
      expect(files).toContain(expected);
    }
    const manifest = JSON.parse(readFileSync(path.join(first, 'manifest.json'), 'utf8'));
    expect(manifest.lwrVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(files.filter((f) => f !== 'manifest.json'));
    for (const entry of manifest.files) {
      const bytes = readFileSync(path.join(first, entry.path));
      expect(entry.size).toBe(bytes.length);
      expect(entry.sha256).toBe(sha256(bytes));
    }
    expect(manifest.files.find((f: { path: string }) => f.path === `summary/pdf/${SLUG}.pdf`)).toMatchObject({ edition: 'summary', format: 'pdf' });
  });

  it('gives byte-identical output in every format, manifest included, with SOURCE_DATE_EPOCH', () => {
    const second = path.join(tmp(), 'dist');
    expect(runLwr(['build', '--out', second], { env: EPOCH }).status).toBe(0);
    expect(snapshot(second)).toEqual(snapshot(first));
  });

  it('prints the checks summary first, and fails under --strict leaving the previous output as it was', () => {
    const parent = tmp();
    const out = path.join(parent, 'dist');
    cpSync(first, out, { recursive: true });
    const before = snapshot(out);
    const run = runLwr(['build', '--strict', '--format', 'text', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/link-placeholder/);
    expect(run.stderr).toMatch(/previous output is unchanged/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
    const lenient = runLwr(['build', '--format', 'text', '--out', out]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/checks: ✖ \d+ problems \(4 errors, \d+ warnings\)/);
  });

  it('keeps the other editions and formats when a build is narrowed', () => {
    const out = path.join(tmp(), 'dist');
    cpSync(first, out, { recursive: true });
    const run = runLwr(['build', '--edition', 'summary', '--format', 'text', '--width', '60', '--out', out], { env: EPOCH });
    expect(run.status).toBe(0);
    const after = snapshot(out);
    const before = snapshot(first);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after[`summary/text/${SLUG}.txt`]).not.toBe(before[`summary/text/${SLUG}.txt`]);
    expect(after['html/index.html']).toBe(before['html/index.html']);
    const text = readFileSync(path.join(out, `summary/text/${SLUG}.txt`), 'utf8');
    expect(Math.max(...text.split('\n').filter((l) => !/\S{40,}/.test(l)).map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });

  it('exits 2 on content it cannot read, naming file and line, leaving the output untouched', () => {
    const parent = tmp();
    const out = path.join(parent, 'dist');
    cpSync(first, out, { recursive: true });
    const before = snapshot(out);
    const run = runLwr(['build', '--content', path.join(FIXTURES, 'read/malformed-yaml/content'), '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/01-a\.md[\s\S]*3:1\s+error/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });

  it('refuses unknown editions and formats with a did-you-mean', () => {
    const run = runLwr(['build', '--edition', 'sumary', '--format', 'htm', '--out', path.join(tmp(), 'dist')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "summary"?');
    expect(run.stderr).toContain('did you mean "html"?');
  });

  it('fails, exit 2, when a renderer crashes, leaving the previous output and no temporary files', () => {
    const parent = tmp();
    const out = path.join(parent, 'dist');
    cpSync(first, out, { recursive: true });
    const before = snapshot(out);
    const templates = path.join(tmp(), 'templates');
    const run = runLwr(['build', '--out', out, '--templates', templates]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/previous output is unchanged/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('lwr clean, lwr editions and lwr init', () => {
  it('lists the editions with their formats and folders', () => {
    const editions = JSON.parse(runLwr(['editions', '--json']).stdout);
    expect(editions.map((e: { id: string }) => e.id)).toEqual(['full', 'summary']);
    expect(editions[1].folders).toEqual(['dist/summary/html/', 'dist/summary/pdf/', 'dist/summary/text/']);
    expect(editions[1].sections).toEqual(['our-learnings', 'learning-1', 'learning-2', 'learning-3', 'beyond-living-well', 'rage-your-ally']);
  });

  it('removes the output folder', () => {
    const out = path.join(tmp(), 'dist');
    cpSync(first, out, { recursive: true });
    expect(runLwr(['clean', '--out', out]).status).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('starts a new report that checks and builds cleanly under --strict', () => {
    const dir = path.join(tmp(), 'new-report');
    expect(runLwr(['init', dir]).status).toBe(0);
    const check = runLwr(['check'], { cwd: dir });
    expect(check.stderr + check.stdout).toMatch(/no problems/);
    expect(check.status).toBe(0);
    const build = runLwr(['build', '--strict', '--format', 'html,text'], { cwd: dir });
    expect(build.status).toBe(0);
    expect(existsSync(path.join(dir, 'dist/html/index.html'))).toBe(true);
    expect(runLwr(['init', dir]).status).toBe(2);
  });
});

describe('where lwr build may write', () => {
  it('builds into a dist/ folder beside the content, inside lwr’s own folder (the README quick start)', () => {
    const out = path.join(ROOT, 'tests/output/dist-inside-package');
    rmSync(out, { recursive: true, force: true });
    const run = runLwr(['build', '--format', 'text', '--out', 'tests/output/dist-inside-package']);
    expect(run.stderr).not.toContain('refusing');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(out, 'text/living-well-uk-learning-report-2023.txt'))).toBe(true);
    // A second build replaces the output lwr made.
    expect(runLwr(['build', '--format', 'text', '--out', 'tests/output/dist-inside-package']).status).toBe(0);
  });

  it('refuses an output folder that holds lwr itself, or that lwr did not make', () => {
    const stranger = path.join(tmp(), 'not-an-output');
    mkdirSync(stranger);
    writeFileSync(path.join(stranger, 'notes.txt'), 'keep me\n');
    const run = runLwr(['build', '--format', 'text', '--out', stranger]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lwr did not make');
    expect(readFileSync(path.join(stranger, 'notes.txt'), 'utf8')).toBe('keep me\n');
    expect(runLwr(['build', '--format', 'text', '--out', path.dirname(ROOT)]).stderr).toMatch(/refusing/);
    expect(runLwr(['clean', '--out', 'content']).status).toBe(2);
    expect(existsSync(path.join(ROOT, 'content/report.yaml'))).toBe(true);
  });
});
