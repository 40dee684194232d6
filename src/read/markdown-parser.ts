import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, Extension } from 'micromark-util-types';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** GFM's literal autolinks, by the name of the micromark construct that finds each. */
const LITERALS = ['emailAutolink', 'wwwAutolink', 'protocolAutolink'] as const;
type Literal = (typeof LITERALS)[number];

/**
 * The literal autolinks GFM could find in `markdown`: an email needs an `@`, a `www.` link
 * the letters `www`, an `http://` or `https://` link the letters `http` (in any case). A
 * character reference can spell any of them, so with one every kind stays possible.
 */
export function possibleLiterals(markdown: string): ReadonlySet<Literal> {
  if (/&[#a-z0-9]/i.test(markdown)) return new Set(LITERALS);
  const out = new Set<Literal>();
  if (markdown.includes('@')) out.add('emailAutolink');
  if (/www/i.test(markdown)) out.add('wwwAutolink');
  if (/http/i.test(markdown)) out.add('protocolAutolink');
  return out;
}

/** GFM's syntax without the literal-autolink constructs that cannot match. */
function gfmSyntax(literals: ReadonlySet<Literal>): Extension {
  const syntax = gfm();
  const text: Record<number, Construct | Construct[]> = {};
  for (const [code, constructs] of Object.entries(syntax.text ?? {})) {
    const all: (Construct | undefined)[] = Array.isArray(constructs) ? constructs : [constructs];
    const kept = all.filter((c): c is Construct => c !== undefined && (!(LITERALS as readonly string[]).includes(c.name ?? '') || literals.has(c.name as Literal)));
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { ...syntax, text };
}

/**
 * remark-gfm, with only the literal autolinks the text could hold: the others are never tried.
 * GFM tries an email autolink at every word, and looks for literal links in every text node
 * once parsed, which is most of parsing's time on a first run; text without `@`, `www` or
 * `http` can have none of them, and its tree is the same without that work (tested against
 * remark-gfm over the CommonMark and GFM specs and every fixture).
 */
function gfmWith(literals: ReadonlySet<Literal>) {
  return function (this: ReturnType<typeof unified>) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmSyntax(literals));
    const fromMarkdown = gfmFromMarkdown();
    // The autolink extension's handlers and its transform, which looks for literals in text.
    (data.fromMarkdownExtensions ??= []).push(...(literals.size > 0 ? fromMarkdown : fromMarkdown.filter((e) => !('literalAutolink' in (e.enter ?? {})))));
  };
}

const parsers = new Map<string, { parse: (markdown: string) => Root }>();

/** Parse Markdown into mdast: CommonMark, GFM (footnotes, tables, task lists, strikethrough, literal autolinks) and directives. */
export function parseMarkdownTree(markdown: string): Root {
  const literals = possibleLiterals(markdown);
  const key = [...literals].sort().join(',');
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = unified().use(remarkParse).use(gfmWith(literals)).use(remarkDirective)));
  return parser.parse(markdown);
}
