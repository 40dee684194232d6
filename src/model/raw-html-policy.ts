import type { Element } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { LINK_SCHEMES } from './url-schemes.js';

/**
 * What raw HTML from the content may keep, shared by the HTML edition (which sanitises with
 * it) and `lwr check` (which reports what it removes). Narrower than GitHub's default: no
 * images or media (they would request the network, and the page works offline), no headings
 * (they would break the outline), no ids or names (they could shadow the report's anchors),
 * no presentational attributes (the stylesheet decides the look), no forms.
 */
export const CONTENT_HTML_SCHEMA: Schema = {
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
  // lwr's link scheme policy; the schema checks the decoded value, so entity-encoded or
  // mixed-case `javascript:` never passes.
  protocols: { href: [...LINK_SCHEMES], cite: ['http', 'https'] },
  clobber: [],
  required: {},
  // Raw HTML reaches the sanitiser already parsed (a row is inside its table), one element at
  // a time: an element's place is the parser's business, not the schema's.
  ancestors: {},
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'title', 'noembed', 'noframes', 'select'],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * Elements removed together with their content: code or foreign markup, not text a reader
 * should see. (`<textarea>` and `<xmp>` are not here: their text is shown, without the control.)
 */
export const ELEMENTS_REMOVED_WITH_CONTENT: ReadonlySet<string> = new Set(CONTENT_HTML_SCHEMA.strip);

/**
 * What sanitising does to one element from raw HTML: keep it (with only its safe attributes,
 * returned without children), `unwrap` it (the element goes, its content stays) or `drop` it
 * with its content (`<script>`, `<style>`, `<iframe>`…).
 */
export function sanitiseElement(element: Element): Element | 'unwrap' | 'drop' {
  // A stand-in child tells "stripped with its content" apart from "unwrapped, content kept".
  const probe: Element = { ...element, children: [{ type: 'text', value: 'content' }] };
  const clean = sanitize({ type: 'root', children: [probe] }, CONTENT_HTML_SCHEMA);
  const [kept] = clean.type === 'root' ? clean.children : [];
  if (kept === undefined) return 'drop';
  if (kept.type === 'element' && kept.tagName === element.tagName) return { ...kept, children: [] };
  return 'unwrap';
}
