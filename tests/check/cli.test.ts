import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { runLwr, type CliRun } from '../support/cli.js';
import { ROOT } from '../support/report.js';
import { CHECK_FIXTURES } from './support.js';
import { startTestServer, type TestServer } from './test-server.js';

const fixture = (name: string) => path.join(CHECK_FIXTURES, name, 'content');
const check = (...args: string[]) => runLwr(['check', ...args]);
const checkFixtureCli = (name: string, ...args: string[]) => runLwr(['--content', fixture(name), 'check', ...args]);

/** Run the CLI without blocking this process, so a server in it can answer. */
function runLwrAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/lwr.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('lwr check on the real report', () => {
  it('prints the placeholders and lost links grouped by file, with a summary, and exits 1', () => {
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('content/09-learning-in-the-midst-of-action.md\n  11:75   error    link "here" has a placeholder target "#"  link-placeholder');
    expect(run.stdout).toContain('content/16-colophon.md\n  9:1     warning');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('✖ 11 problems (4 errors, 7 warnings)');
  });

  it('runs one family: links exits 1, attribution (only a warning) exits 0', () => {
    expect(check('links').status).toBe(1);
    const attribution = check('attribution');
    expect(attribution.status).toBe(0);
    expect(attribution.stdout).toContain('person-inconsistent');
    expect(attribution.stdout).not.toContain('link-placeholder');
  });
});

describe('exit codes', () => {
  it('exits 0 with "no problems" on clean content', () => {
    const run = checkFixtureCli('clean');
    expect([run.status, run.stdout.trim()]).toEqual([0, '✔ no problems']);
  });

  it('exits 0 on warnings alone, and 1 when they are more than --max-warnings allows', () => {
    expect(checkFixtureCli('link-text-not-descriptive').status).toBe(0);
    expect(checkFixtureCli('link-text-not-descriptive', '--max-warnings', '7').status).toBe(0);
    const over = checkFixtureCli('link-text-not-descriptive', '--max-warnings', '6');
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('7 warnings, more than --max-warnings 6');
  });

  it('exits 2 on unreadable content', () => {
    const run = runLwr(['--content', path.join(CHECK_FIXTURES, 'no-such-folder'), 'check']);
    expect(run.status).toBe(2);
  });

  it.each([
    [['--format', 'xml']],
    [['everything']],
    [['--timeout', 'soon']],
    [['--accept', '2xx']],
    [['--max-warnings', '-1']],
    [['--exclude', '(']],
  ])('exits 2 on the usage error %j', (args) => {
    const run = check(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('output formats', () => {
  it('--format json prints only the JSON result: counts, exit code and diagnostics', () => {
    const run = check('--format', 'json');
    const result = JSON.parse(run.stdout) as { exitCode: number; counts: object; diagnostics: { ruleId: string; file: string; line: number }[] };
    expect([result.exitCode, result.counts]).toEqual([1, { errors: 4, warnings: 7, infos: 0, fatal: 0 }]);
    const rows = result.diagnostics;
    expect(rows.filter((r) => r.ruleId === 'link-placeholder').map((r) => `${r.file}:${r.line}`)).toEqual([
      'content/09-learning-in-the-midst-of-action.md:11',
      'content/11-learning-1.md:121',
      'content/12-learning-2.md:49',
      'content/14-beyond-living-well.md:25',
    ]);
    expect(run.status).toBe(1);
  });

  it('--format github prints workflow commands', () => {
    const lines = check('--format', 'github').stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.every((l) => /^::(error|warning|notice) file=content\/[^,]+,line=\d+(,endLine=\d+)?,col=\d+(,endColumn=\d+)?,title=[a-z-]+::/.test(l))).toBe(true);
  });

  it('--format sarif prints a SARIF 2.1.0 log', () => {
    const log = JSON.parse(check('--format', 'sarif').stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(11);
  });

  it('shows hostile link text escaped on the terminal', () => {
    const run = checkFixtureCli('hostile-text');
    expect(run.stdout).not.toMatch(/\u001b|\u202e/);
    expect(run.stdout).toContain('\\x1bc\\u202eereh');
  });

  it('--list-rules prints every rule with its severity and description, without reading content', () => {
    const run = runLwr(['--content', path.join(CHECK_FIXTURES, 'no-such-folder'), 'check', '--list-rules']);
    expect(run.status).toBe(0);
    for (const rule of RULES) expect(run.stdout).toMatch(new RegExp(`^${rule.id} +${rule.family} +${rule.severity} +\\S`, 'm'));
  });
});

describe('lwr check --external', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(path.join(tmpdir(), 'lwr-cli-external-'));
    mkdirSync(path.join(dir, 'content'));
    writeFileSync(path.join(dir, 'content/01-links.md'), `---\nid: links\ntitle: Links\n---\n\n[good](${server.origin}/good/1) and [gone](${server.origin}/gone).\n`);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a broken external link and exits 1; caches the answers in the file it is given', async () => {
    const cache = path.join(dir, 'cache.json');
    const run = await runLwrAsync(['--content', path.join(dir, 'content'), 'check', 'links', '--external', '--cache', cache, '--format', 'json'], { CI: '1' });
    expect(run.status, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout).diagnostics as { ruleId: string }[]).map((d) => d.ruleId)).toEqual(['link-external-broken']);
    expect(Object.keys(JSON.parse(readFileSync(cache, 'utf8')).entries).sort()).toEqual([`${server.origin}/gone`, `${server.origin}/good/1`]);
    expect(run.stderr).not.toContain('█');

    server.requests.length = 0;
    const again = await runLwrAsync(['--content', path.join(dir, 'content'), 'check', 'links', '--external', '--cache', cache, '--format', 'json'], { CI: '1' });
    expect(again.stdout).toBe(run.stdout);
    expect(server.requests).toEqual([]);
  });

  it('makes no request with --offline', async () => {
    server.requests.length = 0;
    const run = await runLwrAsync(['--content', path.join(dir, 'content'), 'check', '--external', '--offline']);
    expect(run.status, run.stderr).toBe(0);
    expect(server.requests).toEqual([]);
  });
});
