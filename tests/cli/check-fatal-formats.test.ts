import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLwr, type CliRun } from '../support/cli.js';
import { sarifSchemaErrors } from '../support/sarif.js';

/**
 * A fatal problem reaches CI in whatever format it asked for: on stdout, exit code 2, never
 * only as human text on stderr (which `lwr check --format sarif > lwr.sarif` would lose).
 */
let work: string;
const project = (name: string, files: Record<string, string>): string => {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lwr-fatal-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = '---\nid: intro\ntitle: Intro\n---\n\nHello.\n';

/** Each fatal case: the project, the arguments, and the rule id the output must name. */
const CASES: { name: string; files: Record<string, string>; args: string[]; ruleId: string }[] = [
  { name: 'broken front matter', files: { 'content/01-intro.md': '---\nid: [unclosed\ntitle: Intro\n---\n\nHello.\n' }, args: [], ruleId: 'front-matter-yaml' },
  { name: 'a missing content folder', files: { 'README.md': 'not a report\n' }, args: [], ruleId: 'content-missing' },
  { name: 'an invalid lwr.config.yaml', files: { 'lwr.config.yaml': 'contnet: content\n', 'content/01-intro.md': GOOD }, args: [], ruleId: 'config-invalid' },
  { name: 'a file outside the content folder', files: { 'content/01-intro.md': GOOD, 'notes.md': '# notes\n' }, args: ['notes.md'], ruleId: 'check-usage' },
  { name: 'an --exclude pattern that is not a regular expression', files: { 'content/01-intro.md': GOOD }, args: ['--exclude', '('], ruleId: 'check-usage' },
];

const runIn = (dir: string, args: string[], format: string): CliRun => runLwr(['check', ...args, '--format', format], { cwd: dir });

describe.each(CASES)('lwr check with $name', ({ name, files, args, ruleId }) => {
  let dir: string;
  beforeAll(() => {
    dir = project(name.replace(/\W+/g, '-'), files);
  });

  it('stylish: exits 2 and shows the problem on stderr', () => {
    const run = runIn(dir, args, 'stylish');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(ruleId);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('json: exits 2 with the problem, the exit code and a fatal count on stdout', () => {
    const run = runIn(dir, args, 'json');
    expect(run.status).toBe(2);
    const result = JSON.parse(run.stdout) as { exitCode: number; counts: { fatal: number }; diagnostics: { ruleId: string; fatal: boolean }[] };
    expect(result.exitCode).toBe(2);
    expect(result.counts.fatal).toBeGreaterThan(0);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId, fatal: true }));
  });

  it('github: exits 2 with an ::error workflow command on stdout', () => {
    const run = runIn(dir, args, 'github');
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^::error .*title=${ruleId}::`, 'm'));
  });

  it('sarif: exits 2 with a valid SARIF log: a result, and an invocation that did not succeed, with exit code 2', () => {
    const run = runIn(dir, args, 'sarif');
    expect(run.status).toBe(2);
    const log = JSON.parse(run.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(ruleId);
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
  });

  it('eslint-json: exits 2 with a fatal message', () => {
    const run = runIn(dir, args, 'eslint-json');
    expect(run.status).toBe(2);
    const results = JSON.parse(run.stdout) as { fatalErrorCount: number; messages: { ruleId: string; fatal?: boolean }[] }[];
    expect(results.flatMap((r) => r.messages)).toContainEqual(expect.objectContaining({ ruleId, fatal: true }));
    expect(results.reduce((n, r) => n + r.fatalErrorCount, 0)).toBeGreaterThan(0);
  });

  it('gitlab: exits 2 with the problem as a blocker in the Code Quality report', () => {
    const run = runIn(dir, args, 'gitlab');
    expect(run.status).toBe(2);
    const issues = JSON.parse(run.stdout) as { check_name: string; severity: string }[];
    expect(issues).toContainEqual(expect.objectContaining({ check_name: ruleId, severity: 'blocker' }));
  });

  it('junit: exits 2 with the problem as a test case error', () => {
    const run = runIn(dir, args, 'junit');
    expect(run.status).toBe(2);
    const errors = DomUtils.findAll((e) => e.name === 'error', parseDocument(run.stdout, { xmlMode: true }).children);
    expect(errors.map((e) => e.attribs.type)).toContain(ruleId);
  });
});
