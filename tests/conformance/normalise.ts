import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * The conformance normaliser: HTML reduced to its text and semantic structure, so lwr's page
 * and a spec's expected HTML can be compared. What it keeps and what it ignores, and why:
 *
 * - Elements by tag name, with only the attributes that carry meaning (link targets and
 *   titles, image sources and alternatives, list starts, table alignment, checkboxes). Ids,
 *   classes and ARIA labels are page furniture.
 * - Text with runs of whitespace collapsed to one space, and whitespace beside a block's tags
 *   or a line break dropped (a browser does not show it); inside `pre` every character counts.
 * - Elements with nothing in them that a reader could see (an empty `<p>`, `<a>` or `<div>`)
 *   are left out; empty list items, table cells and code blocks are kept, as they show.
 * - Heading levels as nesting: lwr's headings sit under the report title (h1) and the section
 *   title (h2) and never skip a level (README, "Heading levels"); the spec's are absolute.
 *   Both become "one below the nearest shallower heading before it", starting at 1.
 * - Links within the page (`#fn1`, lwr's `#example-fn-1`) by the order their targets are first
 *   named: ids are page furniture, where a link leads is not.
 * - lwr's wrappers around Markdown structures: a blockquote is lwr's `figure.quote` (unwrapped
 *   when it has no attribution); an image alone in its paragraph is lwr's numbered figure
 *   (`figure.figure-image`, compared as the paragraph holding the image when its caption is
 *   only its number); footnotes are lwr's `footer.footnotes` with a "Notes" heading
 *   and the spec's `section.footnotes` (both become `footnotes`); a table is lwr's table inside
 *   its scrolling region (`div.table-scroll`, unwrapped); a `span` is only its content
 *   (lwr marks a link it did not publish with one, so that compares as text, not as a link).
 */
export function normaliseActual(html: string): string {
  return canonical(unwrapLwr(fromHtml(html, { fragment: true }).children), 2);
}

/** The spec's expected HTML, normalised like lwr's (see normaliseActual). */
export function normaliseExpected(html: string): string {
  return canonical(renameSpecFootnotes(fromHtml(html, { fragment: true }).children), 0);
}

type Node = RootContent | ElementContent;
type Token = { text: string; pre: boolean } | { tag: string; block: boolean };

/** Elements that show even when empty (a bullet, a cell, a code box). */
const SHOWN_EMPTY = new Set(['li', 'td', 'th', 'pre', 'code', 'blockquote', 'ul', 'ol', 'footnotes', 'textarea']);

/**
 * The elements of HTML the examples use. Any other name (`<warning>`, `<bar>`, custom elements)
 * has no meaning to a browser, which shows its content as text: it compares as its content.
 */
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'footer', 'footnotes', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'li', 'main', 'mark',
  'nav', 'ol', 'p', 'pre', 'q', 's', 'samp', 'script', 'section', 'small', 'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'textarea', 'tfoot',
  'th', 'thead', 'time', 'title', 'tr', 'u', 'ul', 'var', 'wbr', 'xmp',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'footnotes', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);

/** Attributes that carry meaning, by element. */
const KEPT: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  input: ['type', 'checked', 'disabled'],
  th: ['align'],
  td: ['align'],
};

function canonical(nodes: readonly Node[], headingOffset: number): string {
  const tokens: Token[] = [];
  const fragments = new Map<string, string>();
  const fragmentName = (href: string) => fragments.get(href) ?? (fragments.set(href, `#${fragments.size + 1}`), fragments.get(href)!);
  const nesting = new HeadingNesting();
  const visit = (node: Node, pre: boolean): void => {
    if (node.type === 'text') {
      const last = tokens.at(-1);
      const text = node.value.replace(/\uFE0E/g, '');
      if (last && 'text' in last && last.pre === pre) last.text += text;
      else tokens.push({ text, pre });
      return;
    }
    if (node.type !== 'element') return; // comments and doctypes are not content
    if (!SHOWN_EMPTY.has(node.tagName) && !VOID.has(node.tagName) && !showsSomething(node)) return;
    if (!HTML_ELEMENTS.has(node.tagName) && headingLevel(node) === undefined) {
      for (const child of node.children) visit(child, pre);
      return;
    }
    const level = headingLevel(node);
    const tag = level === undefined ? node.tagName : `h${nesting.relative(level - headingOffset)}`;
    const block = BLOCKS.has(tag) || level !== undefined || tag === 'br';
    const href = node.properties.href;
    const element = typeof href === 'string' && href.startsWith('#') ? { ...node, properties: { ...node.properties, href: fragmentName(href) } } : node;
    tokens.push({ tag: `<${tag}${keptAttributes(element)}>`, block });
    // An HTML parser drops a newline right after <pre>; lwr's tree never has one.
    const children = tag === 'pre' ? withoutLeadingNewline(node.children) : node.children;
    for (const child of children) visit(child, pre || tag === 'pre');
    if (!VOID.has(tag)) tokens.push({ tag: `</${tag}>`, block });
  };
  for (const node of nodes) visit(node, false);
  return tokens
    .map((token, i) => {
      if ('tag' in token) return token.tag;
      if (token.pre) return escapeText(token.text);
      let text = token.text.replace(/\s+/g, ' ');
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (!before || ('tag' in before && before.block)) text = text.trimStart();
      if (!after || ('tag' in after && after.block)) text = text.trimEnd();
      return escapeText(text);
    })
    .join('');
}

/** Whether an element holds text that is not whitespace, or an element that shows when empty. */
function showsSomething(element: Element): boolean {
  return element.children.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && (VOID.has(child.tagName) || SHOWN_EMPTY.has(child.tagName) || showsSomething(child))));
}

function withoutLeadingNewline(children: ElementContent[]): ElementContent[] {
  const [first, ...rest] = children;
  if (first?.type === 'text' && first.value.startsWith('\n')) return [{ ...first, value: first.value.slice(1) }, ...rest];
  return children;
}

/** A heading's level: `h1`…`h6`, or an ARIA heading (`role="heading" aria-level="7"`). */
function headingLevel(element: Element): number | undefined {
  const h = /^h([1-6])$/.exec(element.tagName);
  if (h) return Number(h[1]);
  if (element.properties.role === 'heading') return Number(element.properties.ariaLevel);
  return undefined;
}

/** Headings as nesting: one level below the nearest shallower heading before it, from 1. */
class HeadingNesting {
  private readonly open: { level: number; nested: number }[] = [];

  relative(level: number): number {
    while (this.open.length > 0 && this.open.at(-1)!.level >= level) this.open.pop();
    const nested = (this.open.at(-1)?.nested ?? 0) + 1;
    this.open.push({ level, nested });
    return nested;
  }
}

function keptAttributes(element: Element): string {
  const pairs: string[] = [];
  for (const name of KEPT[element.tagName] ?? []) {
    const value = name === 'align' ? alignOf(element) : element.properties[name];
    if (value === undefined || value === null || value === false) continue;
    pairs.push(value === true ? name : `${name}="${escapeText(String(value))}"`);
  }
  return pairs.length ? ` ${pairs.sort().join(' ')}` : '';
}

/** Column alignment: the spec's `align` attribute, lwr's `align-*` class. */
function alignOf(element: Element): string | undefined {
  if (typeof element.properties.align === 'string') return element.properties.align;
  return classesOf(element).find((c) => c.startsWith('align-'))?.slice('align-'.length);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const classesOf = (element: Element): string[] => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

const isElement = (node: Node, tagName: string, className?: string): node is Element =>
  node.type === 'element' && node.tagName === tagName && (className === undefined || classesOf(node).includes(className));

/** Undo lwr's page furniture around Markdown structures (see normaliseActual). */
function unwrapLwr(nodes: readonly Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node.type !== 'element') return [node];
    const children = unwrapLwr(node.children) as ElementContent[];
    if (isElement(node, 'figure', 'quote') && !children.some((c) => isElement(c, 'figcaption'))) return children;
    if (isElement(node, 'figure', 'figure-image') && node.children.every((c) => !isElement(c, 'figcaption') || onlyFigureNumber(c))) {
      return [{ type: 'element', tagName: 'p', properties: {}, children: children.filter((c) => !isElement(c, 'figcaption')) }];
    }
    if (isElement(node, 'div', 'table-scroll')) return children;
    if (isElement(node, 'footer', 'footnotes')) return [{ ...(node as Element), tagName: 'footnotes', children: children.filter((c) => !(c.type === 'element' && classesOf(c).includes('footnotes-title'))) }];
    const element = node as Element;
    if (element.tagName === 'span' && element.properties.role === undefined) return children;
    return [{ ...element, children }];
  });
}

/** A figcaption that holds only lwr's figure number ("Figure 3"), no caption or credit. */
const onlyFigureNumber = (caption: Element): boolean =>
  caption.children.every((c) => (c.type === 'text' ? c.value.trim() === '' : c.type === 'element' && classesOf(c).includes('figure-number')));

function renameSpecFootnotes(nodes: readonly Node[]): Node[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const children = renameSpecFootnotes(node.children) as ElementContent[];
    return isElement(node, 'section', 'footnotes') ? { ...(node as Element), tagName: 'footnotes', children } : { ...(node as Element), children };
  });
}
