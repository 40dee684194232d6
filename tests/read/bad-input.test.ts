import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/read/load.js';
import { readContent } from '../support/report.js';

const section = (id: string, body = 'Body.') => `---\nid: ${id}\ntitle: ${id}\n---\n\n${body}\n`;

function contentFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-read-'));
  const content = path.join(dir, 'content');
  mkdirSync(content);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(content, name), data);
  return content;
}

const summary = (dir: string) => readContent(dir).diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line ?? 0} ${d.ruleId}${d.fatal ? ' fatal' : ''}`);

describe('reading content that cannot be read', () => {
  it('names a missing content folder', () => {
    const result = loadContent('/nonexistent/lwr-content');
    expect(result.diagnostics).toMatchObject([{ ruleId: 'content-missing', fatal: true, message: expect.stringContaining('does not exist') }]);
  });

  it('names an empty content folder', () => {
    expect(summary(contentFolder({}))).toEqual(['content:0 content-missing fatal']);
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(section('a', 'Fine line.\n\nBad: ')), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    expect(summary(contentFolder({ '01-a.md': bytes }))).toEqual(['01-a.md:9 file-encoding fatal']);
  });

  it('refuses NUL bytes, naming their line', () => {
    expect(summary(contentFolder({ '01-a.md': `${section('a')}\nzero\u0000byte\n` }))).toEqual(['01-a.md:8 file-encoding fatal']);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const { report, diagnostics } = readContent(contentFolder({ '01-a.md': `\ufeff${section('a')}` }));
    expect(diagnostics).toEqual([]);
    expect(report?.sections[0]?.id).toBe('a');
  });

  it('keeps positions right with CRLF line endings', () => {
    const crlf = section('a', 'First.\n\n> “Quoted.”\n>\n> — Someone, Role, Place').replace(/\n/g, '\r\n');
    const { report } = readContent(contentFolder({ '01-a.md': crlf }));
    expect(report?.quotes[0]?.source).toMatchObject({ line: 8, column: 1 });
    expect(report?.quotes[0]?.person).toBe('Someone');
  });

  it('refuses a symlink that leads outside the content folder, and does not read it', () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-outside-')), 'secret.md');
    writeFileSync(outside, section('secret'));
    const content = contentFolder({ '01-a.md': section('a') });
    symlinkSync(outside, path.join(content, '02-link.md'));
    expect(summary(content)).toEqual(['02-link.md:0 file-outside-content fatal']);
  });

  it('follows a symlink that stays inside the content folder', () => {
    const content = contentFolder({ '01-a.md': section('a') });
    mkdirSync(path.join(content, 'parts'));
    writeFileSync(path.join(content, 'parts', 'b.md'), section('b'));
    symlinkSync(path.join(content, 'parts', 'b.md'), path.join(content, '02-b.md'));
    expect(readContent(content).report?.sections.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('reports every problem of every file in one run', () => {
    const content = contentFolder({ '01-a.md': '---\nid: A\n---\n', '02-b.md': '---\n[unclosed\n---\n', '03-c.md': '' });
    expect(summary(content)).toEqual(['01-a.md:2 front-matter-field fatal', '02-b.md:3 front-matter-yaml fatal', '03-c.md:1 file-empty fatal']);
  });
});
