import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { runLwr } from '../support/cli.js';
import { FIXTURES, readContent, ROOT } from '../support/report.js';
import { contentCopy, fileText, renderEdition, STACK_TRACE, tempDir, TERMINAL_CONTROL } from './support.js';

// Content written to attack lwr: front matter that would run code, HTML that would run code
// in the reader's browser, template syntax that would be evaluated, and control characters
// that would drive an editor's terminal.

const HOSTILE = path.join(FIXTURES, 'hardening/hostile/content');

let work: string;
beforeAll(() => {
  work = tempDir('lwr-hostile-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('executable front matter', () => {
  it('---js, ---javascript, ---coffee (any casing or spacing) are refused and never run', () => {
    const marker = path.join(work, 'front-matter-ran');
    const write = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    const dir = path.join(work, 'executable');
    mkdirSync(dir);
    contentCopy(dir, {
      '03-js.md': `---js\n${write};\nmodule.exports = { id: 'js', title: 'ran' };\n---\n\nBody.\n`,
      '04-javascript.md': `---javascript\n{ id: (function () { ${write}; return 'javascript'; })(), title: 'ran' }\n---\n\nBody.\n`,
      '05-coffee.md': `---coffee\n${write}\n---\n\nBody.\n`,
      '06-spaced.md': `--- JS \n${write}\n---\n\nBody.\n`,
      '07-coffeescript.md': `\ufeff---coffeescript\n${write}\n---\n\nBody.\n`,
      // js-yaml's unsafe tags are not read either.
      '08-yaml-tag.md': `---\nid: tag\ntitle: !!js/function 'function () { ${write} }'\n---\n\nBody.\n`,
    });
    for (const command of [['model'], ['build', '--out', 'dist'], ['check']]) {
      const run = runLwr([...command, '--content', 'content'], { cwd: dir });
      expect(run.status, command.join(' ')).toBe(2);
      for (const [file, language] of [['03-js.md', 'js'], ['04-javascript.md', 'javascript'], ['05-coffee.md', 'coffee'], ['06-spaced.md', 'js'], ['07-coffeescript.md', 'coffeescript']]) {
        expect(run.stderr).toMatch(new RegExp(`content/${file}\\n\\s+1:1\\s+error\\s+front matter in "${language}" is refused`));
      }
      expect(run.stderr).toMatch(/content\/08-yaml-tag\.md\n\s+\d+:\d+\s+error\s+front matter is not valid YAML: unknown tag/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('HTML that would run code or reach the network', () => {
  let report: Report;
  let page: Root;
  let html: string;
  beforeAll(async () => {
    const read = readContent(HOSTILE);
    if (!read.report) throw new Error(JSON.stringify(read.diagnostics, null, 2));
    report = read.report;
    html = fileText(await renderEdition(report, 'html'), 'index.html');
    page = fromHtml(html);
  });

  it('never reaches the HTML edition: no script, frame, object, style, handler, base, refresh or unsafe URL anywhere in the page', () => {
    expect(attacksIn(page)).toEqual([]);
  });

  it('keeps the words the attacks were wrapped around, and the safe links', () => {
    const main = toText(mainOf(page));
    for (const words of ['entity link', 'spaced link', 'upper link', 'a styled div', 'a span', 'bold', 'summary', 'a kept link']) expect(main).toContain(words);
    const links = elements(page, 'a').map((a) => String(a.properties.href ?? ''));
    expect(links).toContain('https://example.org/safe');
    expect(links).toContain('https://example.org/kept');
  });

  it('shows Markdown links and autolinks with unsafe targets as their text only, never as links', () => {
    const removed = elements(page, 'span').filter((s) => (s.properties.className as string[] | undefined)?.includes('link-removed')).map((s) => toText(s));
    expect(removed).toEqual(['plain', 'cased', 'decimal', 'tab', 'hex', 'named', 'colon', 'spaced', 'angle', 'data', 'vb', 'DATA', 'javascript:alert(1)', 'JAVASCRIPT:alert(2)', 'data:text/html,x', 'vbscript:x', 'defined', 'unsafe', 'collapsed']);
  });

  it('resolves link references to unsafe targets like any link: their text only, never a link', () => {
    expect(toText(mainOf(page))).toContain('Link references: defined and unsafe and collapsed.');
  });

  it('is reported by lwr check: every unsafe Markdown link and autolink, at its line', () => {
    const run = runLwr(['check', 'links', '--content', HOSTILE, '--format', 'json']);
    const unsafe = (JSON.parse(run.stdout).diagnostics as { ruleId: string; line: number }[]).filter((d) => d.ruleId === 'link-unsafe-scheme');
    expect(unsafe.map((d) => d.line)).toEqual([...Array(12).fill(6), ...Array(4).fill(8), ...Array(3).fill(10)]);
  });

  it('never reaches the text edition as a link either: unsafe targets are not listed', async () => {
    const text = fileText(await renderEdition(report, 'text'), '.txt');
    expect(text).not.toMatch(/^\[\d+\] (javascript|data|vbscript):/im);
    expect(text).toContain('https://example.org/safe');
  });
});

describe('template syntax in content', () => {
  const WRITTEN = ['{{ 7*7 }}', '{% raw %}', "{%- include 'x' -%}", '{{ body | raw }}', '{% for x in (1..3) %}{{ x }}{% endfor %}', '{{ person }}', '{% include \'x\' %}'];
  let report: Report;
  beforeAll(() => {
    report = readContent(HOSTILE).report!;
  });

  it('is printed as written in the HTML edition: body, heading, quote, attribution, link, footnote, titles and metadata', async () => {
    const page = fromHtml(fileText(await renderEdition(report, 'html'), 'index.html'));
    const text = toText(page);
    for (const written of WRITTEN) expect(text).toContain(written);
    expect(toText(elements(page, 'title')[0]!)).toBe("{{ 7*7 }} Hostile {% raw %}: {%- include 'x' -%} <script>alert('subtitle')</script>");
    expect(text).toContain('Templates {{ 7*7 }} {% raw %}');
    expect(text).toContain('“A quote with {{ 7*7 }} and {%- include \'x\' -%} inside.”');
    expect(text).toContain('{{ report.title | upcase }}');
    expect(text).not.toMatch(/\b49\b/);
    expect(text).not.toContain('123');
    expect(text).not.toContain('HOSTILE');
  });

  it('is printed as written in the text edition', async () => {
    const text = fileText(await renderEdition(report, 'text', { width: 200 }), '.txt');
    for (const written of WRITTEN) expect(text).toContain(written);
    expect(text).toContain('— {{ person }}, {% raw %} role, Salford');
    expect(text).not.toMatch(/\b49\b/);
  });
});

describe('control characters, ANSI escapes and bidi overrides on a terminal', () => {
  const ESC = '\u001b';
  const CLEAR = `${ESC}[2J`;
  const RED = `${ESC}[31m`;
  // An OSC 8 hyperlink: the terminal shows "click" and links it to evil.example.
  const HYPERLINK = `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`;
  const BIDI = '\u202e';
  const CSI8 = '\u009b';

  let dir: string;
  beforeAll(() => {
    dir = path.join(work, 'terminal');
    mkdirSync(dir);
    contentCopy(dir, {
      '03-terminal.md': [
        '---',
        'id: terminal',
        `title: "Title \\e[2J\\e[31m \\u202Eevil \\x9b6n"`,
        '---',
        '',
        // Brackets are escaped so the escape sequences stay inside the link text.
        `A [${`here ${CLEAR}${RED} ${BIDI}txt.exe ${HYPERLINK} \u0007 ${CSI8}6n`.replace(/[[\]]/g, '\\$&')}](#) link.`,
        '',
        // An angle-bracket destination may hold control characters (entities would become U+FFFD).
        `[to nowhere](<#frag${CLEAR}ment>)`,
        '',
        `> “Quoted ${CLEAR} with ${BIDI} bidi, a bell \u0007 and ${HYPERLINK}.”`,
        '>',
        `> — Name ${RED}Red, Role, Place`,
        '',
      ].join('\n'),
    });
  });

  /** Raw terminal controls in `text`, listed so a failure shows them (escaped). */
  const controls = (text: string) => [...text].filter((ch) => TERMINAL_CONTROL.test(ch)).map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);

  it('lwr check (stylish) shows them escaped in messages', () => {
    const run = runLwr(['check', '--content', 'content'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(controls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain('link "here \\x1b[2J\\x1b[31m \\u202etxt.exe \\x1b]8;;https://evil.example/\\x1b\\click\\x1b]8;;\\x1b\\ \\x07 \\x9b6n" has a placeholder target "#"');
    expect(run.stdout).toContain('#frag\\x1b[2Jment names no section');
  });

  it('diagnostics of content that cannot be read show them escaped: file names, keys, hints', () => {
    const broken = path.join(work, 'terminal-unreadable');
    mkdirSync(broken);
    // A key one letter from "title" is an error (a misspelling); kind: essay makes the file unreadable.
    contentCopy(broken, { [`03-${ESC}[2J${BIDI}.md`]: `---\nid: broken\ntitle: Broken\nkind: essay\n"ti\\e\\u202etle": 1\n---\n\nBody.\n` });
    const run = runLwr(['build', '--out', 'dist', '--content', 'content'], { cwd: broken });
    expect(run.status).toBe(2);
    expect(controls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stderr).toContain('content/03-\\x1b[2J\\u202e.md');
    expect(run.stderr).toContain('unknown key "ti\\x1b\\u202etle"');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('lwr quotes on a terminal (a pseudo-terminal through script) shows none: controls dropped, bidi overrides as <U+202E>', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/lwr.js'))} quotes --content content`;
    const run = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    const shown = run.stdout.replace(/\r\n/g, '\n');
    expect(controls(shown)).toEqual([]);
    expect(shown).toContain('Title [2J[31m <U+202E>evil 6n');
    expect(shown).toContain('“Quoted [2J with <U+202E> bidi, a bell and');
    expect(shown).toContain(']8;;https://evil.example/\\click]8;;\\.”');
    expect(shown).toContain('— Name [31mRed, Role, Place');
  });

  // Issue 14.15: the quote exports are text other programs show; controls never reach them.
  it('lwr quotes piped to a program shows the same: no controls, bidi overrides as <U+202E>', () => {
    const run = runLwr(['quotes', '--content', 'content'], { cwd: dir });
    expect(controls(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('“Quoted [2J with <U+202E> bidi, a bell and');
  });

  it('lwr quotes --format json keeps the text exactly: C0 and C1 controls escaped, bidi overrides as UTF-8', () => {
    const run = runLwr(['quotes', '--format', 'json', '--content', 'content'], { cwd: dir });
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('\\u001b[2J');
    expect(run.stdout).toContain(BIDI);
    const quotes = JSON.parse(run.stdout) as { text: string }[];
    expect(quotes.map((q) => q.text)).toContain(`“Quoted ${CLEAR} with ${BIDI} bidi, a bell \u0007 and ${HYPERLINK}.”`);
  });

  it('lwr editions shows a hostile edition title escaped', () => {
    const editions = path.join(work, 'terminal-editions');
    mkdirSync(editions);
    contentCopy(editions, { 'report.yaml': `title: T\nslug: t\neditions:\n  - id: full\n    title: "Full \\e[2J\\u202e"\n` });
    const run = runLwr(['editions', '--content', 'content'], { cwd: editions });
    expect(run.status).toBe(0);
    expect(controls(run.stdout)).toEqual([]);
  });
});

// ---------------------------------------------------------------- helpers

const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'base', 'img', 'video', 'audio', 'source', 'template', 'noscript', 'portal']);
const URL_PROPERTIES = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'data', 'cite', 'poster', 'background', 'xLinkHref', 'ping', 'codeBase', 'longDesc', 'manifest', 'icon']);
const PAGE_LINKS = new Set(['assets/fonts/fonts.css', 'assets/lwr.css', 'assets/favicon.svg']);

/** The scheme a browser reads from a URL: whitespace and control characters in it are ignored. */
const schemeOf = (url: string) => /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[1]?.toLowerCase();

function elements(tree: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === tagName) found.push(element);
  });
  return found;
}

const mainOf = (page: Root): Element => elements(page, 'main')[0]!;

/** Every way the page could run code, restyle itself from content, or reach another host. */
function attacksIn(page: Root): string[] {
  const found: string[] = [];
  visit(page, 'element', (element: Element) => {
    const where = `<${element.tagName}>`;
    if (FORBIDDEN.has(element.tagName)) found.push(`${where} element`);
    if (element.tagName === 'meta' && /refresh/i.test(String(element.properties.httpEquiv ?? ''))) found.push(`${where} refresh`);
    if (element.tagName === 'link' && !PAGE_LINKS.has(String(element.properties.href))) found.push(`${where} to ${String(element.properties.href)}`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${where} handler ${name}`);
      if (name === 'style') found.push(`${where} style attribute`);
      if (name === 'srcDoc') found.push(`${where} srcdoc`);
      if (URL_PROPERTIES.has(name)) {
        const scheme = schemeOf(String(value));
        if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${where} ${name}=${String(value)}`);
        if (/evil\.example/.test(String(value))) found.push(`${where} ${name} reaches ${String(value)}`);
      }
    }
  });
  return found;
}

// The page must also carry the policy that would stop anything the sanitiser missed.
describe('the page itself', () => {
  it('carries a Content-Security-Policy that allows no scripts and nothing from other hosts', async () => {
    const report = readContent(HOSTILE).report!;
    const page = fromHtml(fileText(await renderEdition(report, 'html'), 'index.html'));
    const policy = elements(page, 'meta').find((m) => /content-security-policy/i.test(String(m.properties.httpEquiv ?? '')));
    expect(String(policy?.properties.content)).toMatch(/default-src 'none'/);
    expect(String(policy?.properties.content)).not.toMatch(/script-src/);
  });
});
