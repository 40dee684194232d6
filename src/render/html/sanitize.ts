import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

/**
 * What raw HTML from the content may keep. Narrower than GitHub's default: no images or
 * media (they would request the network, and the page works offline), no headings (they
 * would break the outline), no ids or names (they could shadow the report's anchors), no
 * presentational attributes (the stylesheet decides the look).
 */
const CONTENT_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
    'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
    'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
    'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
  ],
  attributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    blockquote: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    ol: ['start', 'reversed'],
    q: ['cite'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
    time: ['dateTime'],
    '*': ['lang', 'dir'],
  },
  // Only web and mail links; the schema checks the decoded value, so entity-encoded or
  // mixed-case `javascript:` never passes.
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
  clobber: [],
  required: {},
  // Elements whose content is code or foreign markup, not text a reader should see.
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'select'],
  allowComments: false,
  allowDoctypes: false,
};

/** Parse a fragment of raw HTML from the content and keep only what is safe to publish. */
export function sanitizeContentHtml(html: string): ElementContent[] {
  const tree = sanitize(fromHtml(html, { fragment: true }), CONTENT_HTML_SCHEMA);
  return tree.type === 'root' ? withoutEmptyElements(tree.children as ElementContent[]) : [];
}

/**
 * What a lone opening tag from the content (`<abbr title="…">`, closed later in the same
 * paragraph) becomes: the element with only its safe attributes, `unwrap` when the element is
 * not allowed but its content is ordinary text, or `drop` when its content must go too
 * (`<script>`, `<style>`).
 */
export function sanitizeOpeningTag(html: string): Element | 'unwrap' | 'drop' {
  const parsed = fromHtml(html, { fragment: true });
  const [element] = parsed.children;
  if (parsed.children.length !== 1 || element?.type !== 'element') return 'unwrap';
  // A stand-in child tells "stripped with its content" apart from "unwrapped, content kept".
  const probe: Element = { ...element, children: [{ type: 'text', value: 'content' }] };
  const clean = sanitize({ type: 'root', children: [probe] }, CONTENT_HTML_SCHEMA);
  const [kept] = clean.type === 'root' ? clean.children : [];
  if (kept === undefined) return 'drop';
  if (kept.type === 'element' && kept.tagName === element.tagName) return { ...kept, children: [] };
  return 'unwrap';
}

/** The void elements the schema allows: empty by nature, so never pruned. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'wbr']);

/** Drop elements that sanitising left empty (a removed image's link, an emptied span): they would only be noise. */
function withoutEmptyElements(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'element' || VOID_ELEMENTS.has(node.tagName)) return [node];
    const children = withoutEmptyElements(node.children);
    return children.length === 0 ? [] : [{ ...node, children }];
  });
}
