import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  it('is an error of lwr check, at the character, with its code point and what to install', () => {
    const result = runLwr(['check', '--content', MISSING, '--format', 'json']);
    expect(result.status).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; message: string; file: string; line: number; column: number; hint: string }[] };
    const glyphs = diagnostics.filter((d) => d.ruleId === 'font-missing-glyph');
    expect(glyphs).toHaveLength(1);
    expect(glyphs[0]).toMatchObject({ file: 'tests/fixtures/world-missing/content/01-launch.md', line: 8, column: 15 });
    expect(glyphs[0]!.message).toContain('"🫨" (U+1FAE8)');
    expect(glyphs[0]!.hint).toMatch(/fonts-symbola/);
    expect(glyphs[0]!.hint).toMatch(/fonts:/);
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

  it('that is not a font file is refused when report.yaml is read, with its line', () => {
    const content = copyOf(MISSING);
    writeFileSync(path.join(content, 'report.yaml'), 'title: Own fonts\nslug: own\nfonts:\n  - notes.txt\n');
    const result = runLwr(['check', '--content', content]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/report\.yaml\n\s+4:1\s+error\s+.*TrueType or OpenType/);
  });
});
