import { describe, expect, it } from 'vitest';
import { selectEdition } from '../../src/publish/edition.js';
import { planBuild } from '../../src/publish/plan.js';
import type { OutputFile } from '../../src/publish/render-targets.js';
import { comparable, verifyEditions } from '../../src/publish/verify.js';
import { realReport } from '../support/report.js';

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
