import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';
import { ROOT } from '../support/report.js';
import { requireWorldFonts } from './support.js';

const MISSING = path.join(ROOT, 'tests/fixtures/world-missing/content');
const ready = requireWorldFonts();

/** A fontconfig that knows no fonts at all: only lwr's own and the report's `fonts:` are left. */
function noSystemFonts(): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-nofonts-'));
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`);
  return { FONTCONFIG_FILE: conf };
}

/** A copy of a fixture's content folder to change. */
function copyOf(content: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-world-')), 'content');
  cpSync(content, dir, { recursive: true });
  return dir;
}

describe.skipIf(!ready)('a character no font has (font-missing-glyph)', () => {
  it('is an error of lwr check, at the character, with its code point and the fix', () => {
    const result = runLwr(['check', '--content', MISSING, '--format', 'json']);
    expect(result.status).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; message: string; file: string; line: number; column: number; hint: string }[] };
    const glyphs = diagnostics.filter((d) => d.ruleId === 'font-missing-glyph');
    expect(glyphs).toHaveLength(1);
    expect(glyphs[0]).toMatchObject({ file: 'tests/fixtures/world-missing/content/01-launch.md', line: 8, column: 15 });
    expect(glyphs[0]!.message).toContain('"🫨" (U+1FAE8)');
    expect(glyphs[0]!.hint).toMatch(/fonts:/);
  });

  it('newer than the installed emoji font, says no installed font has it instead of what to install', () => {
    const { diagnostics } = JSON.parse(runLwr(['check', '--content', MISSING, '--format', 'json']).stdout) as { diagnostics: { ruleId: string; hint: string }[] };
    const hint = diagnostics.find((d) => d.ruleId === 'font-missing-glyph')!.hint;
    expect(hint).toMatch(/^no installed font has it/);
    expect(hint).not.toMatch(/apt-get|fonts-symbola/);
    expect(hint).toMatch(/report\.yaml under fonts:/);
  });

  it('says which package to install when no font for its script is installed', () => {
    const result = runLwr(['check', '--content', MISSING, '--format', 'json'], { env: noSystemFonts() });
    const hint = (JSON.parse(result.stdout) as { diagnostics: { ruleId: string; hint: string }[] }).diagnostics.find((d) => d.ruleId === 'font-missing-glyph')!.hint;
    expect(hint).toMatch(/apt-get install fonts-symbola/);
  });

  it('in report.yaml is reported at the line of the field it is in (the subtitle, not the title)', () => {
    const content = copyOf(MISSING);
    writeFileSync(path.join(content, '01-launch.md'), '---\nid: launch\ntitle: The launch\n---\n\nThe panel met in Newport.\n');
    writeFileSync(path.join(content, 'report.yaml'), 'title: "Shaking 🫨 at the launch"\nslug: missing\nsubtitle: "Still 🫨 after it"\n');
    const { diagnostics } = JSON.parse(runLwr(['check', '--content', content, '--format', 'json']).stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] };
    const glyphs = diagnostics.filter((d) => d.ruleId === 'font-missing-glyph');
    expect(glyphs.map((d) => [d.line, d.column])).toEqual([
      [1, 17],
      [3, 18],
    ]);
  });

  it('is not reported for a figure’s alt text, which the PDF never draws; an image in a line of text prints its alt text, and is', () => {
    const content = copyOf(MISSING);
    mkdirSync(path.join(content, 'images'));
    cpSync(path.join(ROOT, 'tests/fixtures/figures/content/images/icon.png'), path.join(content, 'images/icon.png'));
    writeFileSync(path.join(content, '01-launch.md'), '---\nid: launch\ntitle: The launch\n---\n\n![The panel 🫨 at the launch](images/icon.png)\n\nA line with ![a shaking 🫨 face](images/icon.png) inside.\n');
    const { diagnostics } = JSON.parse(runLwr(['check', '--content', content, '--format', 'json']).stdout) as { diagnostics: { ruleId: string; line: number }[] };
    expect(diagnostics.filter((d) => d.ruleId === 'font-missing-glyph').map((d) => d.line)).toEqual([8]);
  });

  it('stops lwr build before rendering, naming the cause, never "a renderer dropped content"', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lwr-out-'));
    const result = runLwr(['build', '--content', MISSING, '--out', path.join(out, 'dist')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('font-missing-glyph');
    expect(result.stderr).toContain('U+1FAE8');
    expect(result.stderr).toContain('empty boxes');
    expect(result.stderr).not.toMatch(/renderer dropped|edition-incomplete/);
  });

  it('does not stop a build of the HTML and text editions, which the browser and the terminal draw', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lwr-out-'));
    const result = runLwr(['build', '--content', MISSING, '--format', 'html,text', '--out', path.join(out, 'dist')]);
    expect(result.stderr).toContain('built 2 edition format(s)');
    expect(result.status).toBe(0);
  });

  it('when silenced in report.yaml, builds a PDF whose other words are all there', () => {
    const content = copyOf(MISSING);
    writeFileSync(path.join(content, 'report.yaml'), `title: A character no font has\nslug: missing\nrules:\n  font-missing-glyph: off\n`);
    const result = runLwr(['build', '--content', content, '--format', 'pdf', '--out', path.join(path.dirname(content), 'dist')]);
    expect(result.stderr).toContain('checks: ✔ no problems');
    expect(result.status).toBe(0);
  });
});

describe.skipIf(!ready)('the report’s own fonts (fonts: in report.yaml)', () => {
  const arabic = '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf';

  it('are what draws a script when the system has no font for it', () => {
    const content = copyOf(path.join(ROOT, 'tests/fixtures/world-missing/content'));
    writeFileSync(path.join(content, '01-launch.md'), '---\nid: launch\ntitle: The launch\n---\n\nShe said :lang[السلام عليكم]{lang=ar} to the room.\n');
    const env = noSystemFonts();
    const without = runLwr(['check', '--content', content, '--format', 'json'], { env });
    expect((JSON.parse(without.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.filter((d) => d.ruleId === 'font-missing-glyph')).toHaveLength(1);

    mkdirSync(path.join(content, 'fonts'));
    cpSync(arabic, path.join(content, 'fonts', 'NotoNaskhArabic-Regular.ttf'));
    writeFileSync(path.join(content, 'report.yaml'), 'title: Own fonts\nslug: own\nfonts:\n  - fonts/NotoNaskhArabic-Regular.ttf\n');
    const checked = runLwr(['check', '--content', content], { env });
    expect(checked.stdout).toContain('no problems');
    const dist = path.join(path.dirname(content), 'dist');
    const built = runLwr(['build', '--content', content, '--format', 'pdf', '--out', dist], { env });
    expect(built.status).toBe(0);
    expect(execFileSync('pdffonts', [path.join(dist, 'pdf/own.pdf')], { encoding: 'utf8' })).toContain('NotoNaskhArabic-Regular');
    expect(execFileSync('pdftotext', [path.join(dist, 'pdf/own.pdf'), '-'], { encoding: 'utf8' })).toContain('السلام عليكم');
  });

  it('that is not there is a config-invalid error at its line of report.yaml', () => {
    const content = copyOf(MISSING);
    writeFileSync(path.join(content, 'report.yaml'), 'title: Own fonts\nslug: own\nfonts:\n  - fonts/Missing.ttf\n');
    const result = runLwr(['check', '--content', content, '--format', 'json']);
    expect(result.status).toBe(1);
    const problem = (JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; line: number; message: string }[] }).diagnostics.find((d) => d.ruleId === 'config-invalid');
    expect(problem).toMatchObject({ line: 4, message: 'fonts: fonts/Missing.ttf does not exist' });
    expect(problem!.file).toMatch(/report\.yaml$/);
  });

  it('outside the content folder is refused by its path alone: whether such a file exists is never looked at, nor said', () => {
    const content = copyOf(MISSING);
    const outside = path.dirname(content);
    writeFileSync(path.join(outside, 'there.ttf'), 'not looked at');
    mkdirSync(path.join(outside, 'elsewhere'));
    writeFileSync(path.join(outside, 'elsewhere', 'there.ttf'), 'not looked at');
    symlinkSync(path.join(outside, 'elsewhere'), path.join(content, 'linked'));
    const messages = (fonts: string) => {
      writeFileSync(path.join(content, 'report.yaml'), `title: Own fonts\nslug: own\nfonts:\n  - ${fonts}\n`);
      const result = runLwr(['check', '--content', content, '--format', 'json']);
      return (JSON.parse(result.stdout) as { diagnostics: { ruleId: string; message: string }[] }).diagnostics.filter((d) => d.ruleId === 'config-invalid').map((d) => d.message);
    };
    for (const [there, notThere] of [
      ['../there.ttf', '../not-there.ttf'],
      ['linked/there.ttf', 'linked/not-there.ttf'],
      [path.join(outside, 'there.ttf'), path.join(outside, 'not-there.ttf')],
    ]) {
      expect(messages(there!)).toEqual([`fonts: ${there} is outside the content folder`]);
      expect(messages(notThere!)).toEqual([`fonts: ${notThere} is outside the content folder`]);
    }
  });

  it('that is not a font file is refused when report.yaml is read, with its line', () => {
    const content = copyOf(MISSING);
    writeFileSync(path.join(content, 'report.yaml'), 'title: Own fonts\nslug: own\nfonts:\n  - notes.txt\n');
    const result = runLwr(['check', '--content', content]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/report\.yaml\n\s+4:1\s+error\s+.*TrueType or OpenType/);
  });
});
