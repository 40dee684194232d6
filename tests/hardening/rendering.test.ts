import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { planBuild } from '../../src/publish/plan.js';
import { verifyEditions } from '../../src/publish/verify.js';
import { runLwr } from '../support/cli.js';
import { readContent } from '../support/report.js';
import { contentCopy, fileText, renderEdition, sectionFile, STACK_TRACE, tempDir } from './support.js';

// Content the renderers must survive without failing the build or multiplying the output:
// malformed fragments, very long links, addresses in any script.

let work: string;
beforeAll(() => {
  work = tempDir('lwr-rendering-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Read a copy of the base report with extra files. */
function reportWith(name: string, files: Record<string, string>): Report {
  const content = contentCopy(path.join(work, name), files);
  const { report, diagnostics } = readContent(content);
  if (!report) throw new Error(JSON.stringify(diagnostics, null, 2));
  return report;
}

/** The text of a PDF's bytes (pdfkit writes annotation dictionaries uncompressed). */
const pdfSource = (files: Awaited<ReturnType<typeof renderEdition>>) => Buffer.from(files.find((f) => f.path.endsWith('.pdf'))!.contents as Uint8Array).toString('latin1');

describe('links to malformed fragments', () => {
  const body = 'See [one hundred](#100%), [broken](#%E0%A4%A) and [lone](#%) here.';

  it('render in HTML, PDF and text (the links keep their text)', async () => {
    const report = reportWith('malformed-fragments', { '03-links.md': sectionFile('links', body) });
    for (const format of ['html', 'pdf', 'text'] as const) {
      const files = await renderEdition(report, format);
      expect(files.length, format).toBeGreaterThan(0);
    }
    const html = fileText(await renderEdition(report, 'html'), 'index.html');
    expect(html).toContain('one hundred');
    expect(html).toContain('broken');
  });

  it('lwr build publishes (exit 0 without --strict) and lwr check reports each one with its line', () => {
    const dir = path.join(work, 'malformed-fragments-cli');
    contentCopy(dir, { '03-links.md': sectionFile('links', body) });
    const build = runLwr(['build', '--out', 'dist', '--content', 'content'], { cwd: dir });
    expect(build.stderr).not.toMatch(/URI malformed|internal error/);
    expect(build.stderr).not.toMatch(STACK_TRACE);
    expect(build.status, build.stderr).toBe(0);
    const check = runLwr(['check', '--format', 'json', '--content', 'content'], { cwd: dir });
    const found = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; file: string; line: number; url: string }[] }).diagnostics.filter((d) => d.ruleId === 'link-fragment-missing');
    expect(found.map((d) => [d.url, d.line])).toEqual([
      ['#100%', 6],
      ['#%E0%A4%A', 6],
      ['#%', 6],
    ]);
  });
});

describe('a link with very long text and a long address', () => {
  /** A section with one link whose text is about `kb` kilobytes, to a 2,000-character address. */
  const linkSection = (kb: number) => {
    const words: string[] = [];
    for (let n = 0; n < kb * 1024; n += 7) words.push(`word${words.length % 97}`);
    return sectionFile('long-link', `Before [${words.join(' ')}](https://example.org/${'p'.repeat(2000)}) after.`);
  };

  it('gives a PDF whose size grows in proportion to the text (it multiplied: 10 kB → 2 MB, 40 kB → 28 MB)', async () => {
    const sizes: number[] = [];
    for (const kb of [10, 40]) {
      const files = await renderEdition(reportWith(`long-link-${kb}`, { '03-link.md': linkSection(kb) }), 'pdf');
      sizes.push(files[0]!.contents.length);
    }
    const [small, large] = sizes as [number, number];
    // Four times the text: at most about four times the bytes (fonts and the base report are fixed costs).
    expect(large / small).toBeLessThan(4.5);
    expect(large).toBeLessThan(40 * 1024 * 30);
  });

  it('writes the address once, however many lines the link spans', async () => {
    const source = pdfSource(await renderEdition(reportWith('long-link-once', { '03-link.md': linkSection(10) }), 'pdf'));
    const address = `https://example.org/${'p'.repeat(2000)}`;
    expect(source.split(address).length - 1).toBe(1);
    // The link still covers every line it spans.
    expect((source.match(/\/Subtype \/Link/g) ?? []).length).toBeGreaterThan(10);
  });
});

describe('addresses in any script', () => {
  it('are written into the PDF as URIs (IRI → URI), never as UTF-16 strings', async () => {
    const body = 'Read [the café guide](https://example.org/café/ü?q=ß#é) and [the Greek page](https://παράδειγμα.example/σελίδα).';
    const source = pdfSource(await renderEdition(reportWith('iri', { '03-iri.md': sectionFile('iri', body) }), 'pdf'));
    const uris = [...source.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris).toContain('https://example.org/caf%C3%A9/%C3%BC?q=%C3%9F#%C3%A9');
    expect(uris).toContain('https://xn--hxajbheg2az3al.example/%CF%83%CE%B5%CE%BB%CE%AF%CE%B4%CE%B1');
    // pdfkit writes a string with any non-ASCII character as UTF-16 (a byte-order mark first).
    expect(source).not.toMatch(/\/URI \(\xfe\xff/);
  });
});

describe('verifying a long quote against the PDF’s text', () => {
  /** A quote of about `kb` kilobytes of varied words (repeated text would be found too early to tell). */
  const quoteSection = (kb: number) => {
    let state = 7;
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'so', 'vi', 'pe', 'da', 'gu', 'fo', 'ze', 'hi', 'wa', 'be'];
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) % 16;
    const words: string[] = [];
    for (let n = 0; n < kb * 1024; n += words.at(-1)!.length + 1) words.push(syllables[next()]! + syllables[next()]! + (next() % 2 ? syllables[next()]! : ''));
    return sectionFile('long-quote', `> “${words.join(' ')}”\n>\n> — Sam Example, Editor, Leeds`);
  };

  /**
   * Verification CPU time of the full edition's PDF (CPU, not wall time, so other processes on
   * the machine do not skew the ratio), best of three, against text in which every
   * third word differs: the case where most five-word runs are missing, each of which made the
   * old check scan the whole text.
   */
  async function verifySeconds(kb: number): Promise<{ seconds: number; problems: number }> {
    const report = reportWith(`long-quote-${kb}`, { '03-quote.md': quoteSection(kb) });
    const quote = report.quotes.find((q) => q.section.id === 'long-quote')!;
    const damaged = quote.text.replace(/(\S+) (\S+) (\S+)/g, '$1 $2 x$3');
    const { targets } = planBuild(report, { editions: ['full'], formats: ['pdf'] });
    const files = [{ path: 'pdf/report.pdf', contents: new Uint8Array(1), edition: 'full', format: 'pdf' }];
    let best = Infinity;
    let problems = 0;
    for (let round = 0; round < 3; round++) {
      const started = process.cpuUsage();
      problems = (await verifyEditions(report, files, targets, async () => `Running head\n${damaged}\nAll the other text`)).length;
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1e6);
    }
    return { seconds: best, problems };
  }

  it('takes time in proportion to its length, also when most of it is missing (it was quadratic: 100 kB 1 s, 400 kB 11 s)', async () => {
    const small = await verifySeconds(50);
    const large = await verifySeconds(200);
    // The damaged quote is reported missing, whatever its length.
    expect(small.problems).toBeGreaterThan(0);
    expect(large.problems).toBeGreaterThan(0);
    // Four times the text: linear is ×4, n log n a little more; quadratic was ×16.
    expect(large.seconds / Math.max(small.seconds, 0.02)).toBeLessThan(9);
    expect(large.seconds).toBeLessThan(5);
  });
});
