import { Chalk } from 'chalk';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { formatJson } from '../../src/format/json.js';
import { formatSarif } from '../../src/format/sarif.js';
import { formatStylish } from '../../src/format/stylish.js';
import type { CheckRun, ToolDescriptor } from '../../src/format/check-run.js';
import { formatEslintJson } from '../../src/format/eslint-json.js';
import { formatGitlab } from '../../src/format/gitlab.js';
import { formatJunit } from '../../src/format/junit.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { sarifSchemaErrors } from '../support/sarif.js';
import { checkFixture } from './support.js';

const sample: Diagnostic[] = [
  { ruleId: 'link-placeholder', severity: 'error', message: 'link "here" has a placeholder target "#"', file: 'content/09 a,b:c.md', line: 11, column: 75, endLine: 11, endColumn: 84, url: '#', hint: 'put the real address in the link' },
  { ruleId: 'link-lost', severity: 'warning', message: '100% lost\r\nover two lines', file: 'content/11-learning-1.md', line: 19, column: 1 },
  { ruleId: 'link-external-redirect', severity: 'info', message: 'redirects', file: 'content/x.md', line: 3, column: 2, url: 'https://example.org/' },
  { ruleId: 'rule-unknown', severity: 'warning', message: 'no position' },
];

const TOOL: ToolDescriptor = { name: 'lwr', version: '0.1.0', informationUri: 'https://example.org/lwr/', rules: RULES.map((r) => ({ ...r, helpUri: `https://example.org/lwr/docs/rules.md#${r.id}` })) };
const runOf = (diagnostics: Diagnostic[], exitCode = 1, files: string[] = []): CheckRun => ({ diagnostics, exitCode, files, tool: TOOL });

describe('--format json', () => {
  const result = JSON.parse(formatJson(runOf(sample))) as { tool: unknown; exitCode: number; counts: unknown; diagnostics: Record<string, unknown>[] };

  it('is one object: the tool, the exit code, counts by severity, then the diagnostics', () => {
    expect(Object.keys(result)).toEqual(['tool', 'exitCode', 'counts', 'diagnostics']);
    expect(result.tool).toEqual({ name: 'lwr', version: '0.1.0' });
    expect(result.exitCode).toBe(1);
    expect(result.counts).toEqual({ errors: 1, warnings: 2, infos: 1, fatal: 0 });
  });

  it('has each diagnostic with exactly the documented fields, null when unknown', () => {
    expect(result.diagnostics).toHaveLength(4);
    for (const row of result.diagnostics) expect(Object.keys(row)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'url', 'hint', 'fatal']);
    expect(result.diagnostics.find((r) => r.ruleId === 'rule-unknown')).toEqual({ ruleId: 'rule-unknown', severity: 'warning', message: 'no position', file: null, line: null, column: null, endLine: null, endColumn: null, url: null, hint: null, fatal: false });
    expect(result.diagnostics.find((r) => r.ruleId === 'link-placeholder')).toMatchObject({ line: 11, column: 75, endLine: 11, endColumn: 84 });
  });

  it('carries the end of the link from the model, for the checks of a real fixture', async () => {
    const placeholder = (await checkFixture('link-placeholder')).find((d) => d.ruleId === 'link-placeholder')!;
    expect(placeholder.endLine).toBeGreaterThanOrEqual(placeholder.line!);
    const fixtureResult = JSON.parse(formatJson(runOf([placeholder]))) as { diagnostics: { endLine: number; endColumn: number }[] };
    expect(fixtureResult.diagnostics[0]!.endColumn).toBe(placeholder.endColumn);
  });
});

describe('--format github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100%\r\n')).toBe('100%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('shows other control characters and bidi overrides escaped, so content cannot rewrite the log', () => {
    expect(escapeData('\u001b[2J\u202e')).toBe('\\x1b[2J\\u202e');
  });

  it('writes one workflow command per diagnostic, info as a notice, the hint on an escaped second line', () => {
    expect(formatGithub(sample).split('\n')).toEqual([
      '::warning title=rule-unknown::no position',
      '::error file=content/09 a%2Cb%3Ac.md,line=11,endLine=11,col=75,endColumn=84,title=link-placeholder::link "here" has a placeholder target "#"%0Ahint: put the real address in the link',
      '::warning file=content/11-learning-1.md,line=19,col=1,title=link-lost::100%25 lost%0D%0Aover two lines',
      '::notice file=content/x.md,line=3,col=2,title=link-external-redirect::redirects',
      '',
    ]);
  });
});

const sarifOfFixture = JSON.parse(formatSarif(runOf(await checkFixture('lwr-ignore'))));

describe('--format sarif', () => {
  const log = sarifOfFixture;
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run and the tool\'s rules', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('lwr');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('has a result per diagnostic with its rule, level, message and region', () => {
    expect(run.results).toHaveLength(5);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('tests/fixtures/check/lwr-ignore/content/01-ignored.md');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('is valid against the SARIF 2.1.0 JSON Schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(sarifSchemaErrors(JSON.parse(formatSarif(runOf(sample))))).toEqual([]);
  });

  it('names where lwr and each rule are documented', () => {
    expect(run.tool.driver.informationUri).toBe('https://example.org/lwr/');
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toBe(`https://example.org/lwr/docs/rules.md#${rule.id}`);
  });

  it('records the invocation: its exit code, and that it ran', () => {
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  it('gives each result its region\'s end when the diagnostic has one', () => {
    const one = JSON.parse(formatSarif(runOf([sample[0]!])));
    expect(one.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 11, startColumn: 75, endLine: 11, endColumn: 84 });
  });

  it('on a fatal problem: a result, a tool execution notification, and executionSuccessful false with exit code 2', () => {
    const fatal: Diagnostic = { ruleId: 'front-matter-yaml', severity: 'error', message: 'front matter is not valid YAML', file: 'content/01-a.md', line: 2, column: 5, fatal: true };
    const failed = JSON.parse(formatSarif(runOf([fatal], 2)));
    expect(sarifSchemaErrors(failed)).toEqual([]);
    const invocation = failed.runs[0].invocations[0];
    expect([invocation.executionSuccessful, invocation.exitCode]).toEqual([false, 2]);
    expect(invocation.toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id)).toEqual(['front-matter-yaml']);
    expect(failed.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['front-matter-yaml']);
  });

  it('writes paths as URI references', () => {
    const one = JSON.parse(formatSarif(runOf([sample[0]!])));
    expect(one.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('content/09%20a%2Cb%3Ac.md');
  });
});

describe('--format stylish', () => {
  it('shows control characters, ANSI escapes and bidi overrides in messages escaped', () => {
    const hostile: Diagnostic = { ruleId: 'link-placeholder', severity: 'error', message: 'link "\u001b[2J\u202eereh" has a placeholder target', file: 'content/a\u001b.md', line: 1, column: 1, hint: 'x\u0007' };
    const text = formatStylish([hostile], new Chalk({ level: 0 }));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(text).toContain('\\x1b[2J\\u202eereh');
    expect(text).toContain('content/a\\x1b.md');
  });
});

describe('--format eslint-json', () => {
  const files = ['content/09 a,b:c.md', 'content/11-learning-1.md', 'content/clean.md', 'content/x.md'];
  const results = JSON.parse(formatEslintJson(runOf(sample, 1, files), { cwd: '/work/project', reportRoot: '/work/project/content' })) as Record<string, unknown>[];

  it('lists every checked file with an absolute path, its messages and counts, as ESLint\'s json formatter does', () => {
    expect(results.map((r) => r.filePath)).toEqual(['/work/project/content/09 a,b:c.md', '/work/project/content/11-learning-1.md', '/work/project/content/clean.md', '/work/project/content/x.md', '/work/project/content']);
    for (const r of results) expect(Object.keys(r)).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules']);
    expect(results[2]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });

  it('uses ESLint severities (2 error, 1 warning and info) and keeps positions', () => {
    expect(results[0]).toMatchObject({ errorCount: 1, warningCount: 0, messages: [{ ruleId: 'link-placeholder', severity: 2, line: 11, column: 75, endLine: 11, endColumn: 84 }] });
    expect(results[3]).toMatchObject({ warningCount: 1, messages: [{ ruleId: 'link-external-redirect', severity: 1 }] });
    expect(results[4]).toMatchObject({ messages: [{ ruleId: 'rule-unknown', severity: 1, line: 1, column: 1 }] });
  });
});

describe('--format junit', () => {
  const xml = formatJunit(runOf([...sample, { ruleId: 'link-lost', severity: 'error', message: '<&"\u0007>', file: 'content/11-learning-1.md', line: 30, column: 1 }], 1, ['content/09 a,b:c.md', 'content/11-learning-1.md', 'content/clean.md']));
  const doc = parseDocument(xml, { xmlMode: true });
  const all = (name: string) => DomUtils.findAll((e) => e.name === name, doc.children);

  it('is well-formed XML with one test suite per file, every checked file included', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lwr check" tests="6" failures="2" errors="0">')).toBe(true);
    expect(all('testsuite').map((s) => s.attribs.name)).toEqual(['content/09 a,b:c.md', 'content/11-learning-1.md', 'content/clean.md', '(report)', 'content/x.md']);
    expect(all('testcase').find((c) => c.attribs.classname === 'content/clean.md')?.attribs.name).toBe('no problems');
  });

  it('fails a test case for each error; warnings and infos pass with their text in system-out', () => {
    expect(all('failure').map((f) => f.attribs.type)).toEqual(['link-placeholder', 'link-lost']);
    expect(all('system-out').map((o) => DomUtils.textContent(o).split('\n')[0])).toEqual(['warning 19:1 link-lost', 'warning - rule-unknown', 'info 3:2 link-external-redirect']);
  });

  it('escapes markup and shows control characters XML cannot hold', () => {
    const failure = all('failure').find((f) => f.attribs.type === 'link-lost')!;
    expect(failure.attribs.message).toBe('<&"\\x07>');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('marks a fatal problem as an error, not a failure', () => {
    const fatal = formatJunit(runOf([{ ruleId: 'content-missing', severity: 'error', message: 'content folder content does not exist', file: 'content', fatal: true }], 2));
    const fatalDoc = parseDocument(fatal, { xmlMode: true });
    expect(DomUtils.findAll((e) => e.name === 'error', fatalDoc.children).map((e) => e.attribs.type)).toEqual(['content-missing']);
    expect(fatal).toContain('errors="1"');
  });
});

describe('--format gitlab', () => {
  const issues = JSON.parse(formatGitlab(runOf([...sample, { ...sample[1]!, line: 40 }]), { reportFile: 'content' })) as Record<string, any>[];

  it('is a GitLab Code Quality report: rule, description, severity, file and lines for each diagnostic', () => {
    expect(issues).toHaveLength(5);
    for (const issue of issues) expect(Object.keys(issue)).toEqual(['type', 'check_name', 'description', 'categories', 'severity', 'fingerprint', 'location']);
    expect(issues.find((i) => i.check_name === 'link-placeholder')).toMatchObject({ severity: 'major', description: 'link "here" has a placeholder target "#" (hint: put the real address in the link)', location: { path: 'content/09 a,b:c.md', lines: { begin: 11, end: 11 } } });
    expect(issues.find((i) => i.check_name === 'rule-unknown')).toMatchObject({ severity: 'minor', location: { path: 'content', lines: { begin: 1 } } });
    expect(issues.find((i) => i.check_name === 'link-external-redirect')?.severity).toBe('info');
  });

  it('gives each issue a fingerprint that differs between occurrences but not between runs or line moves', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(5);
    const moved = JSON.parse(formatGitlab(runOf([{ ...sample[0]!, line: 12, endLine: 12 }]), { reportFile: 'content' }))[0];
    expect(moved.fingerprint).toBe(issues.find((i) => i.check_name === 'link-placeholder')!.fingerprint);
  });

  it('marks a fatal problem as a blocker', () => {
    const fatal = JSON.parse(formatGitlab(runOf([{ ruleId: 'content-missing', severity: 'error', message: 'gone', file: 'content', fatal: true }], 2), { reportFile: 'content' }));
    expect(fatal[0].severity).toBe('blocker');
  });
});
