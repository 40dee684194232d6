import { spawn, spawnSync } from 'node:child_process';
import { constants, cpSync, existsSync, mkdirSync, openSync, readFileSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks } from '../../src/check/index.js';
import type { Report } from '../../src/model/types.js';
import { buildReport, type BuildEffects } from '../../src/publish/build.js';
import { runLwr } from '../support/cli.js';
import { readContent, ROOT } from '../support/report.js';
import { startHostileServer, type HostileServer } from './hostile-server.js';
import { BASE_CONTENT, contentCopy, leftovers, readAssetCached, renderEdition, runLwrAsync, snapshotTree, STACK_TRACE, goodBuild, tempDir } from './support.js';

// Faults outside the content: a renderer that throws mid-build, an output folder that cannot be
// written, a full disk, Ctrl+C during a build, and link targets on hostile servers.

const TEMPLATES = path.join(ROOT, 'templates');
const IS_ROOT = process.getuid?.() === 0;

let work: string;
let goodDist: string;
let goodSnapshot: Record<string, string>;

beforeAll(() => {
  ({ work, goodDist, goodSnapshot } = goodBuild('lwr-faults-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding a copy of the good build as `dist/`. */
function withGoodDist(name: string): { dir: string; dist: string } {
  const dir = path.join(work, name);
  mkdirSync(dir);
  cpSync(goodDist, path.join(dir, 'dist'), { recursive: true });
  return { dir, dist: path.join(dir, 'dist') };
}

/** A copy of the templates whose page fails to render for the summary edition only, so the full edition has rendered first. */
function templatesFailingForSummary(): string {
  const dir = path.join(work, `templates-${Math.random().toString(36).slice(2)}`);
  cpSync(TEMPLATES, dir, { recursive: true });
  const page = path.join(dir, 'html/page.liquid');
  writeFileSync(page, `{% if edition.id == "summary" %}{{ renderer_failure_for_the_summary }}{% endif %}${readFileSync(page, 'utf8')}`);
  return dir;
}

describe('a renderer that throws mid-build', () => {
  it('lwr build: exit 2 with the renderer’s message and no stack trace; the previous output is unchanged, no temporary folders', () => {
    const { dir, dist } = withGoodDist('renderer-throws');
    const run = runLwr(['build', '--out', dist, '--content', BASE_CONTENT, '--templates', templatesFailingForSummary()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/renderer_failure_for_the_summary.*the previous output is unchanged/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(snapshotTree(dist)).toEqual(goodSnapshot);
    expect(leftovers(dir)).toEqual([]);
  });

  it('buildReport: rejects after the full edition rendered, and discards the staged output instead of publishing it', async () => {
    const { report } = readContent(BASE_CONTENT) as { report: Report };
    const read: string[] = [];
    const output = { added: [] as string[], published: 0, discarded: 0 };
    const effects: BuildEffects = {
      readAsset: (file) => (read.push(path.basename(file)), readAssetCached(file)),
      check: async () => [],
      verify: async () => [],
      stage: () => ({
        add: (files) => void output.added.push(...files.map((f) => f.path)),
        publish: () => (output.published++, []),
        discard: () => void output.discarded++,
      }),
      now: () => new Date(0),
    };
    const build = buildReport(report, { outDir: path.join(work, 'never'), lwrVersion: 'test', templatesDir: templatesFailingForSummary() }, effects);
    await expect(build).rejects.toThrow(/renderer_failure_for_the_summary/);
    expect(output).toMatchObject({ published: 0, discarded: 1 });
    expect(output.added).toContain('html/index.html');
    // The full edition's HTML (its page, stylesheet and fonts) and PDF (its fonts) were rendered first.
    expect(read.filter((f) => f === 'page.liquid').length).toBeGreaterThanOrEqual(2);
    expect(read.some((f) => /\.(ttf|otf)$/.test(f))).toBe(true);
    expect(existsSync(path.join(work, 'never'))).toBe(false);
  });
});

describe('content the build cannot handle', () => {
  // Regression: the PDF layout placed a note's own references inside the note, so a note citing
  // itself recursed until the stack overflowed.
  it('a footnote that cites itself renders as PDF', async () => {
    const dir = path.join(work, 'self-citing-note');
    mkdirSync(dir);
    const content = contentCopy(dir, { '03-notes.md': '---\nid: notes\ntitle: Notes\n---\n\nText with a note.[^self]\n\n[^self]: A note that cites itself.[^self]\n' });
    const { report } = readContent(content) as { report: Report };
    const files = await renderEdition(report, 'pdf');
    expect(files).toHaveLength(1);
  });

  // Regression: the model's quote text leaves footnote references out, but the editions show their
  // numbers, so verification reported the quote missing and the build failed.
  it('a quote holding a footnote reference builds', () => {
    const dir = path.join(work, 'note-in-quote');
    mkdirSync(dir);
    contentCopy(dir, { '03-notes.md': '---\nid: notes\ntitle: Notes\n---\n\n> “A quote with a note[^n] inside.”\n>\n> — Sam Example, Editor, Leeds\n\n[^n]: The note.\n' });
    const run = runLwr(['build', '--out', 'dist', '--content', 'content'], { cwd: dir });
    expect(run.stderr).not.toContain('edition-incomplete');
    expect(run.status).toBe(0);
  });
});

describe('an output folder that cannot be written', () => {
  it('whose parent is a file: a clear error, exit 2, the file untouched, nothing left beside it', () => {
    const dir = path.join(work, 'parent-is-a-file');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'parent'), 'a file, not a folder\n');
    const run = runLwr(['build', '--out', path.join(dir, 'parent', 'dist'), '--content', BASE_CONTENT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lwr build: E(EXIST|NOTDIR).*the previous output is unchanged/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(path.join(dir, 'parent'), 'utf8')).toBe('a file, not a folder\n');
    expect(snapshotTree(dir)).toEqual({ parent: expect.any(String) });
  });

  it('that is a file, in a narrowed build (--format text): a clear error, the file untouched', () => {
    const dir = path.join(work, 'out-is-a-file-narrowed');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'dist'), 'precious\n');
    const run = runLwr(['build', '--format', 'text', '--out', path.join(dir, 'dist'), '--content', BASE_CONTENT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is a file, not an output folder; nothing was written/);
    expect(readFileSync(path.join(dir, 'dist'), 'utf8')).toBe('precious\n');
    expect(leftovers(dir)).toEqual([]);
  });

  // A full build replaces its output folder whole: anything at --out that lwr did not make is refused.
  it('that is a file, in a full build: refused, the file untouched', () => {
    const dir = path.join(work, 'out-is-a-file');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'dist'), 'precious\n');
    const run = runLwr(['build', '--out', path.join(dir, 'dist'), '--content', BASE_CONTENT]);
    expect(run.status).not.toBe(0);
    expect(readFileSync(path.join(dir, 'dist'), 'utf8')).toBe('precious\n');
  });

  // `--out .` or `--out content` would replace the working folder or the content.
  it('that is the content folder itself: refused, the content untouched', () => {
    const dir = path.join(work, 'out-is-the-content');
    mkdirSync(dir);
    contentCopy(dir);
    const before = snapshotTree(path.join(dir, 'content'));
    const run = runLwr(['build', '--out', 'content', '--content', 'content'], { cwd: dir });
    expect(run.status).not.toBe(0);
    expect(snapshotTree(path.join(dir, 'content'))).toEqual(before);
  });

  it.skipIf(IS_ROOT)('whose parent is read-only (when not running as root; chmod does not stop root)', () => {
    const { dir, dist } = withGoodDist('read-only-parent');
    spawnSync('chmod', ['a-w', dir]);
    try {
      const run = runLwr(['build', '--out', dist, '--content', BASE_CONTENT]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/EACCES.*the previous output is unchanged/);
      expect(snapshotTree(dist)).toEqual(goodSnapshot);
    } finally {
      spawnSync('chmod', ['u+w', dir]);
    }
  });
});

describe('a full disk', () => {
  // A real ENOSPC needs a small filesystem: a 256 kB tmpfs, which only root may mount.
  let disk = '';
  let mounted = false;
  beforeAll(() => {
    disk = path.join(tempDir('lwr-full-disk-'), 'disk');
    mkdirSync(disk);
    mounted = IS_ROOT && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
    rmSync(path.dirname(disk), { recursive: true, force: true });
  });

  it('ENOSPC mid-write: a clear error, exit 2, the previous (small) output unchanged, no temporary folders', (context) => {
    if (!mounted) return context.skip('cannot mount a small tmpfs here (needs root)');
    const dist = path.join(disk, 'dist');
    expect(runLwr(['build', '--format', 'text', '--out', dist, '--content', BASE_CONTENT]).status).toBe(0);
    const before = snapshotTree(dist);
    // Every format: the fonts alone (about 300 kB per HTML edition) do not fit.
    const run = runLwr(['build', '--out', dist, '--content', BASE_CONTENT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/ENOSPC.*the previous output is unchanged/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(snapshotTree(dist)).toEqual(before);
    expect(leftovers(disk)).toEqual([]);
  });
});

describe('Ctrl+C during a build', () => {
  it.skipIf(!existsSync('/usr/bin/mkfifo'))('SIGINT while rendering: exit 130, the previous output unchanged, no temporary folders', async () => {
    const { dir, dist } = withGoodDist('interrupted');
    // The theme manifest is a named pipe: the HTML renderer blocks reading it, which tells this
    // test that rendering has begun, at a moment it controls; then SIGINT, then the manifest.
    const templates = path.join(dir, 'templates');
    cpSync(TEMPLATES, templates, { recursive: true });
    const theme = path.join(templates, 'html/theme.yaml');
    const themeText = readFileSync(theme);
    rmSync(theme);
    expect(spawnSync('/usr/bin/mkfifo', [theme]).status).toBe(0);

    let exited = false;
    let interrupted = false;
    const run = runLwrAsync(['build', '--out', dist, '--content', BASE_CONTENT, '--templates', templates], {
      timeoutMs: 60_000,
      onSpawn: (child) => {
        // Serve the pipe to every reader until the build ends (bounded by the run's timeout).
        const serve = setInterval(() => {
          if (exited) return void clearInterval(serve);
          let fd: number;
          try {
            fd = openSync(theme, constants.O_WRONLY | constants.O_NONBLOCK); // ENXIO until a reader is waiting
          } catch {
            return;
          }
          if (!interrupted) {
            interrupted = true;
            child.kill('SIGINT');
          }
          try {
            writeSync(fd, themeText);
          } finally {
            closeSync(fd);
          }
        }, 20);
        child.on('close', () => {
          exited = true;
          clearInterval(serve);
        });
      },
    });
    const result = await run;
    expect(interrupted).toBe(true);
    expect(result.status).toBe(130);
    expect(result.stderr).toContain('interrupted; the previous output is unchanged');
    expect(snapshotTree(dist)).toEqual(goodSnapshot);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('link targets on hostile servers', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const linksFile = (urls: string[]) => `---\nid: links\ntitle: Links\n---\n\n${urls.map((u, i) => `- [target ${i + 1}](${u})`).join('\n')}\n`;

  it('lwr check --external: every hostile server ends within the timeout, with a sensible rule, in bounded memory', async () => {
    const dir = path.join(work, 'external');
    mkdirSync(dir);
    const routes = ['/silent', '/hang-up', '/header-trickle', '/body-trickle#x', '/endless', '/endless#deep', '/endless-headers', '/loop-a', '/chain/0', '/ok#here'];
    contentCopy(dir, { '03-links.md': linksFile(routes.map((r) => `${server.origin}${r}`)) });
    const timeFile = path.join(dir, 'time.txt');
    const started = performance.now();
    const lwr = [process.execPath, path.join(ROOT, 'bin/lwr.js'), 'check', 'links', '--content', 'content', '--external', '--include', '127\\.0\\.0\\.1', '--timeout', '500', '--retries', '0', '--format', 'json'];
    const run = await spawnAsync('/usr/bin/time', ['-f', '%M', '-o', timeFile, ...lwr], dir);
    const seconds = (performance.now() - started) / 1000;
    expect(run.status, run.stderr).toBe(1);
    const found = (JSON.parse(run.stdout).diagnostics as { ruleId: string; url: string; message: string }[]).map((d) => [d.url.replace(server.origin, ''), d.ruleId]);
    expect(found).toEqual([
      ['/silent', 'link-external-broken'],
      ['/hang-up', 'link-external-broken'],
      ['/header-trickle', 'link-external-broken'],
      ['/body-trickle#x', 'link-external-unverifiable'],
      ['/endless#deep', 'link-external-unverifiable'],
      ['/endless-headers', 'link-external-broken'],
      ['/loop-a', 'link-external-redirect-loop'],
      ['/chain/0', 'link-external-redirect-loop'],
    ]);
    // Every route ends by the 0.5 s timeout or sooner; generous against a loaded machine, and far
    // below the minutes a trickling server would take if it were waited out.
    expect(seconds).toBeLessThan(30);
    const peakMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    expect(peakMb).toBeLessThan(400);
    // The client hung up: the servers wrote a few socket buffers' worth, not an endless stream.
    expect(server.bytesWritten.get('endless') ?? 0).toBeLessThan(64 * 1024 * 1024);
    expect(server.bytesWritten.get('header-trickle') ?? 0).toBeLessThan(10);
  });

  it('checkExternalLinks in-process: an endless body and endless headers leave memory bounded', async () => {
    const dir = path.join(work, 'external-memory');
    mkdirSync(dir);
    const content = contentCopy(dir, { '03-links.md': linksFile([`${server.origin}/endless#nowhere`, `${server.origin}/endless-headers`, `${server.origin}/chain/0`]) });
    const { report } = readContent(content) as { report: Report };
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const ds = await checkExternalLinks(report, { timeoutMs: 5000, retries: 0, maxRedirects: 60, include: [/127\.0\.0\.1/] });
      expect(ds.map((d) => [d.url?.replace(server.origin, ''), d.ruleId])).toEqual([
        ['/endless#nowhere', 'link-external-unverifiable'],
        ['/endless-headers', 'link-external-broken'],
        ['/chain/0', 'link-external-redirect'],
      ]);
      expect(ds[0]!.message).toContain('first 4 MiB');
      expect(ds[2]!.message).toContain('(50 redirects)');
    } finally {
      clearInterval(sampler);
    }
    // Reading stops at the 4 MiB cap and keeps only a small carry between chunks.
    expect((peak - before) / 1024 / 1024).toBeLessThan(96);
  });
});

/** Spawn without blocking this process (its servers must answer), collecting output; killed after a minute. */
function spawnAsync(command: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
  });
}
