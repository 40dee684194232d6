import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentCopy, tempDir } from '../hardening/support.js';
import { runLwr } from '../support/cli.js';
import { startWatch } from '../support/watch.js';

// Issue 13, point 10 (and the init part of point 9): the edges a new user meets first.

let work: string;
beforeAll(() => {
  work = tempDir('lwr-small-edges-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `lwr watch --port … --content <a copy of the base report>`. */
const watchBase = (args: string[]) => startWatch([...args, '--content', contentCopy(path.join(work, `watch-${Math.random().toString(36).slice(2)}`))]);

describe('lwr watch', () => {
  it('serves the text edition at /text/, as the README says', async () => {
    const { child, url } = await watchBase(['--port', '0']);
    try {
      const answer = await fetch(`${url}text/`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await answer.text()).toMatch(/^Hardening fixture\nA small report\n=+/);
    } finally {
      child.kill('SIGINT');
    }
  });

  it('a port in use: serves on the next free port and says so (it was "internal error: listen EADDRINUSE")', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const { child, url, stderr } = await watchBase(['--port', String(taken)]);
    try {
      const port = Number(new URL(url).port);
      expect(port).toBeGreaterThan(taken);
      expect(stderr()).toContain(`lwr watch: port ${taken} is in use; serving on ${port} instead`);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
      blocker.close();
    }
  });
});

describe('lwr init', () => {
  it('refuses a file path with a clear message and exit 2 (it was "internal error: ENOTDIR")', () => {
    const dir = path.join(work, 'init-file');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    const run = runLwr(['init', 'README.md'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lwr init: README.md is a file; give the name of a new folder (lwr init my-report)\n');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# mine\n');
    const under = runLwr(['init', 'README.md/report'], { cwd: dir });
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(/is inside a file, not a folder/);
  });

  it('writes a short slug from the folder’s name into report.yaml, and the files are named by it', () => {
    const dir = path.join(work, 'init-slug');
    mkdirSync(dir);
    expect(runLwr(['init', 'Annual Review 2026'], { cwd: dir }).status).toBe(0);
    const report = path.join(dir, 'Annual Review 2026');
    expect(readFileSync(path.join(report, 'content/report.yaml'), 'utf8')).toMatch(/^slug: annual-review-2026$/m);
    expect(runLwr(['build', '--format', 'text', '--strict'], { cwd: report }).status).toBe(0);
    expect(readdirSync(path.join(report, 'dist/text'))).toEqual(['annual-review-2026.txt']);
  });
});

describe('--page-size', () => {
  it('takes A4 and Letter in any case, and names the sizes otherwise', () => {
    const dir = path.join(work, 'page-size');
    contentCopy(dir);
    const letter = runLwr(['build', '--format', 'pdf', '--page-size', 'letter', '--out', 'dist', '--content', 'content'], { cwd: dir });
    expect(letter.status, letter.stderr).toBe(0);
    const pdf = readdirSync(path.join(dir, 'dist/pdf'))[0]!;
    expect(existsSync(path.join(dir, 'dist/pdf', pdf))).toBe(true);
    expect(readFileSync(path.join(dir, 'dist/pdf', pdf), 'latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    const legal = runLwr(['build', '--page-size', 'legal', '--content', 'content'], { cwd: dir });
    expect(legal.status).toBe(2);
    expect(legal.stderr).toMatch(/--page-size <size>' argument 'legal' is invalid\. must be A4 or Letter/);
  });

  it('pdf: { pageSize: letter } in report.yaml is read the same way', () => {
    const dir = path.join(work, 'page-size-config');
    contentCopy(dir, { 'report.yaml': 'title: Hardening fixture\nslug: hardening-fixture\neditions:\n  - id: full\n    title: Full report\n    formats: [pdf]\n    pdf: { pageSize: letter }\n' });
    const run = runLwr(['build', '--out', 'dist', '--content', 'content'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/pdf/hardening-fixture.pdf'), 'latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });
});
