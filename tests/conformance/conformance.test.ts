import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/report.js';
import { allExamples, type SpecExample } from './examples.js';
import { normaliseActual, normaliseExpected } from './normalise.js';
import { renderExample } from './render-example.js';

// Standard Markdown through lwr: every example of the CommonMark spec and of the GFM
// extensions lwr enables is read as a section and rendered by the HTML renderer, then compared
// with the spec's HTML by text and semantic structure (normalise.ts). An example either
// matches or is listed, with its reason, in expected-differences.yaml.

interface ExpectedDifference {
  suite: SpecExample['suite'];
  examples: number[];
  reason: string;
}

const DIFFERENCES_FILE = path.join(ROOT, 'tests/conformance/expected-differences.yaml');
const differences = parse(readFileSync(DIFFERENCES_FILE, 'utf8')) as { differences: ExpectedDifference[] };
const key = (suite: string, number: number) => `${suite} ${number}`;
const listed = new Map<string, string>();
for (const entry of differences.differences ?? []) for (const n of entry.examples) listed.set(key(entry.suite, n), entry.reason);

const examples = allExamples();
const outcomes = examples.map((example) => {
  const rendered = renderExample(example.markdown);
  const actual = rendered.html === undefined ? `(not read: ${rendered.diagnostics.map((d) => d.message).join('; ')})` : normaliseActual(rendered.html);
  const expected = normaliseExpected(example.html);
  return { example, actual, expected, equivalent: actual === expected };
});

// LWR_CONFORMANCE_REPORT=file writes every example that differs, both sides normalised, for review.
if (process.env.LWR_CONFORMANCE_REPORT) {
  const report = outcomes
    .filter((o) => !o.equivalent)
    .map((o) => `## ${o.example.suite} ${o.example.number} (${o.example.section})${listed.has(key(o.example.suite, o.example.number)) ? ' [listed]' : ''}\n--- markdown\n${o.example.markdown}--- expected\n${o.expected}\n--- lwr\n${o.actual}\n`)
    .join('\n');
  writeFileSync(process.env.LWR_CONFORMANCE_REPORT, report);
}

describe('CommonMark and GFM conformance of the reader and the HTML edition', () => {
  it('reports the score', () => {
    for (const suite of ['commonmark', 'gfm', 'gfm-footnotes'] as const) {
      const mine = outcomes.filter((o) => o.example.suite === suite);
      console.log(`${suite}: ${mine.filter((o) => o.equivalent).length}/${mine.length} equivalent`);
    }
    expect(outcomes.filter((o) => o.example.suite === 'commonmark')).toHaveLength(652);
  });

  for (const { example, actual, expected, equivalent } of outcomes) {
    const reason = listed.get(key(example.suite, example.number));
    const name = `${example.suite} example ${example.number} (${example.section})`;
    if (reason === undefined) {
      it(`${name} is equivalent`, () => {
        expect(actual).toBe(expected);
      });
    } else {
      // A listed example that starts to match must leave the list, so the list stays true.
      it(`${name} differs as expected: ${reason}`, () => {
        expect(equivalent).toBe(false);
      });
    }
  }
});
