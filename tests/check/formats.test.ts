import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { formatJson } from '../../src/format/json.js';
import { formatSarif } from '../../src/format/sarif.js';
import { formatStylish } from '../../src/format/stylish.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { checkFixture } from './support.js';

const sample: Diagnostic[] = [
  { ruleId: 'link-placeholder', severity: 'error', message: 'link "here" has a placeholder target "#"', file: 'content/09 a,b:c.md', line: 11, column: 75, url: '#', hint: 'put the real address in the link' },
  { ruleId: 'link-lost', severity: 'warning', message: '100% lost\r\nover two lines', file: 'content/11-learning-1.md', line: 19, column: 1 },
  { ruleId: 'link-external-redirect', severity: 'info', message: 'redirects', file: 'content/x.md', line: 3, column: 2, url: 'https://example.org/' },
  { ruleId: 'rule-unknown', severity: 'warning', message: 'no position' },
];

describe('--format json', () => {
  it('is an array of diagnostics, each with exactly the documented fields, null when unknown', () => {
    const rows = JSON.parse(formatJson(sample)) as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(Object.keys(row)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'url', 'hint']);
    expect(rows.find((r) => r.ruleId === 'rule-unknown')).toEqual({ ruleId: 'rule-unknown', severity: 'warning', message: 'no position', file: null, line: null, column: null, url: null, hint: null });
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
      '::error file=content/09 a%2Cb%3Ac.md,line=11,col=75,title=link-placeholder::link "here" has a placeholder target "#"%0Ahint: put the real address in the link',
      '::warning file=content/11-learning-1.md,line=19,col=1,title=link-lost::100%25 lost%0D%0Aover two lines',
      '::notice file=content/x.md,line=3,col=2,title=link-external-redirect::redirects',
      '',
    ]);
  });
});

describe('--format sarif', () => {
  const log = JSON.parse(formatSarif(checkFixture('lwr-ignore'), { name: 'lwr', version: '0.1.0', rules: RULES }));
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

  it('writes paths as URI references', () => {
    const one = JSON.parse(formatSarif([sample[0]!], { name: 'lwr', version: '0', rules: RULES }));
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
