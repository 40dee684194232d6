import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/model/hash.js';
import { listFiles } from '../../src/publish/write-output.js';
import { runLwr } from '../support/cli.js';
import { CONTENT, FIGURES_CONTENT } from '../support/report.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));

/** A project folder holding a copy of a report: the real one (every structure, a glossary, the poem) unless named. */
function project(content = CONTENT): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-cache-'));
  cpSync(content, path.join(dir, 'content'), { recursive: true });
  return dir;
}

const build = (cwd: string, out: string, env: Record<string, string> = {}, narrow: string[] = []) => {
  const run = runLwr(['build', '--out', out, ...narrow], { cwd, env: { ...EPOCH, ...env } });
  expect(run.status, run.stderr).toBe(0);
  return snapshot(path.join(cwd, out));
};
const cacheFiles = (cwd: string) => (existsSync(path.join(cwd, '.lwr-cache')) ? readdirSync(path.join(cwd, '.lwr-cache')).sort() : []);

// The summary edition is enough to see a damaged cache used (and builds in half the time).
const SUMMARY = ['--edition', 'summary'];
let uncached: Record<string, string>;
let uncachedSummary: Record<string, string>;
beforeAll(() => {
  const cwd = project();
  uncached = build(cwd, 'dist', { LWR_CACHE: 'off' });
  uncachedSummary = build(cwd, 'summary', { LWR_CACHE: 'off' }, SUMMARY);
  expect(cacheFiles(cwd)).toEqual([]);
});

describe("lwr's cache (.lwr-cache/)", () => {
  it('keeps the read model and the PDF\'s shaped text in the project, and builds from it the same bytes as without it', () => {
    const cwd = project();
    expect(build(cwd, 'first')).toEqual(uncached);
    // The PDF editions are set on the render worker, which records what it shaped.
    expect(cacheFiles(cwd)).toEqual([expect.stringMatching(/^read-[0-9a-f]{16}\.json$/), 'shaping.json']);
    expect(build(cwd, 'again')).toEqual(uncached);
  });

  it('is ignored when damaged or stale, and written anew', () => {
    const cwd = project();
    build(cwd, 'fill', {}, SUMMARY);
    const damages: [string, (text: string) => string][] = [
      ['cut short', (text) => text.slice(0, Math.floor(text.length / 2))],
      // Every glyph id and every text changed, checksum left as it was: using it would change the output.
      ['its data changed', (text) => text.replace(/"g":\[(\d)/g, '"g":[1$1').replace(/"text":"/g, '"text":"x')],
      ['written by another lwr', (text) => text.replace(/"key":"/, '"key":"0.0.0+other ')],
      ['not a cache file', () => 'not json at all'],
    ];
    for (const [how, damage] of damages) {
      for (const name of cacheFiles(cwd)) {
        const file = path.join(cwd, '.lwr-cache', name);
        writeFileSync(file, damage(readFileSync(file, 'utf8')));
      }
      expect(build(cwd, 'damaged', {}, SUMMARY), how).toEqual(uncachedSummary);
      // Written anew, and used: the next build reads it back.
      for (const name of cacheFiles(cwd)) expect(readFileSync(path.join(cwd, '.lwr-cache', name), 'utf8'), `${how}: ${name}`).toMatch(/^\{"format":"lwr-cache 1"/);
    }
  });

  it('never serves a model read from other content: an edited file, or an image changed on disk, is read again', () => {
    const cwd = project(FIGURES_CONTENT);
    const model = () => JSON.parse(runLwr(['model'], { cwd }).stdout);
    const first = model();
    const file = path.join(cwd, 'content/01-charts.md');
    expect(first.figures.length).toBeGreaterThan(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n([A-Z])/, '\n\nAn edited sentence. $1'));
    const edited = model();
    expect(JSON.stringify(edited)).toContain('An edited sentence.');
    const chart = first.figures.find((f: { file?: { path: string } }) => f.file?.path === 'images/chart.png');
    cpSync(path.join(cwd, 'content/images/photo.jpg'), path.join(cwd, 'content/images/chart.png'));
    const changed = model().figures.find((f: { url: string }) => f.url === chart.url);
    expect(changed.file.format).toBe('jpeg');
    expect(changed.file.sha256).not.toBe(chart.file.sha256);
  });

  it('is removed by lwr clean --cache, with the output folder', () => {
    const cwd = project();
    build(cwd, 'dist');
    expect(cacheFiles(cwd).length).toBeGreaterThan(0);
    const run = runLwr(['clean', '--cache'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/removed dist[\s\S]*removed \.lwr-cache/);
    expect(existsSync(path.join(cwd, '.lwr-cache'))).toBe(false);
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false);
  });
});
