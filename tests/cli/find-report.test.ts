import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';

// Without --content or lwr.config.yaml, lwr finds the report around the working folder the way
// git finds its repository, so an editor can run it from inside the content (or a folder of
// images in it) and get what a run from the project's top gives.

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lwr-find-report-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const section = (id: string, body: string) => `---\nid: ${id}\ntitle: ${id}\n---\n\n${body}\n`;

/** A project folder with a two-section report in `content/` and an `images/` folder in it. */
function project(name: string): string {
  const dir = path.join(work, name);
  const files: Record<string, string> = {
    'content/report.yaml': 'title: Found from below\nslug: found\nauthors: [Sam Example]\n',
    'content/01-one.md': section('one', 'A placeholder: [one](#).'),
    'content/02-two.md': section('two', 'Plain text.'),
    'content/images/.keep': '',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('without --content or a config file, the report is found from the working folder up', () => {
  it('lwr check inside the content folder and inside a folder of it checks the report, naming files as seen from there', () => {
    const dir = project('check');
    for (const cwd of ['content', 'content/images']) {
      const run = runLwr(['check', '--format', 'json'], { cwd: path.join(dir, cwd) });
      expect(run.status, run.stderr).toBe(1);
      const result = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string }[] };
      expect(result.diagnostics.map((d) => [d.ruleId, path.resolve(dir, cwd, d.file)])).toContainEqual(['link-placeholder', path.join(dir, 'content/01-one.md')]);
    }
  });

  it('lwr build inside the content writes dist/ beside the content, never into it, and lwr clean removes it from there', () => {
    const dir = project('build');
    const run = runLwr(['build', '--format', 'text', '-q'], { cwd: path.join(dir, 'content/images') });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'dist/text/found.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'content/dist'))).toBe(false);
    expect(existsSync(path.join(dir, 'content/images/dist'))).toBe(false);
    const clean = runLwr(['clean', '-q'], { cwd: path.join(dir, 'content') });
    expect(clean.status, clean.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('lwr editions shows the folders the build would write, as seen from the working folder', () => {
    const dir = project('editions');
    const run = runLwr(['editions', '--json'], { cwd: path.join(dir, 'content') });
    expect(run.status, run.stderr).toBe(0);
    const [full] = JSON.parse(run.stdout) as { folders: string[] }[];
    expect(full!.folders).toEqual(['../dist/html/', '../dist/pdf/', '../dist/text/']);
  });

  it('stops at the top of a repository, so an unrelated report above it is never read', () => {
    const outer = project('outer');
    const repo = path.join(outer, 'elsewhere/repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'notes'));
    // `outer/content` is not this repository's report: lwr says there is none here.
    const run = runLwr(['check'], { cwd: path.join(repo, 'notes') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/content folder content does not exist/);
  });
});

describe('lwr editions and lwr.config.yaml', () => {
  it('shows the editions in the config file\'s output folder', () => {
    const dir = project('config-out');
    writeFileSync(path.join(dir, 'lwr.config.yaml'), 'content: content\nout: public-dist\n');
    const run = runLwr(['editions'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('→  public-dist/html/ public-dist/pdf/ public-dist/text/');
  });
});
