import { describe, expect, it } from 'vitest';
import { selectEdition } from '../../src/model/edition.js';
import { planBuild } from '../../src/publish/plan.js';
import type { OutputFile } from '../../src/publish/render-targets.js';
import { comparable, verifyEditions } from '../../src/publish/verify.js';
import { realReport, reportOfFiles } from '../support/report.js';

const report = realReport();
const { targets } = planBuild(report, { editions: ['summary'], formats: ['text'] });
const everything = (model = selectEdition(report, targets[0]!.edition)) =>
  [...model.quotes.flatMap((q) => [q.text, q.attribution ?? '']), ...model.learnings.map((l) => l.title), ...model.footnotes.map((f) => f.text), ...model.poems.map((p) => p.title)].join('\n\n');
const file = (contents: string): OutputFile => ({ path: 'summary/text/report.txt', contents, edition: 'summary', format: 'text' });
const noPdf = async () => undefined;

describe('verifying an edition against its model', () => {
  it('accepts output that holds every quote, attribution, learning, footnote and poem title, however it is wrapped', async () => {
    const wrapped = everything().replace(/ /g, '\n  ').replace(/’/g, "'");
    expect(await verifyEditions(report, [file(wrapped)], targets, noPdf)).toEqual([]);
  });

  it('reports each quote a renderer dropped, at the quote\'s source line', async () => {
    const missing = report.quotes.find((q) => q.section.id === 'learning-2')!;
    const output = everything().replace(missing.text, '');
    const problems = await verifyEditions(report, [file(output)], targets, noPdf);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'edition-incomplete', file: missing.source.file, line: missing.source.line, message: expect.stringContaining(`quote ${missing.id}`) })]);
  });

  it('compares letters and digits only, so ASCII punctuation matches typographic punctuation', () => {
    expect(comparable('“It’s — here…”')).toBe(comparable('"It\'s -- here..."'));
  });
});

describe('verifying the text edition', () => {
  it('ignores the [n] reference markers the text edition puts inside a quote', async () => {
    const quote = report.quotes[0]!;
    const { targets: full } = planBuild(report, { editions: ['full'], formats: ['text'] });
    const model = selectEdition(report, full[0]!.edition);
    const text = [...model.quotes.flatMap((q) => [q.text.replace(/ /, ' [3] '), q.attribution ?? '']), ...model.learnings.map((l) => l.title), ...model.footnotes.map((f) => f.text), ...model.poems.map((p) => p.title)].join('\n');
    const problems = await verifyEditions(report, [{ path: 'text/report.txt', contents: text, edition: 'full', format: 'text' }], full, noPdf);
    expect(problems.filter((p) => p.message.includes(quote.id))).toEqual([]);
  });
});

describe('verifying the PDF edition of right-to-left text', () => {
  const arabic = reportOfFiles({
    'report.yaml': 'title: Voices\nslug: voices\neditions:\n  - id: full\n    title: Full\n    formats: [pdf]\n',
    '01-voices.md': '---\nid: voices\ntitle: Voices\n---\n\n> في عام 2023 عملنا معا، ونجحنا\n>\n> — Amira Haddad, Cardiff\n',
  });
  const { targets: pdfTargets } = planBuild(arabic, { formats: ['pdf'] });
  const pdf: OutputFile = { path: 'pdf/voices.pdf', contents: new Uint8Array([1]), edition: 'full', format: 'pdf' };
  const reading = (text: string) => async () => `Voices\n${text}\n— Amira Haddad, Cardiff\n`;

  it('accepts the quote read back in reading order', async () => {
    expect(await verifyEditions(arabic, [pdf], pdfTargets, reading('في عام 2023 عملنا معا، ونجحنا'))).toEqual([]);
  });

  it('names the cause when pdftotext reads every word back in another order, and does not fail the build for it', async () => {
    const problems = await verifyEditions(arabic, [pdf], pdfTargets, reading('ونجحنا ،عملنا معا 2023 في عام'));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'edition-text-order', severity: 'warning', message: expect.stringContaining('pdftotext reads them back in another order') })]);
    expect(problems[0]!.hint).not.toMatch(/renderer dropped/);
  });

  it('still reports a right-to-left quote that is not there', async () => {
    const problems = await verifyEditions(arabic, [pdf], pdfTargets, reading('نص آخر تماما'));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'edition-incomplete', severity: 'error' })]);
  });
});
