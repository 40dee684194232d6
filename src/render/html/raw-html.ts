import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type {} from 'mdast-util-to-hast'; // declares hast's `raw` node
import { fromHtml } from 'hast-util-from-html';
import { ELEMENTS_REMOVED_WITH_CONTENT, sanitiseElement } from '../../model/raw-html-policy.js';

/** A piece of raw HTML from the content, parsed later with the run it belongs to (integrateRawHtml). */
export const rawHtml = (value: string): ElementContent => ({ type: 'raw', value });

/** lwr's own element, carried through the HTML parser as an opaque placeholder. */
interface Placeholder {
  type: 'lwrElement';
  index: number;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'wbr']);
const REMOVED_WITH_CONTENT = new RegExp(`<(?:${[...ELEMENTS_REMOVED_WITH_CONTENT].join('|')})(?=[\\s/>])`, 'i');

/**
 * Parse the raw HTML of one run of content (a list of blocks with `blocks`, or one paragraph's inlines)
 * together with what lwr rendered between its pieces, as a browser parses a page: an element
 * opened in one piece and closed in a later one wraps what lies between (`<del>`, a paragraph,
 * `</del>`), and one left open closes at the end of the run. lwr's own elements pass through
 * the parser as placeholders: never re-parsed, never sanitised, and raw HTML cannot close
 * them. Everything the raw HTML made is sanitised (src/model/raw-html-policy.ts).
 */
export function integrateRawHtml(nodes: ElementContent[], options: { blocks?: boolean } = {}): ElementContent[] {
  if (!nodes.some((node) => node.type === 'raw')) return nodes;
  const own: Element[] = [];
  const placeholder = (element: Element): Placeholder => ({ type: 'lwrElement', index: own.push(element) - 1 });
  const children = nodes.flatMap((node) => {
    if (node.type === 'element') return [placeholder(node)];
    // A piece holding a <script>, <style>, <iframe>… is parsed on its own: left open, such an
    // element would swallow everything after it (the reader folds a closed one into one piece).
    if (node.type === 'raw' && REMOVED_WITH_CONTENT.test(node.value)) {
      return sanitiseParsed(fromHtml(node.value, { fragment: true }).children, own).map((n) => (n.type === 'element' ? placeholder(n) : n));
    }
    return [node];
  });
  const parsed = raw({ type: 'root', children } as unknown as Root, { passThrough: ['lwrElement'] }) as Root;
  const clean = sanitiseParsed(parsed.children, own);
  // Between blocks, white space is only the line ends of raw HTML blocks.
  return options.blocks ? clean.filter((node) => !(node.type === 'text' && node.value.trim() === '')) : clean;
}

function sanitiseParsed(nodes: readonly (RootContent | Placeholder)[], own: readonly Element[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'lwrElement') return [own[node.index]!];
    if (node.type === 'text') return [node];
    if (node.type !== 'element') return []; // comments and doctypes are notes, not content
    const verdict = sanitiseElement(node);
    if (verdict === 'drop') return [];
    const children = sanitiseParsed(node.children as (RootContent | Placeholder)[], own);
    if (verdict === 'unwrap') return children;
    // An element sanitising left empty (a link around a removed image) would only be noise.
    if (children.length === 0 && !VOID_ELEMENTS.has(verdict.tagName)) return [];
    return [{ ...verdict, children }];
  });
}
