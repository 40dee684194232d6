import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLwr } from '../support/cli.js';
import { comparableText, requireWorldFonts } from './support.js';

const ready = requireWorldFonts();

// Quotes that once failed the whole build with "a renderer dropped content": pdftotext read
// right-to-left text with a comma, a digit or vowel marks back out of order.
const QUOTES = ['שלום, עולם', 'شكرا، جزيلا', 'في عام 2023 عملنا', 'مَرْحَبًا', 'شكراً جزيلاً على كل شيء، يا أصدقائي'];

describe.skipIf(!ready)('a new report with right-to-left quotes', () => {
  it('builds, verified, and pdftotext gives every quote back whole, in reading order', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-rtl-')), 'q');
    expect(runLwr(['init', dir]).status).toBe(0);
    const quotes = QUOTES.map((text, i) => (i === QUOTES.length - 1 ? `> :lang[${text}]{lang=ar}` : `> ${text}`) + `\n>\n> — A${i}, B, C\n`).join('\n');
    writeFileSync(path.join(dir, 'content/04-q.md'), `---\nid: q\ntitle: Q\n---\n\n${quotes}`);

    const result = runLwr(['build'], { cwd: dir });
    expect(result.stderr).not.toMatch(/renderer dropped|edition-incomplete|edition-text-order/);
    expect(result.status).toBe(0);
    const text = comparableText(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'dist/pdf/q.pdf'), '-'], { encoding: 'utf8' }));
    for (const quote of QUOTES) expect(text).toContain(comparableText(quote));
  }, 120_000);
});
