import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomUtils, parseDocument as parseXml } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startTestServer, type TestServer } from '../check/test-server.js';
import { sarifSchemaErrors } from '../support/sarif.js';
import { ROOT } from '../support/report.js';

/**
 * docs/ci.md's GitHub workflow and GitLab pipeline, run for real: every command of the check
 * and publish jobs, in order, in a small git repository, with `npx lwr` running this lwr. Only
 * the machine's set-up (npm ci, apt-get) is left out; a local server stands in for the web.
 */
const CI_DOC = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
const SET_UP = /^(npm ci\b|sudo apt-get |apt-get )/;

/** The YAML block of docs/ci.md whose first line names `file`. */
function yamlBlock(file: string): Record<string, any> {
  const block = [...CI_DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith(`# ${file}\n`));
  if (!block) throw new Error(`docs/ci.md has no ${file}`);
  return parseYaml(block);
}

const github = yamlBlock('.github/workflows/report.yml');
const gitlab = yamlBlock('.gitlab-ci.yml');

/** A GitHub job's `run:` steps, set-up left out. */
const githubSteps = (job: string): { run: string; continueOnError: boolean }[] =>
  (github.jobs[job].steps as { run?: string; 'continue-on-error'?: boolean }[]).filter((s) => s.run && !SET_UP.test(s.run)).map((s) => ({ run: s.run!.trim(), continueOnError: s['continue-on-error'] === true }));

/** A GitLab job's script (after the default before_script), set-up left out. */
const gitlabScript = (job: string): string[] => [...(gitlab.default.before_script ?? []), ...gitlab[job].script].filter((line: string) => !SET_UP.test(line));

let work: string;
let server: TestServer;
let bin: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lwr-ci-docs-'));
  server = await startTestServer();
  // `npx lwr …` runs this checkout's lwr, as `npm ci` would make it.
  bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nif [ "$1" = lwr ]; then shift; exec '${process.execPath}' '${path.join(ROOT, 'bin/lwr.js')}' "$@"; fi\necho "npx $1: not available in this test" >&2; exit 127\n`);
  chmodSync(path.join(bin, 'npx'), 0o755);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** A git repository holding a small report with one external link to the test server. */
function repository(name: string, extra = ''): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'content/report.yaml'), 'title: A small report\nslug: small-report\n');
  writeFileSync(path.join(dir, 'content/01-intro.md'), `---\nid: intro\ntitle: Introduction\n---\n\nSee [the intro of a page](${server.origin}/page#intro).${extra}\n`);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.invalid', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.invalid', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' } });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'report');
  return dir;
}

/** Run one shell command as a CI runner would (bash -e), without blocking the test server. */
function shell(command: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, CI: 'true', NO_COLOR: '1' };
    const child = spawn('bash', ['-e', '-c', command], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const requestsTo = (p: string) => server.requests.filter((r) => r.path === p).length;

describe('the machines docs/ci.md sets up', () => {
  // Without them a report that checks clean on a writer's machine fails in CI (font-missing-glyph).
  const FONTS = ['fonts-noto-core', 'fonts-noto-cjk', 'fonts-symbola'];
  const setUp = (commands: string[]) => commands.filter((c) => SET_UP.test(c)).join('\n');

  it('install the fonts the PDF draws other scripts with, in every job that checks or builds', () => {
    for (const job of ['check', 'publish']) {
      const runs = (github.jobs[job].steps as { run?: string }[]).flatMap((s) => (s.run ? [s.run] : []));
      for (const font of FONTS) expect(setUp(runs), `GitHub ${job}`).toContain(font);
    }
    for (const job of ['lwr-check', 'pages']) {
      for (const font of FONTS) expect(setUp([...(gitlab.default.before_script ?? []), ...gitlab[job].script]), `GitLab ${job}`).toContain(font);
    }
  });
});

describe('the GitHub Actions workflow in docs/ci.md', () => {
  let repo: string;
  beforeAll(() => {
    repo = repository('github');
  });

  it('has the check job on pull requests and pushes, and publishes only from main', () => {
    expect(Object.keys(github.on)).toEqual(['pull_request', 'push']);
    expect(github.jobs.publish.if).toBe("github.ref == 'refs/heads/main'");
    expect(githubSteps('check').map((s) => s.run)).toEqual(['npx lwr check --format github', 'npx lwr check --external --cache --format sarif > lwr.sarif']);
  });

  it('check job: passes on a clean report, writes a valid SARIF log and fills the link cache; the next run asks nothing again', async () => {
    for (const round of [1, 2]) {
      const before = requestsTo('/page');
      for (const step of githubSteps('check')) {
        const run = await shell(step.run, repo);
        expect(run.status, `${step.run}\n${run.stderr}`).toBe(0);
      }
      const log = JSON.parse(readFileSync(path.join(repo, 'lwr.sarif'), 'utf8'));
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, exitCode: 0 });
      expect(Object.keys(JSON.parse(readFileSync(path.join(repo, '.lwr-cache/links.json'), 'utf8')).entries)).toContain(`${server.origin}/page#intro`);
      expect(requestsTo('/page') - before, `round ${round}`).toBe(round === 1 ? 1 : 0);
    }
  });

  it('publish job: builds every edition with --strict and SOURCE_DATE_EPOCH from the last commit', async () => {
    for (const step of githubSteps('publish')) {
      const run = await shell(step.run, repo);
      expect(run.status, `${step.run}\n${run.stderr}`).toBe(0);
    }
    const manifest = JSON.parse(readFileSync(path.join(repo, 'dist/manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('small-report.pdf');
    expect(github.jobs.publish.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('dist');
  }, 180_000);

  it('on a report with an error: the annotation step fails with ::error, and the SARIF step still writes its log', async () => {
    const broken = repository('github-broken', ' And a [lost link](#).');
    const [annotate, sarif] = githubSteps('check');
    const annotations = await shell(annotate!.run, broken);
    expect(annotations.status).toBe(1);
    expect(annotations.stdout).toMatch(/^::error file=content\/01-intro\.md,line=6,.*title=link-placeholder::/m);
    const scan = await shell(sarif!.run, broken);
    expect([scan.status, sarif!.continueOnError]).toEqual([1, true]);
    const log = JSON.parse(readFileSync(path.join(broken, 'lwr.sarif'), 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['link-placeholder']);
  });
});

describe('the GitLab CI pipeline in docs/ci.md', () => {
  it('caches the link cache folder for every job', () => {
    expect(gitlab.default.cache).toContainEqual({ key: 'lwr-links', paths: ['.lwr-cache/'] });
    expect(gitlab['lwr-check'].artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'lwr-junit.xml' });
  });

  it('check job: passes on a clean report with an empty Code Quality report and a passing JUnit report; the cache is reused', async () => {
    const repo = repository('gitlab');
    for (const round of [1, 2]) {
      const before = requestsTo('/page');
      const run = await shell(gitlabScript('lwr-check').join('\n'), repo);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(readFileSync(path.join(repo, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
      const junit = parseXml(readFileSync(path.join(repo, 'lwr-junit.xml'), 'utf8'), { xmlMode: true });
      expect(DomUtils.findAll((e) => e.name === 'testcase', junit.children).map((e) => e.attribs.name)).toEqual(['no problems', 'no problems']);
      expect(requestsTo('/page') - before, `round ${round}`).toBe(round === 1 ? 1 : 0);
    }
  });

  it('check job: fails on a report with an error, with the problem in both reports', async () => {
    const repo = repository('gitlab-broken', ' And a [lost link](#).');
    const run = await shell(gitlabScript('lwr-check').join('\n'), repo);
    expect(run.status).toBe(1);
    const issues = JSON.parse(readFileSync(path.join(repo, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; location: { path: string } }[];
    expect(issues.map((i) => [i.check_name, i.location.path])).toEqual([['link-placeholder', 'content/01-intro.md']]);
    const junit = parseXml(readFileSync(path.join(repo, 'lwr-junit.xml'), 'utf8'), { xmlMode: true });
    expect(DomUtils.findAll((e) => e.name === 'failure', junit.children).map((e) => e.attribs.type)).toEqual(['link-placeholder']);
  });

  it('pages job: builds every edition into public/', async () => {
    const repo = repository('gitlab-pages');
    const run = await shell(gitlabScript('pages').join('\n'), repo);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'public/html/index.html'))).toBe(true);
    expect(gitlab.pages.artifacts.paths).toEqual(['public']);
  }, 180_000);
});
