import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-directive';

/** Deeper nesting than this is refused: the Markdown tool chain recurses once per level. */
export const MAX_NESTING = 256;

/**
 * The first line whose container prefix (blockquote markers, list markers and indentation)
 * nests deeper than MAX_NESTING, found by a cheap scan before parsing.
 */
export function findExcessiveNesting(markdown: string): { line: number; depth: number } | undefined {
  let line = 0;
  for (const text of markdown.split('\n')) {
    line++;
    const prefix = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(text)?.[0] ?? '';
    if (prefix.length <= MAX_NESTING) continue; // fewer characters than levels allowed: cannot be too deep
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    const indentLevels = Math.floor((prefix.match(/[ \t]/g) ?? []).length / 2);
    const depth = Math.max(markers, indentLevels);
    if (depth > MAX_NESTING) return { line, depth };
  }
  return undefined;
}

/** Whether an error is the JavaScript engine running out of stack (deeply nested input). */
export const isStackOverflow = (error: unknown): boolean => error instanceof RangeError && /call stack/i.test(error.message);

/** mdast nodes that the reader and every renderer descend into one call deeper. */
const LEVELS = new Set(['blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'textDirective']);
/** Parents whose children are blocks: an HTML block there is rendered on its own, so its open tags wrap nothing after it. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);
/** Elements that never contain anything, or close themselves when a sibling opens: they add no level. */
const FLAT_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp',
]);
// `[^<>]*` (not a lazy `.*?`) keeps the scan linear on hostile text such as "<a<a<a…".
const TAG = /<(\/?)([a-z][a-z0-9-]*)(?:[\s/][^<>]*)?>/gi;

/**
 * How deep raw HTML opens elements, starting `open` levels deep: the deepest level reached and
 * the level at its end. An upper estimate (a stray `</x>` or a comment is not understood), so
 * it never lets deep HTML through.
 */
function htmlNesting(html: string, open: number): { deepest: number; end: number } {
  let level = open;
  let deepest = open;
  for (const tag of html.matchAll(TAG)) {
    if (FLAT_ELEMENTS.has(tag[2]!.toLowerCase()) || tag[0].endsWith('/>')) continue;
    if (tag[1]) level = Math.max(0, level - 1);
    else deepest = Math.max(deepest, ++level);
  }
  return { deepest, end: level };
}

/**
 * The deepest point of a parsed Markdown tree, when it is deeper than MAX_NESTING: emphasis,
 * links, quotes and lists inside each other, and elements opened by raw HTML, each count as a
 * level. Walked without recursion, so any depth the parser produced can be measured.
 */
export function findExcessiveTreeDepth(tree: Root): { line: number; depth: number } | undefined {
  let deepest: { line: number; depth: number } | undefined;
  const pending: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth } = next;
    if (!('children' in node)) continue;
    let htmlOpen = 0; // elements opened by inline HTML earlier in this run of phrasing content
    for (const child of node.children as Nodes[]) {
      let childDepth = depth + htmlOpen + (LEVELS.has(child.type) ? 1 : 0);
      if (child.type === 'html') {
        const html = htmlNesting(child.value, htmlOpen);
        childDepth = depth + html.deepest;
        if (!FLOW_PARENTS.has(node.type)) htmlOpen = html.end;
      }
      if (childDepth > MAX_NESTING && (!deepest || childDepth > deepest.depth)) deepest = { line: child.position?.start.line ?? 1, depth: childDepth };
      pending.push({ node: child, depth: childDepth });
    }
  }
  return deepest;
}
