import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { runLwr } from '../support/cli.js';
import { ROOT } from '../support/report.js';
import { BASE_CONTENT, contentCopy, leftovers, sectionFile, snapshotTree, STACK_TRACE, goodBuild, tempDir } from './support.js';

// Each case copies the small base report, breaks it one way, and runs
// `lwr build --out dist --content content` from a folder whose dist/ holds a previous good
// build. A case that cannot be read must say where (file, and line when there is one), exit 2,
// show no stack trace, leave dist/ byte for byte as it was, and leave no temporary folders.

const IS_ROOT = process.getuid?.() === 0;

let work: string;
let goodDist: string;
let goodSnapshot: Record<string, string>;

beforeAll(() => {
  ({ work, goodDist, goodSnapshot } = goodBuild('lwr-bad-input-', { SOURCE_DATE_EPOCH: '1700000000' }));
});

afterAll(() => {
  // Restore permissions a non-root run may have removed, so the folder can be deleted.
  if (work && existsSync(work)) {
    spawnSync('chmod', ['-R', 'u+rwx', work]);
    rmSync(work, { recursive: true, force: true });
  }
});

/** A case folder: `content/` (the base report with `files` written over it) and `dist/` (the good build). */
function caseFolder(name: string, files: Record<string, string | Uint8Array> = {}): { dir: string; content: string } {
  const dir = path.join(work, name);
  mkdirSync(dir);
  cpSync(goodDist, path.join(dir, 'dist'), { recursive: true });
  return { dir, content: contentCopy(dir, files) };
}

/** Build the case from inside its folder, so messages show `content/…` paths. */
const build = (dir: string, ...extra: string[]) => runLwr(['build', '--out', 'dist', '--content', 'content', ...extra], { cwd: dir });

/** What every refused case must show: exit 2, the place named, no stack trace, dist/ untouched, nothing left over. */
function expectRefused(dir: string, run: ReturnType<typeof runLwr>, where: RegExp, ruleId: string): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(where);
  expect(run.stderr).toContain(ruleId);
  expect(run.stderr).toContain('nothing was written');
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toContain('internal error');
  expect(snapshotTree(path.join(dir, 'dist'))).toEqual(goodSnapshot);
  expect(leftovers(dir)).toEqual([]);
}

/** `file` then, on the next line, `line:column  error`: the stylish format's way of naming a place. */
const at = (file: string, line?: number) => new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\s+${line === undefined ? '(?:\\d+:\\d+\\s+)?' : `${line}:\\d+\\s+`}error`);

describe('the content folder', () => {
  it('missing: names the folder, exit 2', () => {
    const { dir } = caseFolder('missing');
    rmSync(path.join(dir, 'content'), { recursive: true });
    expectRefused(dir, build(dir), /content folder content does not exist/, 'content-missing');
  });

  it('empty (no Markdown files): names the folder, exit 2', () => {
    const { dir, content } = caseFolder('empty');
    rmSync(content, { recursive: true });
    mkdirSync(content);
    expectRefused(dir, build(dir), /content folder content has no Markdown files/, 'content-missing');
  });

  // chmod does not stop root, so a running-as-root suite (this one, in CI) makes the content
  // path a file instead: the folder cannot be listed either way.
  it('unreadable (a file where the folder should be): names it, exit 2', () => {
    const { dir, content } = caseFolder('not-a-folder');
    rmSync(content, { recursive: true });
    writeFileSync(content, 'not a folder\n');
    expectRefused(dir, build(dir), /content folder content is not a folder/, 'content-missing');
  });

  it.skipIf(IS_ROOT)('unreadable (permission denied, when not running as root): names it, exit 2', () => {
    const { dir, content } = caseFolder('no-permission');
    chmodSync(content, 0o000);
    try {
      expectRefused(dir, build(dir), /content folder content cannot be read \(permission denied\)/, 'content-missing');
    } finally {
      chmodSync(content, 0o755);
    }
  });
});

describe('encodings and line endings', () => {
  it('a file that is not UTF-8: names the file and the line of the first bad byte', () => {
    // Line 8 is "Café au lait." with the é in Latin-1.
    const bytes = Buffer.concat([Buffer.from('---\nid: latin\ntitle: Latin\n---\n\nA fine line.\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]);
    const { dir } = caseFolder('latin-1', { '03-latin.md': bytes });
    expectRefused(dir, build(dir), at('content/03-latin.md', 8), 'file-encoding');
  });

  it('NUL bytes: names the file and the line', () => {
    const { dir } = caseFolder('nul', { '03-nul.md': sectionFile('nul', 'Line one.\n\nzero\u0000byte') });
    expectRefused(dir, build(dir), at('content/03-nul.md', 8), 'file-encoding');
  });

  it('a UTF-8 byte-order mark is accepted: the build succeeds and reads the file', () => {
    const { dir } = caseFolder('bom', { '03-bom.md': `\ufeff${sectionFile('bom', 'Text after a byte-order mark.')}` });
    const run = build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/text/hardening-fixture.txt'), 'utf8')).toContain('Text after a byte-order mark.');
    expect(leftovers(dir)).toEqual([]);
  });

  it('CRLF line endings: the build succeeds and every position in lwr model matches the LF file', () => {
    const crlf = caseFolder('crlf');
    const lf = caseFolder('lf');
    for (const name of ['01-intro.md', '02-learning.md', 'report.yaml']) {
      writeFileSync(path.join(crlf.content, name), readFileSync(path.join(BASE_CONTENT, name), 'utf8').replace(/\n/g, '\r\n'));
    }
    expect(build(crlf.dir).status).toBe(0);
    const positions = (dir: string) => {
      const run = runLwr(['model', '--content', 'content'], { cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      return {
        quotes: report.quotes.map((q) => [q.id, q.source, q.text, q.attribution]),
        links: report.links.map((l) => [l.url, l.source]),
        footnotes: report.footnotes.map((f) => [f.id, f.source, f.text]),
        sections: report.sections.map((s) => s.blocks.map((b) => [b.type, b.source])),
      };
    };
    const fromCrlf = positions(crlf.dir);
    expect(fromCrlf.quotes).toHaveLength(2);
    expect(fromCrlf).toEqual(positions(lf.dir));
  });
});

describe('front matter and report.yaml', () => {
  it('malformed YAML: names the file and the line', () => {
    const { dir } = caseFolder('malformed-yaml', { '03-bad.md': '---\nid: bad\ntitle: [unclosed\n---\n\nBody.\n' });
    expectRefused(dir, build(dir), at('content/03-bad.md', 3), 'front-matter-yaml');
  });

  it('front matter that is a list: names the file and line, says it must be a mapping', () => {
    const { dir } = caseFolder('fm-list', { '03-bad.md': '---\n- id: bad\n- title: Bad\n---\n\nBody.\n' });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-bad.md', 2), 'front-matter-shape');
    expect(run.stderr).toContain('front matter is a list; it must be a mapping');
  });

  it('front matter that is a scalar: names the file and line, says it must be a mapping', () => {
    const { dir } = caseFolder('fm-scalar', { '03-bad.md': '---\njust some words\n---\n\nBody.\n' });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-bad.md', 2), 'front-matter-shape');
    expect(run.stderr).toContain('front matter is a string; it must be a mapping');
  });

  it('unknown keys and wrong types: every field on its own line, with a did-you-mean', () => {
    const { dir } = caseFolder('fm-fields', { '03-bad.md': '---\nid: Bad Id\ntitle: 12\ntitel: typo\nkind: essay\nnumber: two\neditions: full\n---\n\nBody.\n' });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-bad.md', 2), 'front-matter-field');
    const lines = run.stderr.split('\n');
    for (const [line, text] of [[2, '"id"'], [3, '"title"'], [4, 'unknown key "titel"'], [5, '"kind"'], [6, '"number"'], [7, '"editions"']] as const) {
      expect(lines.some((l) => l.startsWith(`  ${line}:1 `) && l.includes(text)), `line ${line}: ${text}`).toBe(true);
    }
    expect(run.stderr).toContain('did you mean "title"?');
  });

  it('duplicate ids: names the second file and the first', () => {
    const { dir } = caseFolder('duplicate-id', { '03-again.md': sectionFile('intro', 'Body.', 'Introduction again') });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-again.md', 2), 'duplicate-id');
    expect(run.stderr).toContain('section id "intro" is already used by content/01-intro.md');
  });

  it('an edition naming a missing section: names report.yaml and the line', () => {
    const config = readFileSync(path.join(BASE_CONTENT, 'report.yaml'), 'utf8').replace('sections: [intro]', 'sections:\n      - intro\n      - introduction');
    const { dir } = caseFolder('edition-section', { 'report.yaml': config });
    const run = build(dir);
    expectRefused(dir, run, at('content/report.yaml', 16), 'edition-section-missing');
    expect(run.stderr).toContain('edition "summary" names section "introduction", which does not exist');
  });

  it('malformed report.yaml: names the file and the line', () => {
    const { dir } = caseFolder('config-yaml', { 'report.yaml': 'title: Fine\nauthors: [unclosed\n' });
    expectRefused(dir, build(dir), at('content/report.yaml'), 'config-invalid');
  });

  // Regression: the yaml package throws on an alias bomb ("billion laughs"); that throw used to
  // escape the reader as "lwr: internal error".
  it('an alias bomb in report.yaml is refused as invalid config, not an internal error', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)];
    const config = `${readFileSync(path.join(BASE_CONTENT, 'report.yaml'), 'utf8')}rules:\n${bomb.map((l) => `  ${l}`).join('\n')}\n`;
    const { dir } = caseFolder('alias-bomb', { 'report.yaml': config });
    const run = build(dir);
    expectRefused(dir, run, at('content/report.yaml', 1), 'config-invalid');
    expect(run.stderr).toContain('Excessive alias count');
  });
});

describe('content too deep to read', () => {
  const deep = (id: string, body: string) => sectionFile(id, `An introduction.\n\n${body}`);

  it('10,000 nested blockquotes: content-too-deep naming file and line, no stack overflow', () => {
    const { dir } = caseFolder('deep-quotes', { '03-deep.md': deep('deep', `${'> '.repeat(10_000)}deep`) });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-deep.md', 8), 'content-too-deep');
    expect(run.stderr).toContain('nest 10000 levels deep');
  });

  it('10,000 nested list items: content-too-deep naming file and line', () => {
    const { dir } = caseFolder('deep-lists', { '03-deep.md': deep('deep', `${'- '.repeat(10_000)}deep`) });
    expectRefused(dir, build(dir), at('content/03-deep.md', 8), 'content-too-deep');
  });

  it('ordered list items nested one level per line, past the limit: content-too-deep at the first line too deep', () => {
    // Each level indented three more columns, as an editor nests "1." items.
    const lines = Array.from({ length: 300 }, (_, i) => `${'   '.repeat(i)}1. item ${i}`).join('\n');
    const { dir } = caseFolder('deep-ordered', { '03-deep.md': deep('deep', lines) });
    const run = build(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/content\/03-deep\.md\n\s+\d+:1\s+error .*content-too-deep/);
  });

  // Regression: emphasis, links and raw HTML nest without any line prefix, so the line scan
  // cannot see them; they overflowed the stack in the parser (emphasis) or the HTML renderer.
  // (micromark needs super-linear time for such runs, so 2,000 markers, not 20,000: see the README.)
  it('2,000 emphasis markers on each side (1,000 nested strong): content-too-deep, not a stack overflow', () => {
    const { dir } = caseFolder('deep-emphasis', { '03-deep.md': deep('deep', `${'*'.repeat(2_000)}x${'*'.repeat(2_000)}`) });
    const run = build(dir);
    expectRefused(dir, run, at('content/03-deep.md', 8), 'content-too-deep');
    expect(run.stderr).toContain('nest 1000 levels deep');
  });

  it('emphasis deep enough to overflow the parser itself: content-too-deep naming the paragraph', () => {
    // A smaller stack makes the parser overflow on input it can still parse quickly: 3,000
    // markers overflow with 70–90 kB here; at 100 kB the parse can just fit, since the parser
    // recurses less deeply when it need not look for literal autolinks.
    const body = `A first paragraph.\n\n${'*'.repeat(3_000)}x${'*'.repeat(3_000)}\n\nA last paragraph.`;
    const { dir } = caseFolder('overflowing-emphasis', { '03-deep.md': deep('deep', body) });
    const run = spawnSync(process.execPath, ['--stack-size=80', path.join(ROOT, 'bin/lwr.js'), 'build', '--out', 'dist', '--content', 'content'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expectRefused(dir, { status: run.status, stdout: run.stdout, stderr: run.stderr }, at('content/03-deep.md', 10), 'content-too-deep');
    expect(run.stderr).toContain('nest too deeply here to be read');
  });

  it('10,000 nested <div> in raw HTML, and 10,000 nested inline <span>: content-too-deep naming the line', () => {
    const block = caseFolder('deep-html', { '03-deep.md': deep('deep', `${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}`) });
    expectRefused(block.dir, build(block.dir), at('content/03-deep.md', 8), 'content-too-deep');
    const inline = caseFolder('deep-inline-html', { '03-deep.md': deep('deep', `Words ${'<span>'.repeat(10_000)}x${'</span>'.repeat(10_000)} end.`) });
    expectRefused(inline.dir, build(inline.dir), at('content/03-deep.md', 8), 'content-too-deep');
  });

  it('nesting right at the limit (256 levels of each kind) still builds', () => {
    const body = [`${'> '.repeat(256)}quoted`, `${'- '.repeat(256)}listed`, `${'*'.repeat(512)}strong${'*'.repeat(512)}`, `${'<div>'.repeat(256)}divided${'</div>'.repeat(256)}`].join('\n\n');
    const { dir } = caseFolder('at-the-limit', { '03-deep.md': deep('deep', body) });
    // The PDF cannot set text 256 quote-indents deep (see the report); HTML and text can.
    const run = build(dir, '--format', 'html,text');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/text/hardening-fixture.txt'), 'utf8')).toContain('divided');
  });
});

describe('size', () => {
  it('a 1 MB line builds every edition', () => {
    const { dir } = caseFolder('long-line', { '03-long.md': sectionFile('long', 'word '.repeat(200 * 1024).trim()) });
    const run = build(dir);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'dist/text/hardening-fixture.txt'), 'utf8');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(leftovers(dir)).toEqual([]);
  });

  // 2.5, 5 and 10 MB take minutes of CPU and gigabytes of memory (tests/hardening/README.md has
  // the numbers; `node tests/hardening/scale.mjs` measures them). Here the same prose at a
  // tenth of those sizes: doubling the input must roughly double time and memory, not square it.
  it('lwr model time and memory grow linearly with the size of a content file', () => {
    const sizes = [256 * 1024, 512 * 1024, 1024 * 1024];
    const measures = sizes.map((bytes) => {
      const dir = path.join(work, `size-${bytes}`);
      mkdirSync(dir);
      contentCopy(dir, { '03-big.md': proseFile(bytes) });
      return measureModel(path.join(dir, 'content'));
    });
    const [small, , large] = measures as [Measure, Measure, Measure];
    // From 256 kB to 1 MB linear growth is at most 4× (measured: 2.4× CPU, 2.6× memory, start-up
    // and warm-up weigh on the small file); quadratic growth would be near 16×.
    expect(large.cpuSeconds / small.cpuSeconds, JSON.stringify(measures)).toBeLessThan(5);
    expect(large.maxRssKb / small.maxRssKb, JSON.stringify(measures)).toBeLessThan(5);
  });
});

describe('paths that lead outside the content folder', () => {
  it('a symlink to a file outside: refused by name, never read', () => {
    const { dir, content } = caseFolder('symlink-out');
    writeFileSync(path.join(dir, 'secret.md'), sectionFile('secret', 'SECRET-OUTSIDE-MARKER'));
    symlinkSync('../secret.md', path.join(content, '03-secret.md'));
    const run = build(dir);
    expectRefused(dir, run, /content\/03-secret\.md\n\s+error\s+symlink leads outside the content folder/, 'file-outside-content');
    expect(run.stderr).not.toContain('SECRET-OUTSIDE-MARKER');
  });

  it('image and link paths escaping it (../../etc/passwd, /etc/passwd, file:///etc/passwd): refused by lwr check, never read or copied by lwr build', () => {
    const { dir, content } = caseFolder('escaping-paths');
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, 'SECRET-FILE-MARKER\n');
    const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'SECRET-FILE-MARKER';
    const body = [
      'Images: ![up](../../etc/passwd) ![absolute](/etc/passwd) ![file](file:///etc/passwd) ![secret](../secret.txt)', // line 6
      '',
      '[up](../../etc/passwd)', // line 8
      '',
      '[absolute](/etc/passwd)', // line 10
      '',
      '[file](file:///etc/passwd)', // line 12
      '',
      `[secret](../secret.txt) and [secret by path](${secret})`, // line 14
      '',
      '[encoded](%2e%2e/%2e%2e/etc/passwd) and <file:///etc/passwd>', // line 16
      '',
      '<img src="/etc/passwd"> <a href="file:///etc/passwd">raw link</a> <a href="../../etc/passwd">raw up</a>', // line 18
    ].join('\n');
    writeFileSync(path.join(content, '03-paths.md'), sectionFile('paths', body));

    const check = runLwr(['check', '--content', 'content', '--format', 'json'], { cwd: dir });
    expect(check.status).toBe(1);
    const diagnostics = JSON.parse(check.stdout).diagnostics as { ruleId: string; line: number; url: string }[];
    expect(diagnostics.filter((d) => d.ruleId === 'image-outside-content').map((d) => [d.line, d.url])).toEqual([
      [6, '../../etc/passwd'],
      [6, '/etc/passwd'],
      [6, 'file:///etc/passwd'],
      [6, '../secret.txt'],
    ]);
    const escapes = diagnostics.filter((d) => d.ruleId === 'link-path-escapes');
    expect(escapes.map((d) => [d.line, d.url])).toEqual([
      [8, '../../etc/passwd'],
      [10, '/etc/passwd'],
      [12, 'file:///etc/passwd'],
      [14, '../secret.txt'],
      [14, secret],
      [16, '%2e%2e/%2e%2e/etc/passwd'],
      [16, 'file:///etc/passwd'],
    ]);

    const strict = build(dir, '--strict');
    expect(strict.status).toBe(1);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(goodSnapshot);

    const run = build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    const dist = path.join(dir, 'dist');
    for (const file of Object.keys(snapshotTree(dist)).filter((f) => !f.endsWith('/'))) {
      const bytes = readFileSync(path.join(dist, file), 'latin1');
      expect(bytes.includes('SECRET-FILE-MARKER'), file).toBe(false);
      expect(bytes.includes(passwd), file).toBe(false);
    }
    const page = fromHtml(readFileSync(path.join(dist, 'html/index.html'), 'utf8'));
    expect(localResourceReferences(page)).toEqual([]);
  });
});

/**
 * Elements that would load or link a local file: any src, or an href with the file: scheme. A
 * Markdown image keeps its address as written, as a link keeps its href (`lwr check` reports
 * it, and nothing is read or copied): the page never drops an image in silence. Its address
 * is still never a file: URL.
 */
function localResourceReferences(page: Root): string[] {
  const found: string[] = [];
  visit(page, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      const url = String(value);
      const writtenAddress = name === 'href' || (element.tagName === 'img' && name === 'src');
      if (['src', 'srcSet', 'data', 'poster'].includes(name) && element.tagName !== 'script' && !writtenAddress) found.push(`<${element.tagName} ${name}=${url}>`);
      if (['href', 'src', 'action', 'cite'].includes(name) && /^\s*file:/i.test(url)) found.push(`<${element.tagName} ${name}=${url}>`);
      if (typeof value === 'string' && /etc\/passwd|secret\.txt/.test(value) && !writtenAddress) found.push(`<${element.tagName} ${name}=${url}>`);
    }
  });
  return found;
}

/** Prose without blockquotes or lists (see the README on those): paragraphs, emphasis, links, headings, wide and accented letters. */
function proseFile(bytes: number): string {
  const unit =
    'Living well means **people** and *places* working together — café, naïve, 日本語 — with [a link](https://example.org/page) and more words to fill the line.\n\n## A heading here\n\n';
  return sectionFile('big', unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))));
}

interface Measure {
  bytes: number;
  cpuSeconds: number;
  maxRssKb: number;
}

/** CPU time and peak memory of `lwr model` (GNU time): CPU time, unlike wall time, hardly depends on what else the machine is doing. */
function measureModel(content: string): Measure {
  const report = path.join(path.dirname(content), 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', report, process.execPath, path.join(ROOT, 'bin/lwr.js'), 'model', '--content', content], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const [user, system, rss] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { bytes: Buffer.byteLength(readFileSync(path.join(content, '03-big.md'))), cpuSeconds: user + system, maxRssKb: rss };
}
