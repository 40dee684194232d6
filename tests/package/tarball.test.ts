import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/report.js';

/**
 * lwr as a new user gets it: the package `npm pack` makes, installed in a folder of its own
 * from the tarball (runtime dependencies only, from npm's local cache), then used as the
 * README says — on the command line and from code. Also: copies that were never built say
 * what to run.
 */

const WORK = mkdtempSync(path.join(tmpdir(), 'lwr-package-'));
// npm from its local cache (CI's `npm ci` filled it), quietly: the tests stay fast and offline.
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error', NO_COLOR: '1' };
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sh(command: string, cwd: string, env: Record<string, string> = {}): Run {
  const options: SpawnSyncOptions = { cwd, env: { ...process.env, ...NPM_ENV, ...env }, encoding: 'utf8', timeout: 180_000 };
  const result = spawnSync('sh', ['-c', command], options);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

const ok = (run: Run, what: string): Run => {
  expect(run.status, `${what}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
};

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const full = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }, 0);
}

function duBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const full = path.join(dir, e.name);
    return sum + (e.isDirectory() ? duBytes(full) : e.isFile() ? statSync(full).size : 0);
  }, 0);
}

/** The README's block of commands after `<!-- tested: … -->` in the section `heading`. */
function readmeBlock(heading: string, lang: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`## ${heading}`));
  const block = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  if (!block) throw new Error(`README: no ${lang} block under "${heading}"`);
  return block[1]!;
}

let tarball: string;

beforeAll(() => {
  // The tests ran `npm run build`; the declarations take longer, so they are rebuilt only when src/ changed since.
  const types = path.join(ROOT, 'build/lwr.d.ts');
  if (!existsSync(types) || statSync(types).mtimeMs < newestMtime(path.join(ROOT, 'src'))) ok(sh('npm run --silent build:types', ROOT), 'npm run build:types');
  const packed = ok(sh(`npm pack --ignore-scripts --silent --pack-destination ${JSON.stringify(WORK)}`, ROOT), 'npm pack');
  tarball = path.join(WORK, packed.stdout.trim().split('\n').pop()!);
}, 360_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('the package, installed from its tarball with --omit=dev', () => {
  let project: string;
  beforeAll(() => {
    project = path.join(WORK, 'project');
    mkdirSync(project);
    ok(sh('npm init -y', project), 'npm init');
    ok(sh(`npm install --omit=dev ${JSON.stringify(tarball)}`, project), 'npm install');
  }, 180_000);

  it('is at most 30 MB of node_modules, and holds only what runs', () => {
    const bytes = duBytes(path.join(project, 'node_modules'));
    expect(bytes).toBeLessThan(30 * 1024 * 1024);
    const installed = path.join(project, 'node_modules/living-well-report');
    expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'build', 'docs', 'fonts', 'package.json', 'schemas', 'starter', 'templates']);
    expect(readdirSync(path.join(installed, 'build')).sort()).toEqual(['bundle', 'lwr.d.ts']);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@fontsource-variable/source-sans-3', '@fontsource-variable/source-serif-4', 'bidi-js', 'fontkit', 'linebreak']);
  });

  it('runs the README\'s "Start your own report" commands: init, check, build --strict', () => {
    const commands = readmeBlock('Start your own report', 'sh')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'))
      .map((line) => line.replace(/\S*living-well-report-[\w.]+\.tgz/, JSON.stringify(tarball)));
    // The first line makes the tarball in a clone (done above); the rest run in a new folder.
    expect(commands[0]).toMatch(/npm pack/);
    const run = ok(sh(commands.slice(1).join(' && '), WORK), 'README commands');
    const report = path.join(WORK, 'my-reports/annual-review');
    expect(existsSync(path.join(report, 'dist/pdf/annual-review.pdf'))).toBe(true);
    expect(existsSync(path.join(report, 'dist/html/index.html'))).toBe(true);
    // What lwr init printed works where the user is: npx lwr would fetch another package.
    expect(run.stderr).toContain('npx living-well-report check');
    expect(run.stderr).not.toMatch(/^\s+lwr check/m);
    // The YAML language server finds report.yaml's schema in the installed package.
    const yaml = readFileSync(path.join(report, 'content/report.yaml'), 'utf8');
    const modeline = yaml.match(/^# yaml-language-server: \$schema=(.+)$/m)?.[1];
    expect(modeline).toBe('../../node_modules/living-well-report/schemas/report.schema.json');
    expect(existsSync(path.resolve(report, 'content', modeline!))).toBe(true);
  });

  it('is a library: plain JavaScript imports it and loads, checks, renders and extracts a report', () => {
    const demo = path.join(project, 'demo');
    ok(sh('npx living-well-report init demo', project), 'init');
    const script = `
import { loadReport, checkReport, renderEdition, extractQuotes, formatQuotes, formatDiagnostics, jsonSchema, LWR_VERSION, MODEL_VERSION } from 'living-well-report';
const loaded = await loadReport('demo/content');
if (!loaded.report) throw new Error(formatDiagnostics(loaded.diagnostics));
const problems = await checkReport(loaded);
const [text] = await renderEdition(loaded, 'full', 'text');
const quotes = extractQuotes(loaded.report, {});
const schema = await jsonSchema('model');
console.log(JSON.stringify({ version: LWR_VERSION, model: MODEL_VERSION, sections: loaded.report.sections.length, problems: problems.length, text: text.path, quotes: quotes.length, csv: formatQuotes(quotes, loaded, 'csv').split('\\r\\n')[0], schema: schema.$id }));
`;
    writeFileSync(path.join(project, 'use.mjs'), script);
    const run = ok(sh('node use.mjs', project), 'node use.mjs');
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ version: '0.2.0', sections: 3, problems: 0, text: 'demo.txt', csv: 'id,kind,text,attribution,person,role,place,section_id,section_title,learning,file,line,column' });
    expect(result.quotes).toBeGreaterThan(0);
    expect(String(result.schema)).toContain(String(result.model));
    expect(existsSync(demo)).toBe(true);
  });

  it('is typed: the README\'s "Use lwr from code" example type-checks against the shipped declarations, and runs', () => {
    const dir = path.join(project, 'ts');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'report.ts'), readmeBlock('Use lwr from code', 'ts'));
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        // The package's own declarations are checked too: they must stand on their own.
        skipLibCheck: false,
        outDir: 'out',
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
        types: ['node'],
      },
      include: ['report.ts'],
    };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    ok(sh(`node ${JSON.stringify(TSC)} --noEmit -p .`, dir), 'tsc --noEmit');
    // A misuse is caught by the types (a format lwr does not have).
    writeFileSync(path.join(dir, 'wrong.ts'), "import { loadReport, renderEdition } from 'living-well-report';\nconst loaded = await loadReport('content');\nif (loaded.report) await renderEdition(loaded, 'full', 'docx');\n");
    writeFileSync(path.join(dir, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', include: ['wrong.ts'] }));
    const wrong = sh(`node ${JSON.stringify(TSC)} --noEmit -p tsconfig.wrong.json`, dir);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain('"docx"');
    // Run it: transpiled as it is (the types were checked above).
    ok(sh(`${JSON.stringify(path.join(ROOT, 'node_modules/.bin/esbuild'))} report.ts --format=esm --platform=node --outfile=out/report.js --log-level=warning`, dir), 'esbuild');
    cpSync(path.join(project, 'demo'), path.join(dir, 'content-demo'), { recursive: true });
    const run = ok(sh('node out/report.js content-demo/content', dir), 'the example');
    expect(run.stdout).toMatch(/problems: 0/);
  });
});

describe('lwr installed globally from the tarball', () => {
  it('runs exactly `lwr init demo && cd demo && lwr build --strict`, and init says `lwr check`', () => {
    const prefix = path.join(WORK, 'global');
    ok(sh(`npm install -g --omit=dev --prefix ${JSON.stringify(prefix)} ${JSON.stringify(tarball)}`, WORK), 'npm install -g');
    const folder = path.join(WORK, 'elsewhere');
    mkdirSync(folder);
    const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
    const run = ok(sh('lwr init demo && cd demo && lwr build --strict', folder, env), 'lwr init demo && cd demo && lwr build --strict');
    expect(run.stderr).toMatch(/^\s+lwr check$/m);
    expect(existsSync(path.join(folder, 'demo/dist/pdf/demo.pdf'))).toBe(true);
    expect(ok(sh('living-well-report --version', folder, env), 'living-well-report --version').stdout.trim()).toBe('0.2.0');
  });
});

describe('a copy of lwr that was never built', () => {
  /** The repository's files as they are now (not only as committed), without what is built or installed. */
  function sourceCopy(name: string): string {
    const dir = path.join(WORK, name);
    const files = sh('git ls-files -co --exclude-standard', ROOT).stdout.split('\n').filter(Boolean);
    for (const file of files) {
      if (!existsSync(path.join(ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(dir, file));
    }
    return dir;
  }

  it('a clone installed with npm ci --omit=dev: the install succeeds and lwr says what to run, never ERR_MODULE_NOT_FOUND', () => {
    const clone = sourceCopy('clone');
    const install = ok(sh('npm ci --omit=dev', clone), 'npm ci --omit=dev');
    expect(install.stderr).toContain('npm run build');
    const run = sh('node bin/lwr.js --version', clone);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(run.stderr).toContain('lwr is not built');
    expect(run.stderr).toMatch(/npm install\n\s+npm run build/);
  });

  it('a git install with scripts disabled: lwr says to install it again with scripts, never ERR_MODULE_NOT_FOUND', () => {
    const repo = sourceCopy('git-source');
    ok(sh('git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm source', repo), 'git commit');
    const project = path.join(WORK, 'git-project');
    mkdirSync(project);
    ok(sh('npm init -y', project), 'npm init');
    ok(sh(`npm install --omit=dev --ignore-scripts ${JSON.stringify(`git+file://${repo}`)}`, project), 'npm install from git');
    const run = sh('npx living-well-report --version', project);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(run.stderr).toContain('lwr is not built');
    expect(run.stderr).toContain('scripts enabled');
  });
});
