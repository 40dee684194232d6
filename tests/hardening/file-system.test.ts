import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_IDS } from '../../src/model/reserved-ids.js';
import { LIVE_CLIENT_SCRIPT } from '../../src/watch/live-client.js';
import { runLwr } from '../support/cli.js';
import { ROOT } from '../support/report.js';
import { BASE_CONTENT, contentCopy, leftovers, sectionFile, snapshotTree, STACK_TRACE, tempDir } from './support.js';

// The file system around the content and the output: links that lead out of the content,
// temporary files a killed build leaves, an output lwr cannot move, and names the file system
// refuses.

let work: string;
beforeAll(() => {
  work = tempDir('lwr-file-system-');
  chmodSync(work, 0o755); // so `nobody` can reach the cases below
});
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+w', work]);
  rmSync(work, { recursive: true, force: true });
});

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
/** Root can run lwr as the unprivileged user `nobody` (setpriv), for permission cases root ignores. */
const CAN_DROP = IS_ROOT && existsSync('/usr/bin/setpriv');

/** Run the CLI as `nobody` (a normal user, for whom read-only means read-only). */
function runAsNobody(args: string[], cwd: string) {
  const run = spawnSync('/usr/bin/setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', process.execPath, path.join(ROOT, 'bin/lwr.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', HOME: cwd },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Give a folder tree to `nobody`. */
function giveToNobody(dir: string): void {
  chownSync(dir, NOBODY, NOBODY);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) giveToNobody(full);
    else chownSync(full, NOBODY, NOBODY);
  }
}

describe('links through a symlinked folder inside the content', () => {
  it('lwr check never looks outside the content folder, nor names what is there', () => {
    const dir = path.join(work, 'symlinked-folder');
    const outside = path.join(dir, 'outside');
    mkdirSync(path.join(outside, 'ssh'), { recursive: true });
    writeFileSync(path.join(outside, 'ssh', 'ssh_config'), 'Host *\n');
    writeFileSync(path.join(outside, 'ssh', 'moduli'), 'secret\n');
    const content = contentCopy(dir, { '03-links.md': sectionFile('links', 'See [the config](docs/ssh/ssh_confg) and [moduli](docs/ssh/moduli).') });
    symlinkSync(outside, path.join(content, 'docs'));
    const run = runLwr(['check', 'links', '--format', 'json', '--content', 'content'], { cwd: dir });
    const found = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; url: string; message: string; hint?: string }[] }).diagnostics;
    // Neither the existing file nor the near miss is confirmed or suggested.
    expect(run.stdout).not.toMatch(/ssh_config/);
    const moduli = found.find((d) => d.url === 'docs/ssh/moduli');
    expect(moduli, 'a file outside the content must not count as existing').toBeDefined();
    expect(found.find((d) => d.url === 'docs/ssh/ssh_confg')?.hint ?? undefined).toBeUndefined();
  });
});

describe('temporary files of PDF verification', () => {
  it.skipIf(!existsSync('/bin/sh'))('none are left when lwr is killed (SIGKILL) while pdftotext runs: the PDF is in a file that has no name, or goes through a pipe', () => {
    const dir = path.join(work, 'verify-killed');
    mkdirSync(dir);
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    // A pdftotext that kills the lwr process calling it, as the OOM killer or a CI timeout would.
    writeFileSync(path.join(bin, 'pdftotext'), '#!/bin/sh\nkill -9 $PPID\nexit 1\n');
    chmodSync(path.join(bin, 'pdftotext'), 0o755);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/lwr.js'), 'build', '--format', 'pdf', '--out', path.join(dir, 'dist'), '--content', BASE_CONTENT], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, PATH: `${bin}:${process.env.PATH}` },
      timeout: 120_000,
    });
    expect(run.signal).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a build sweeps what a killed build left beside the output (its process is gone)', () => {
    const dir = path.join(work, 'sweep');
    mkdirSync(dir);
    expect(runLwr(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], { cwd: dir }).status).toBe(0);
    // A process id that cannot be running (above Linux's pid_max of 2^22).
    mkdirSync(path.join(dir, '.dist.tmp-9999999-abc'));
    writeFileSync(path.join(dir, '.dist.tmp-9999999-abc', 'half.pdf'), 'half');
    mkdirSync(path.join(dir, '.dist.old-9999999-abc'));
    expect(runLwr(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], { cwd: dir }).status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe.skipIf(!CAN_DROP)('a previous output lwr cannot move or remove (run as a normal user)', () => {
  it('a read-only folder inside it: refused before anything is published, the previous output unchanged, nothing left', () => {
    const dir = path.join(work, 'read-only-output');
    mkdirSync(dir);
    cpSync(BASE_CONTENT, path.join(dir, 'content'), { recursive: true });
    giveToNobody(dir);
    expect(runAsNobody(['build', '--format', 'text', '--out', 'dist', '--content', 'content'], dir).status).toBe(0);
    chmodSync(path.join(dir, 'dist', 'text'), 0o555);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'content', '03-new.md'), sectionFile('new', 'A new section.'));
    const run = runAsNobody(['build', '--format', 'text', '--out', 'dist', '--content', 'content'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot replace dist: dist\/text is read-only \(EACCES\).*the previous output is unchanged/s);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a read-only parent: refused, the previous output unchanged, nothing left', () => {
    const dir = path.join(work, 'read-only-parent');
    mkdirSync(dir);
    giveToNobody(dir);
    expect(runAsNobody(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], dir).status).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    chmodSync(dir, 0o555);
    try {
      const run = runAsNobody(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/EACCES.*the previous output is unchanged/);
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe.skipIf(!IS_ROOT || !existsSync('/usr/bin/chattr'))('a previous output with a file not even root can remove (chattr +i)', () => {
  it('says that the new output is published and where the rest of the old one is; the next build sweeps it', () => {
    const dir = path.join(work, 'immutable');
    mkdirSync(dir);
    expect(runLwr(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], { cwd: dir }).status).toBe(0);
    const stuck = path.join(dir, 'dist', 'text', 'hardening-fixture.txt');
    if (spawnSync('/usr/bin/chattr', ['+i', stuck]).status !== 0) return; // a file system without the flag
    try {
      const run = runLwr(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/published the new output into dist, but the previous output could not be removed completely \(E[A-Z]+\); what is left of it is in .*\.dist\.old-/);
      expect(run.stderr).not.toMatch(/the previous output is unchanged/);
      expect(leftovers(dir)).toHaveLength(1);
    } finally {
      for (const name of leftovers(dir)) spawnSync('/usr/bin/chattr', ['-i', path.join(dir, name, 'text', 'hardening-fixture.txt')]);
      spawnSync('/usr/bin/chattr', ['-i', stuck]);
    }
    expect(runLwr(['build', '--format', 'text', '--out', 'dist', '--content', BASE_CONTENT], { cwd: dir }).status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('edition ids and file names in report.yaml', () => {
  const config = (editions: string, extra = '') => `title: Hardening fixture\n${extra}editions:\n${editions}`;
  const edition = (id: string, sections = '[intro]') => `  - id: ${id}\n    title: ${id}\n    formats: [html, text]\n    sections: ${sections}\n`;

  function build(name: string, yaml: string) {
    const dir = path.join(work, name);
    contentCopy(dir, { 'report.yaml': yaml });
    return { dir, run: runLwr(['build', '--format', 'text', '--out', 'dist', '--content', 'content'], { cwd: dir }) };
  }

  it('a duplicate id is config-invalid (it silently overwrote the first edition’s files)', () => {
    const { dir, run } = build('duplicate-edition', config(edition('full') + edition('summary') + edition('summary', '[learning-1]')));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/report\.yaml\n\s+\d+:\d+\s+error\s+edition id "summary" is used twice \(editions 2 and 3\).*config-invalid/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  for (const id of ['html', 'pdf', 'text']) {
    it(`an edition called "${id}" is config-invalid (its files would nest inside the main edition’s ${id}/ folder)`, () => {
      const { run } = build(`edition-${id}`, config(edition('full') + edition(id)));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`edition id "${id}" is the name of a format folder`));
    });
  }

  it('a 400-character title without a slug builds, with a file name the file system accepts', () => {
    const title = 'A very long title '.repeat(23).trim();
    const { dir, run } = build('long-title', `title: ${title}\n`);
    expect(run.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(run.status, run.stderr).toBe(0);
    const [file] = readdirSync(path.join(dir, 'dist', 'text'));
    expect(file!.length).toBeLessThanOrEqual(84);
    expect(file).toMatch(/^a-very-long-title-a-very-long-title.*\.txt$/);
  });

  it('a slug or an edition id too long for a file name is config-invalid, in words', () => {
    const { run } = build('long-slug', `title: T\nslug: ${'s'.repeat(300)}\n`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/"slug" is 300 characters long; at most 80/);
    expect(run.stderr).not.toMatch(/ENAMETOOLONG/);
    const long = build('long-edition-id', config(edition('full') + edition('e'.repeat(300))));
    expect(long.run.status).toBe(2);
    expect(long.run.stderr).toMatch(/edition id "e+" is 300 characters long; at most 64/);
  });
});

describe('ids the page uses itself', () => {
  it('a section or heading id equal to the page template’s own (main, contents-title) is reported by lwr check', () => {
    const dir = path.join(work, 'reserved-ids');
    contentCopy(dir, {
      '03-main.md': '---\nid: main\ntitle: Main\n---\n\nThe main section.\n\n## Contents title\n\nA heading whose id is contents-title.\n',
    });
    const run = runLwr(['check', '--format', 'json', '--content', 'content'], { cwd: dir });
    const found = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; line: number; message: string }[] }).diagnostics.filter((d) => d.ruleId === 'id-reserved');
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [1, 'id "main" is one the HTML page uses itself (the main content); links to #main would land there'],
      [8, 'id "contents-title" is one the HTML page uses itself (the table of contents title); links to #contents-title would land there'],
    ]);
    expect(run.status).toBe(1);
  });

  it('the list of the page’s own ids is the ids the page templates and the watch banner set', () => {
    const templates = path.join(ROOT, 'templates/html');
    const files = readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.liquid'));
    const ids = new Set(files.flatMap((f) => [...readFileSync(path.join(templates, f), 'utf8').matchAll(/\bid="([^"{]+)"/g)].map((m) => m[1]!)));
    ids.add(/banner\.id = '([^']+)'/.exec(LIVE_CLIENT_SCRIPT)![1]!);
    expect(Object.keys(PAGE_IDS).sort()).toEqual([...ids].sort());
  });
});
