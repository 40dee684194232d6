import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EditionConfig, Report } from '../../src/model/types.js';
import { selectEdition } from '../../src/model/edition.js';
import { sha256 } from '../../src/model/hash.js';
import { loadRenderer } from '../../src/render/registry.js';
import type { Format, RenderContext, RenderedFile } from '../../src/render/types.js';
import { runLwr, type CliRun } from '../support/cli.js';
import { FIXTURES, ROOT } from '../support/report.js';

/** The small report every hardening case copies and breaks (tests/fixtures/hardening/base/content). */
export const BASE_CONTENT = path.join(FIXTURES, 'hardening/base/content');

/** A fresh temporary folder for one case. */
export const tempDir = (prefix = 'lwr-hardening-'): string => mkdtempSync(path.join(tmpdir(), prefix));

/** Copy the base report into `<dir>/content`, then write or replace files in it. */
export function contentCopy(dir: string, files: Record<string, string | Uint8Array> = {}): string {
  const content = path.join(dir, 'content');
  cpSync(BASE_CONTENT, content, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
    writeFileSync(path.join(content, name), data);
  }
  return content;
}

/** A section file with valid front matter around `body`. */
export const sectionFile = (id: string, body: string, title = id): string => `---\nid: ${id}\ntitle: ${title}\n---\n\n${body}\n`;

/**
 * Every entry below a folder with what identifies it: a file's sha256, a symlink's target, a
 * folder's presence. Equal snapshots mean the tree is unchanged byte for byte.
 */
export function snapshotTree(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(root, prefix)).sort()) {
    const relative = prefix ? `${prefix}/${name}` : name;
    const full = path.join(root, relative);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) out[relative] = `symlink ${readlinkSync(full)}`;
    else if (stat.isDirectory()) Object.assign(out, { [`${relative}/`]: 'folder' }, snapshotTree(root, relative));
    else out[relative] = sha256(readFileSync(full));
  }
  return out;
}

/** Temporary and previous-output folders a build leaves beside its output when it fails to clean up. */
export const leftovers = (parent: string): string[] => (existsSync(parent) ? readdirSync(parent).filter((n) => /^\.[^/]+\.(tmp|old)-/.test(n)) : []);

/** A stack trace in output: the CLI must only show one with --debug. */
export const STACK_TRACE = /\n\s+at \S.*[:(]\d+:\d+\)?/;

/**
 * Characters that can drive a terminal or reorder what it shows: C0 controls but tab and line
 * feed, DEL, C1 controls (0x9b is an 8-bit CSI), and bidirectional overrides and isolates.
 */
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Run the compiled CLI without blocking, so servers in this process can answer it; killed after `timeoutMs`. */
export function runLwrAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number; onSpawn?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<CliRun & { signal: NodeJS.Signals | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/lwr.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (status, signal) => {
      clearTimeout(killer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - started });
    });
    options.onSpawn?.(child);
  });
}

const assetCache = new Map<string, Uint8Array>();
/** Read a template or font once per test file: renderers read the same assets for every case. */
export const readAssetCached = (file: string): Uint8Array => {
  let bytes = assetCache.get(file);
  if (!bytes) assetCache.set(file, (bytes = readFileSync(file)));
  return bytes;
};

/** A render context as the publisher builds it, for the report's first edition unless one is given. */
export function renderContext(report: Report, options: RenderContext['options'] = {}, edition: EditionConfig = report.meta.editions[0]!): RenderContext {
  return { edition, buildDate: new Date(0), reproducible: true, lwrVersion: '0.0.0-test', templatesDir: path.join(ROOT, 'templates'), readAsset: readAssetCached, options };
}

/** Render one edition (the first unless named) in one format, narrowed as the publisher narrows it. */
export async function renderEdition(report: Report, format: Format, options: RenderContext['options'] = {}): Promise<RenderedFile[]> {
  const context = renderContext(report, options);
  return (await loadRenderer(format))(selectEdition(report, context.edition), context);
}

/** The contents of the one rendered file whose path ends with `suffix`, as text. */
export function fileText(files: readonly RenderedFile[], suffix: string): string {
  const file = files.find((f) => f.path.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} among ${files.map((f) => f.path).join(', ')}`);
  return typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
}

/** A folder for a suite's cases, holding a good build of the base report as `good/dist`. */
export function goodBuild(prefix: string, env: Record<string, string> = {}): { work: string; goodDist: string; goodSnapshot: Record<string, string> } {
  const work = tempDir(prefix);
  const goodDist = path.join(work, 'good', 'dist');
  const run = runLwr(['build', '--out', goodDist, '--content', BASE_CONTENT], { env });
  if (run.status !== 0) throw new Error(`the base report does not build:\n${run.stderr}`);
  return { work, goodDist, goodSnapshot: snapshotTree(goodDist) };
}
