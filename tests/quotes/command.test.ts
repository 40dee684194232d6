import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractQuotes, formatQuotesCsv, formatQuotesJson, formatQuotesText } from '../../src/extract/quotes.js';
import { runLwr } from '../support/cli.js';
import { ROOT } from '../support/report.js';
import { QUOTE_FIXTURES, quotesFixture } from './support.js';

// These run the compiled CLI, as a user does: `npm test` compiles first (`npx tsc -p .`).
beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'build/bundle/lwr.js'))) throw new Error('build/bundle/lwr.js is missing: run npm run build first');
});

describe('lwr quotes', () => {
  it('prints the quotes as text by default, counts them on stderr, and exits 0', () => {
    const run = runLwr(['quotes']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(formatQuotesText(extractQuotes(quotesFixture('real-report').report)));
    expect(run.stderr).toBe('7 quotes\n');
  });

  it('prints JSON and CSV byte for byte as the formatters make them', () => {
    const quotes = extractQuotes(quotesFixture('real-report').report, { learning: 2 });
    expect(runLwr(['quotes', '--format', 'json', '--learning', '2']).stdout).toBe(formatQuotesJson(quotes));
    expect(runLwr(['quotes', '--format', 'csv', '--learning', '2']).stdout).toBe(formatQuotesCsv(quotes));
  });

  it('reads another content folder with --content and lists its poems with --include-poems', () => {
    const run = runLwr(['--content', path.relative(ROOT, path.join(QUOTE_FIXTURES, 'escaping/content')), 'quotes', '--format', 'markdown', '--include-poems', '--unattributed']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('> Plain words, then hard breaks before text that looks like Markdown:\\\n> \\# not a heading, \\* not a list, \\<b>not HTML\\</b>, `code`, & and\\_under\\_scores\\\n> 1\\. not a number\\\n> \\- not a bullet\n');
  });

  it('writes to a file with --out, and says so unless --quiet', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-quotes-')), 'quotes.csv');
    const run = runLwr(['quotes', '--format', 'csv', '--by', 'salford', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`wrote ${out} (1 quote)\n`);
    expect(readFileSync(out, 'utf8')).toContain('learning-2-quote-2,quote,');
    expect(runLwr(['--quiet', 'quotes', '--out', out]).stderr).toBe('');
  });

  it('exits 0 with an empty list when nothing matches', () => {
    const run = runLwr(['quotes', '--format', 'json', '--unattributed']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('[]\n');
  });

  it('exits 2 on an unknown section, suggesting the likely one, and prints nothing on stdout', () => {
    const run = runLwr(['quotes', '--section', 'learning2']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: unknown section "learning2" for --section; did you mean "learning-2"?\n');
  });

  it('exits 2 on a learning the report lacks, a learning that is not a number, or an unknown format', () => {
    expect(runLwr(['quotes', '--learning', '4']).status).toBe(2);
    const notANumber = runLwr(['quotes', '--learning', 'two']);
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toContain('must be a learning number');
    const format = runLwr(['quotes', '--format', 'yaml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Allowed choices are text, json, csv, markdown');
  });

  it('exits 2, with no stack trace, when the content cannot be read', () => {
    const run = runLwr(['--content', 'no-such-folder', 'quotes']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
