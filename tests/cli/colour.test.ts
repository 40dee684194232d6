import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FIXTURES } from '../check/support.js';
import { ROOT } from '../support/report.js';

/**
 * Colour is decided for each stream from that stream alone. util-linux's `script` runs lwr on
 * a pseudo-terminal; a shell redirection inside it sends one of the two streams to a file, so
 * one stream is a terminal and the other is not.
 */
const ANSI = /\u001b\[\d+(?:;\d+)*m/;
const FIXTURE = path.join(CHECK_FIXTURES, 'link-text-not-descriptive/content');
// Seven warnings, more than --max-warnings 0: problems on stdout, a red message on stderr.
const LWR = `'${process.execPath}' '${path.join(ROOT, 'bin/lwr.js')}' --content '${FIXTURE}' check --max-warnings 0`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lwr-colour-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run a shell command on a pseudo-terminal; returns what reached the terminal. */
function onTerminal(command: string, env: Record<string, string> = {}): { terminal: string; status: number | null } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'CI'].includes(k))) as Record<string, string>;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...base, TERM: 'xterm', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { terminal: run.stdout, status: run.status };
}

describe('colour per stream', () => {
  it('stdout on a terminal and stderr to a file: the problems are coloured, the file gets no escape codes', () => {
    const errFile = path.join(work, 'stderr.txt');
    const { terminal, status } = onTerminal(`${LWR} 2>'${errFile}'`);
    expect(status).toBe(1);
    expect(terminal).toContain('link-text-not-descriptive');
    expect(terminal).toMatch(ANSI);
    const stderr = readFileSync(errFile, 'utf8');
    expect(stderr).toContain('more than --max-warnings 0');
    expect(stderr).not.toMatch(/\u001b/);
  });

  it('stdout to a file and stderr on a terminal (lwr check > out.txt): the file gets no escape codes, the terminal message is coloured', () => {
    const outFile = path.join(work, 'stdout.txt');
    const { terminal, status } = onTerminal(`${LWR} >'${outFile}'`);
    expect(status).toBe(1);
    const stdout = readFileSync(outFile, 'utf8');
    expect(stdout).toContain('link-text-not-descriptive');
    expect(stdout).not.toMatch(/\u001b/);
    expect(terminal).toContain('more than --max-warnings 0');
    expect(terminal).toMatch(ANSI);
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }, ''],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, ''],
    ['--no-color', {}, '--no-color'],
  ])('%s turns colour off on a terminal', (_name, env, flag) => {
    const { terminal } = onTerminal(`${LWR} ${flag}`, env);
    expect(terminal).toContain('link-text-not-descriptive');
    expect(terminal).not.toMatch(/\u001b/);
  });

  it('FORCE_COLOR colours both streams even when neither is a terminal', () => {
    const outFile = path.join(work, 'forced-out.txt');
    const errFile = path.join(work, 'forced-err.txt');
    onTerminal(`${LWR} >'${outFile}' 2>'${errFile}'`, { FORCE_COLOR: '1' });
    expect(readFileSync(outFile, 'utf8')).toMatch(ANSI);
    expect(readFileSync(errFile, 'utf8')).toMatch(ANSI);
  });
});
