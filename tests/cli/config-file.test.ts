import Ajv2020 from 'ajv/dist/2020.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseProjectConfig, projectConfigJsonSchema } from '../../src/config/project-config.js';
import { runLwr } from '../support/cli.js';
import { CHECK_FIXTURES } from '../check/support.js';
import { expectToMatchFile, ROOT } from '../support/report.js';

const SCHEMA_FILE = path.join(ROOT, 'schemas/lwr.config.schema.json');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lwr-config-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder with the given files (paths relative to it). */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const section = (id: string, body: string) => `---\nid: ${id}\ntitle: ${id}\n---\n\n${body}\n`;
const jsonResult = (stdout: string) => JSON.parse(stdout) as { exitCode: number; diagnostics: { ruleId: string; file: string; line: number; severity: string }[] };

describe('lwr.config.yaml, found by walking up from the working folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = project('walk-up', {
      'lwr.config.yaml': 'content: report/text\nrules:\n  link-text-not-descriptive: info\n',
      'report/text/01-one.md': section('one', 'A placeholder: [one](#) and a vague [here](#two).'),
      'report/text/02-two.md': section('two', 'Another placeholder: [two](#).\n\n## Two'),
      'docs/deep/folder/.keep': '',
    });
  });

  it('finds the content folder the config names, from a folder below the config', () => {
    const run = runLwr(['check', '--format', 'json'], { cwd: path.join(dir, 'docs/deep/folder') });
    expect(run.status, run.stderr).toBe(1);
    expect(jsonResult(run.stdout).diagnostics.map((d) => [path.basename(d.file), d.ruleId, d.severity])).toEqual([
      ['01-one.md', 'link-placeholder', 'error'],
      ['01-one.md', 'link-text-not-descriptive', 'info'],
      ['02-two.md', 'link-placeholder', 'error'],
    ]);
  });

  it('lwr check FILE from inside the content folder reports on that file only, with paths as the editor sees them', () => {
    const run = runLwr(['check', '02-two.md'], { cwd: path.join(dir, 'report/text') });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('02-two.md\n  6:22    error    link "two" has a placeholder target "#"  link-placeholder');
    expect(run.stdout).not.toContain('01-one.md');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('a file with no problems passes even when another file has errors', () => {
    writeFileSync(path.join(dir, 'report/text/03-clean.md'), section('three', 'Links to [the second section](#two).'));
    const run = runLwr(['check', 'report/text/03-clean.md'], { cwd: dir });
    expect([run.status, run.stdout.trim()]).toEqual([0, '✔ no problems']);
    rmSync(path.join(dir, 'report/text/03-clean.md'));
  });

  it('rules that need the whole report still see it: a fragment into another file resolves', () => {
    writeFileSync(path.join(dir, 'report/text/03-fragments.md'), section('three', 'Links to [two](#two) and [nowhere](#nowhere).'));
    const run = runLwr(['check', '--format', 'json', 'report/text/03-fragments.md'], { cwd: dir });
    expect(jsonResult(run.stdout).diagnostics.map((d) => d.ruleId)).toEqual(['link-fragment-missing']);
    rmSync(path.join(dir, 'report/text/03-fragments.md'));
  });

  it('--content on the command line wins over the config', () => {
    const run = runLwr(['check', '--content', path.join(CHECK_FIXTURES, 'clean/content')], { cwd: dir });
    expect([run.status, run.stdout.trim()]).toEqual([0, '✔ no problems']);
  });

  it('--config names a config file to use instead of looking for one', () => {
    const other = project('explicit', { 'settings/lwr.yaml': 'content: ../text\n', 'text/01-a.md': section('a', 'Fine.') });
    const run = runLwr(['check', '--config', 'settings/lwr.yaml'], { cwd: other });
    expect([run.status, run.stdout.trim()]).toEqual([0, '✔ no problems']);
  });
});

describe('this repository', () => {
  it('cd content && lwr check 09-…md: finds lwr.config.yaml above, and reports on that file only', () => {
    const run = runLwr(['check', '09-learning-in-the-midst-of-action.md'], { cwd: path.join(ROOT, 'content') });
    expect(run.status).toBe(1);
    expect(run.stdout.startsWith('09-learning-in-the-midst-of-action.md\n  11:75   error    link "here" has a placeholder target "#"  link-placeholder')).toBe(true);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('✖ 2 problems (1 error, 1 warning)');
  });
});

describe('what lwr.config.yaml sets', () => {
  it('rule severities over report.yaml\'s, and ignores by file glob (one rule, or every rule), relative to the config file', () => {
    const dir = project('settings', {
      'lwr.config.yaml': [
        'rules:',
        '  footnote-unused: error',
        'ignores:',
        '  - files: content/0[12]-*.md',
        '    rules: [link-placeholder]',
        '  - content/04-*.md',
      ].join('\n'),
      'content/report.yaml': 'title: T\nrules:\n  footnote-unused: off\n  link-lost: off\n',
      'content/01-a.md': section('a', 'A placeholder: [a](#).\n\n[^1]: Unused.'),
      'content/03-c.md': section('c', 'A placeholder: [c](#).'),
      'content/04-d.md': section('d', 'A placeholder: [d](#) and [here](#a).'),
    });
    const run = runLwr(['check', '--format', 'json'], { cwd: path.join(dir, 'content') });
    expect(jsonResult(run.stdout).diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual([
      ['01-a.md', 'footnote-unused', 'error'],
      ['03-c.md', 'link-placeholder', 'error'],
    ]);
  });

  it('external options, with flags over them; an unknown rule id is a warning at its line', () => {
    const dir = project('external', {
      'lwr.config.yaml': 'external:\n  enabled: true\n  include: ["^https://never\\\\.invalid/"]\nrules:\n  link-placholder: off\n',
      'content/01-a.md': section('a', 'An [external link](https://example.org/) that the config does not include.'),
    });
    const run = runLwr(['check', '--format', 'json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('external links checked');
    expect(jsonResult(run.stdout).diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['lwr.config.yaml', 5, 'rule-unknown']]);
    const offline = runLwr(['check', '--offline'], { cwd: dir });
    expect(offline.stderr).not.toContain('external links checked');
  });

  it('an invalid config is a config-invalid error at its line, with a did-you-mean, and exit 2', () => {
    const dir = project('invalid', { 'lwr.config.yaml': 'content: content\nexternal:\n  timeoutMs: soon\n  retrys: 3\n', 'content/01-a.md': section('a', 'Fine.') });
    const run = runLwr(['check'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/3:1\s+error\s+"external\.timeoutMs" must be a duration/);
    expect(run.stderr).toMatch(/4:1\s+error\s+unknown key "external\.retrys"/);
    expect(run.stderr).toContain('did you mean "retries"?');
  });

  it('the output folder of lwr build and lwr clean, relative to the config file', () => {
    const dir = project('out', { 'lwr.config.yaml': 'out: public/site\n', 'content/01-a.md': section('a', 'Fine.'), 'content/sub/.keep': '' });
    const run = runLwr(['clean'], { cwd: path.join(dir, 'content/sub') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(path.join('..', '..', 'public', 'site'));
  });
});

describe('the JSON Schema of lwr.config.yaml', () => {
  const schema = projectConfigJsonSchema();

  it('is schemas/lwr.config.schema.json (npm run test:update regenerates it from the zod schema)', () => {
    expectToMatchFile(`${JSON.stringify(schema, null, 2)}\n`, SCHEMA_FILE);
  });

  it('compiles in Ajv 2020 strict mode and accepts this repository\'s lwr.config.yaml and the examples in the docs', () => {
    const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const examples = [readFileSync(path.join(ROOT, 'lwr.config.yaml'), 'utf8'), ...yamlBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), 'lwr.config.yaml')];
    expect(examples.length).toBeGreaterThan(1);
    for (const text of examples) {
      expect(validate(parseYaml(text)), JSON.stringify(validate.errors)).toBe(true);
      expect(parseProjectConfig(text, '/x/lwr.config.yaml', 'lwr.config.yaml').diagnostics).toEqual([]);
    }
    expect(validate({ content: 'content', external: { retrys: 3 } })).toBe(false);
  });
});

/** The YAML code blocks of a Markdown text whose first line is a comment naming `file`. */
function yamlBlocks(markdown: string, file: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.startsWith(`# ${file}`));
}
