import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';
import { FIXTURES } from '../support/report.js';

describe('lwr model', () => {
  it('prints the real report model as JSON and exits 0', () => {
    const run = runLwr(['model']);
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(model.quotes).toHaveLength(7);
    expect(model.learnings).toHaveLength(3);
  });

  it('writes the model to a file with --out', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-model-')), 'model.json');
    const run = runLwr(['model', '--out', out]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).meta.title).toBe('Living Well UK');
  });

  it('prints the JSON Schema with its version', () => {
    const schema = JSON.parse(runLwr(['model', '--schema']).stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.version.const).toMatch(/^\d+\.\d+\.\d+$/);
    expect(schema.$comment).toContain(schema.properties.version.const);
    expect(schema).not.toHaveProperty('version');
  });

  it('exits 2 with file and line, and no stack trace, on content that cannot be read', () => {
    const run = runLwr(['model', '--content', path.join(FIXTURES, 'read/unknown-and-invalid-fields/content')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('01-intro.md');
    expect(run.stderr).toMatch(/3:1\s+error\s+unknown key "titel"/);
    expect(run.stderr).toContain('did you mean "title"?');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a missing content folder', () => {
    const run = runLwr(['model', '--content', 'no-such-folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-folder does not exist');
  });

  it('exits 2 on an unknown command or option', () => {
    expect(runLwr(['publish']).status).toBe(2);
    expect(runLwr(['model', '--frobnicate']).status).toBe(2);
  });

  it('prints its version and help', () => {
    expect(runLwr(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runLwr(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--content <dir>');
    expect(runLwr(['model', '--help']).stdout).toContain('--schema');
  });
});
