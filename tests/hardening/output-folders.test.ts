import { lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';
import { BASE_CONTENT, contentCopy, leftovers, snapshotTree, STACK_TRACE, tempDir } from './support.js';

// Data loss: `--out` and `lwr clean` may only ever replace or remove a folder lwr made. A folder
// that merely holds a file called manifest.json (a web app's public/, a browser extension's
// dist/) is someone else's; a symlink is judged by where it leads.

let work: string;
beforeAll(() => {
  work = tempDir('lwr-output-folders-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh case folder inside the suite's temporary folder. */
function caseDir(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  return dir;
}

/** A web app's public folder: a PWA manifest.json beside the app's own pages. */
function webAppPublic(dir: string): string {
  const folder = path.join(dir, 'public');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ name: 'My app', short_name: 'app', start_url: '/', icons: [] }));
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>My app</title>\n');
  return folder;
}

/** A browser extension's build: manifest.json with a manifest_version. */
function extensionDist(dir: string): string {
  const folder = path.join(dir, 'ext-dist');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Extension', version: '1.0.0' }));
  writeFileSync(path.join(folder, 'background.js'), 'console.log("hello");\n');
  return folder;
}

/** A manifest.json exactly as lwr writes it, for folders that must be refused whatever they hold. */
const LWR_MANIFEST = JSON.stringify({ lwrVersion: '0.1.0', report: 'hardening-fixture', files: [] });

const build = (out: string, cwd: string, content = BASE_CONTENT) => runLwr(['build', '--format', 'text', '--out', out, '--content', content], { cwd });

describe('a folder that holds a manifest.json lwr did not write', () => {
  it('lwr build --out public (a web app’s public folder): refused, exit 2, every file kept', () => {
    const dir = caseDir('web-app');
    const folder = webAppPublic(dir);
    const before = snapshotTree(folder);
    const run = build('public', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to write to --out public: public holds a manifest\.json lwr did not write/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(snapshotTree(folder)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('lwr clean --out ext-dist (a browser extension’s build): refused, exit 2, every file kept', () => {
    const dir = caseDir('extension');
    const folder = extensionDist(dir);
    const before = snapshotTree(folder);
    const run = runLwr(['clean', '--out', 'ext-dist', '--content', BASE_CONTENT], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to remove ext-dist: ext-dist holds a manifest\.json lwr did not write/);
    expect(snapshotTree(folder)).toEqual(before);
  });

  it('a manifest shaped like lwr’s but without its version is not lwr’s: refused', () => {
    const dir = caseDir('no-version');
    const folder = path.join(dir, 'out');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ report: 'x', files: [] }));
    writeFileSync(path.join(folder, 'keep.txt'), 'keep me\n');
    expect(build('out', dir).status).toBe(2);
    expect(runLwr(['clean', '--out', 'out'], { cwd: dir }).status).toBe(2);
    expect(readFileSync(path.join(folder, 'keep.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a manifest.json that is not JSON at all: refused', () => {
    const dir = caseDir('not-json');
    const folder = path.join(dir, 'out');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'manifest.json'), 'not json');
    expect(build('out', dir).status).toBe(2);
    expect(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).toBe('not json');
  });

  it('lwr’s own output is still replaced by a build and removed by lwr clean', () => {
    const dir = caseDir('own-output');
    expect(build('dist', dir).status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'dist', 'manifest.json'), 'utf8')) as { lwrVersion: string };
    expect(manifest.lwrVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(build('dist', dir).status).toBe(0);
    const clean = runLwr(['clean', '--out', 'dist'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(snapshotTree(dir)).toEqual({});
  });
});

describe('symlinks are judged by where they lead', () => {
  it('ln -s . out; lwr build --out out: refused as the working folder, nothing written into it', () => {
    const dir = caseDir('link-to-cwd');
    contentCopy(dir);
    // Even a working folder that looks like lwr's output (it holds lwr's manifest) is never replaced.
    writeFileSync(path.join(dir, 'manifest.json'), LWR_MANIFEST);
    symlinkSync('.', path.join(dir, 'out'));
    const before = snapshotTree(dir);
    const run = build('out', dir, 'content');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to write to --out out: out leads to .* the working folder/);
    expect(run.stderr).not.toMatch(/EISDIR/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('ln -s content out; lwr build --out out: refused as the content folder, the content untouched', () => {
    const dir = caseDir('link-to-content');
    const content = contentCopy(dir, { 'manifest.json': LWR_MANIFEST });
    symlinkSync('content', path.join(dir, 'out'));
    const before = snapshotTree(content);
    const run = build('out', dir, 'content');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/content folder/);
    expect(snapshotTree(content)).toEqual(before);
    expect(lstatSync(path.join(dir, 'out')).isSymbolicLink()).toBe(true);
  });

  it('ln -s .. out; lwr clean --out out: refused, nothing removed', () => {
    const dir = caseDir('clean-link-to-parent');
    const inner = path.join(dir, 'inner');
    mkdirSync(inner);
    writeFileSync(path.join(dir, 'precious.txt'), 'precious\n');
    writeFileSync(path.join(dir, 'manifest.json'), LWR_MANIFEST);
    symlinkSync('..', path.join(inner, 'out'));
    const run = runLwr(['clean', '--out', 'out'], { cwd: inner });
    expect(run.status).toBe(2);
    expect(readFileSync(path.join(dir, 'precious.txt'), 'utf8')).toBe('precious\n');
  });

  it('a link inside the content folder that leads to the output’s parent cannot smuggle the output into the content', () => {
    const dir = caseDir('out-through-link-into-content');
    const content = contentCopy(dir);
    symlinkSync(content, path.join(dir, 'alias'));
    const before = snapshotTree(content);
    const run = build('alias/dist', dir, 'content');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/inside the content folder/);
    expect(snapshotTree(content)).toEqual(before);
  });

  it('a link to lwr’s own output elsewhere: the build replaces the real folder and the link stays a link', () => {
    const dir = caseDir('link-to-own-output');
    expect(build('real-dist', dir).status).toBe(0);
    symlinkSync('real-dist', path.join(dir, 'dist'));
    const run = build('dist', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'dist'))).toBe('real-dist');
    expect(readFileSync(path.join(dir, 'real-dist', 'manifest.json'), 'utf8')).toContain('"lwrVersion"');
    expect(leftovers(dir)).toEqual([]);
  });
});
