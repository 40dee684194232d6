import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { imageAssetPaths } from '../model/image-names.js';
import { hasRightToLeftText } from '../model/language.js';
import { printable } from '../model/printable.js';

import type { Report, SourcePosition } from '../model/types.js';
import { toAscii } from '../render/text/ascii.js';
import { selectEdition } from '../model/edition.js';
import { editionFigures, verifyHtmlFigures, verifyPdfFigures, verifyTextFigures, type PdfFigureInspector } from './verify-figures.js';
import type { BuildTarget } from './plan.js';
import type { OutputFile } from './render-targets.js';
import { TextSearch } from './substring-index.js';

export interface VerifyOptions {
  /** The text without the characters no font can draw (the PDF shows boxes for them). */
  withoutUndrawable?: (text: string) => string;
}

/** Text of a PDF, or undefined when no extractor is available (pdftotext missing). */
export type PdfTextExtractor = (pdf: Uint8Array) => Promise<string | undefined>;

interface Expectation {
  /** Expectations of one kind come in reading order; each kind is looked for from the start. */
  kind: 'quote' | 'learning' | 'footnote' | 'poem' | 'figure';
  what: string;
  text: string;
  source: SourcePosition;
}

/**
 * Letters and digits only, case-folded and transliterated as the ASCII text edition
 * transliterates (Paweł → pawel, ß → ss, 学 → xue): compares content across formats
 * regardless of wrapping, typographic punctuation, `--ascii` and markup.
 */
export function comparable(text: string): string {
  return toAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Letters only: footnote numbers, which the editions set inside the text (¹, [1], a superscript
 * link), are not words of the model's text, so verification compares the letters.
 */
const lettersOnly = (text: string): string => comparable(text).replace(/[0-9]+/g, '');

/** What an edition must contain: every quote, learning title and footnote of its model. */
export function editionExpectations(report: Report): Expectation[] {
  const out: Expectation[] = [];
  for (const q of report.quotes) {
    out.push({ kind: 'quote', what: `quote ${q.id}`, text: q.text, source: q.source });
    if (q.attribution) out.push({ kind: 'quote', what: `attribution of quote ${q.id}`, text: q.attribution, source: q.source });
  }
  for (const l of report.learnings) out.push({ kind: 'learning', what: `learning ${l.number}`, text: l.title, source: l.source });
  for (const f of report.footnotes) out.push({ kind: 'footnote', what: `footnote ${f.number}`, text: f.text, source: f.source });
  for (const p of report.poems) out.push({ kind: 'poem', what: `poem "${p.title}"`, text: p.title, source: p.source });
  for (const f of report.figures) {
    const text = [f.caption, f.credit ?? ''].join(' ').trim();
    if (text) out.push({ kind: 'figure', what: `the caption of figure ${f.number}`, text, source: f.source });
  }
  return out;
}

const decoded = (contents: OutputFile['contents']): string => (typeof contents === 'string' ? contents : new TextDecoder().decode(contents));

/** The visible text of an output file, by format. */
async function outputText(file: OutputFile, extractPdf: PdfTextExtractor, page: () => Root): Promise<string | undefined> {
  if (file.format === 'html' && file.path.endsWith('.html')) return toText(page());
  if (file.format === 'text' && file.path.endsWith('.txt')) return typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
  if (file.format === 'pdf' && file.path.endsWith('.pdf')) return extractPdf(typeof file.contents === 'string' ? new TextEncoder().encode(file.contents) : file.contents);
  return undefined;
}

/**
 * Check every rendered edition against its model: each expected text must be in the output,
 * compared by its letters (markers such as [1] and ¹ that editions add are not words).
 * PDF pages interrupt text with running heads, so there a text counts as present when at
 * least 90% of its five-word runs are found.
 */
export async function verifyEditions(
  report: Report,
  files: readonly OutputFile[],
  targets: readonly BuildTarget[],
  extractPdf: PdfTextExtractor,
  inspectPdf?: PdfFigureInspector,
  options: VerifyOptions = {},
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const target of targets) {
    const model = selectEdition(report, target.edition);
    const expected = editionExpectations(model);
    const texts: string[] = [];
    for (const file of files.filter((f) => f.edition === target.edition.id && f.format === target.format)) {
      // An HTML page is parsed once, for its text and its figures alike.
      let tree: Root | undefined;
      const page = () => (tree ??= fromHtml(decoded(file.contents)));
      const text = await outputText(file, extractPdf, page);
      if (text !== undefined) texts.push(text);
      problems.push(...(await verifyFigures(model, file, files, target, inspectPdf, page)));
    }
    if (texts.length === 0) continue; // nothing verifiable (e.g. no pdftotext): reported by the caller
    // Searched in reading order, and through a suffix array once anything is out of order or
    // missing: String.includes for every five-word run of a long quote was quadratic.
    const haystack = new TextSearch(lettersOnly(texts.join('\n')));
    let kind: Expectation['kind'] | undefined;
    for (const e of expected) {
      if (e.kind !== kind) haystack.restart();
      kind = e.kind;
      // The text edition shows bidi overrides as <U+202E>: expect them as it shows them.
      const text = target.format === 'text' ? printable(e.text) : e.text;
      let found = target.format === 'pdf' ? mostRunsFound(text, haystack) : haystack.has(lettersOnly(text));
      // Characters no font has (their rule silenced in report.yaml) are empty boxes in the PDF:
      // a known cause, not a lost passage, so the rest of the text is what must be there.
      if (!found && target.format === 'pdf' && options.withoutUndrawable) found = mostRunsFound(options.withoutUndrawable(text), haystack);
      if (found) continue;
      // Right-to-left text is put back in reading order by pdftotext's own rule: every word there,
      // read in another order, is that cause, not a lost passage.
      if (target.format === 'pdf' && hasRightToLeftText(text) && everyWordFound(text, haystack)) {
        problems.push(
          diagnostic('edition-text-order', 'warning', `the ${target.edition.id} edition's pdf draws every word of ${e.what}, but pdftotext reads them back in another order`, e.source, {
            hint: 'right-to-left text that poppler puts back in another order than it is written; the PDF shows it as written. Please report the text to lwr',
          }),
        );
        continue;
      }
      problems.push(diagnostic('edition-incomplete', 'error', `the ${target.edition.id} edition's ${target.format} output is missing ${e.what}`, e.source, { hint: 'a renderer dropped content the model has' }));
    }
  }
  return problems;
}

/** The figures of an edition's model against one of its output files (the page, the text, the PDF). */
async function verifyFigures(model: Report, file: OutputFile, files: readonly OutputFile[], target: BuildTarget, inspectPdf: PdfFigureInspector | undefined, page: () => Root): Promise<Diagnostic[]> {
  const figures = editionFigures(model);
  if (figures.length === 0) return [];
  if (file.format === 'html' && file.path.endsWith('.html')) return verifyHtmlFigures(figures, imageAssetPaths(model), page(), files, target);
  if (file.format === 'text' && file.path.endsWith('.txt')) return verifyTextFigures(figures, decoded(file.contents), target, comparable);
  if (file.format === 'pdf' && file.path.endsWith('.pdf') && inspectPdf) {
    const shown = await inspectPdf(typeof file.contents === 'string' ? new TextEncoder().encode(file.contents) : file.contents);
    return shown ? verifyPdfFigures(figures, shown, target) : [];
  }
  return [];
}

/** Whether every word of the text is somewhere in the output. */
function everyWordFound(text: string, haystack: TextSearch): boolean {
  return text
    .split(/\s+/)
    .map(lettersOnly)
    .filter(Boolean)
    .every((word) => haystack.has(word));
}

function mostRunsFound(text: string, haystack: TextSearch): boolean {
  const words = text.split(/\s+/).map(lettersOnly).filter(Boolean);
  if (words.length <= 5) return haystack.has(words.join(''));
  const total = words.length - 4;
  let missing = 0;
  for (let i = 0; i + 5 <= words.length; i++) {
    if (!haystack.has(words.slice(i, i + 5).join(''))) missing++;
    if (missing > total * 0.1) return false; // the verdict is known: stop asking
  }
  return true;
}


