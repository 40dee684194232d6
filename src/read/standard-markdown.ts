import type { Definition, Html, Image, Link, Nodes, Parents, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-directive';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { toString } from 'mdast-util-to-string';
import { ELEMENTS_REMOVED_WITH_CONTENT } from '../model/raw-html-policy.js';

/**
 * Transforms of a freshly parsed tree, before it is converted into the model, so the model
 * carries what CommonMark defines. Each depends only on the Markdown text, so the result can be
 * cached with the parse.
 *
 * 1. Text directives lwr does not know (`Note:this`, `10:30`, `mailto:a@b.example`) become the
 *    text they were, and GFM's literal autolinks are found again in that text.
 * 2. Reference links and images (`[text][label]`, `[label]`, `![alt][label]`) are resolved
 *    against the file's definitions (labels matched as CommonMark normalises them; the first
 *    definition of a label wins; titles kept) and become ordinary links and images. A
 *    reference without a definition stays the text as written.
 * 3. An element whose content is not text (`<style>`, `<script>`, `<iframe>`…) opened by one
 *    piece of raw HTML and closed by a later one in the same paragraph or container becomes
 *    one piece with its content, as an HTML parser reads it.
 */
export function standardiseTree(tree: Root, markdown: string): Root {
  if (restoreTextDirectives(tree, markdown)) findLiteralAutolinks(tree);
  resolveReferences(tree, markdown);
  foldRawTextElements(tree, markdown);
  return tree;
}

/** Inline directives lwr reads (`:term[…]`, `:lang[…]{lang=cy}`); any other is text. */
const TEXT_DIRECTIVES = new Set(['term', 'lang']);

const sliceOf = (markdown: string, node: Nodes): string => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : markdown.slice(start, end);
};

/** Every parent in the tree, depth first, without recursion (trees can be deep). */
function* parents(tree: Root): Generator<Parents> {
  const pending: Parents[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    yield node;
    for (const child of node.children as RootContent[]) if ('children' in child) pending.push(child);
  }
}

function restoreTextDirectives(tree: Root, markdown: string): boolean {
  let restored = false;
  for (const parent of parents(tree)) {
    const children = parent.children as RootContent[];
    if (!children.some((c) => c.type === 'textDirective' && !TEXT_DIRECTIVES.has(c.name))) continue;
    const out: RootContent[] = [];
    for (const child of children) {
      // A literal autolink the parser found beside the directive (`mailto:a.b@c.example` read
      // as `:a` and `.b@c.example`) is text again too, and is found anew in the whole text.
      const asText = (child.type === 'textDirective' && !TEXT_DIRECTIVES.has(child.name)) || isLiteralAutolink(child, markdown);
      const node: RootContent = asText ? { type: 'text', value: child.position ? sliceOf(markdown, child) : toString(child), ...(child.position ? { position: child.position } : {}) } : child;
      const last = out.at(-1);
      if (node.type === 'text' && last?.type === 'text') {
        last.value += node.value;
        if (last.position && node.position) last.position = { start: last.position.start, end: node.position.end };
      } else out.push(node);
    }
    parent.children = out as typeof parent.children;
    restored = true;
  }
  return restored;
}

/**
 * A link written as its bare address (`www.example.com`, `a@b.example`), not `[text](url)` or
 * `<url>`. Those GFM finds after parsing have no position, only their address.
 */
function isLiteralAutolink(node: RootContent, markdown: string): boolean {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0]!.type !== 'text') return false;
  const text = node.children[0]!.value;
  return node.position ? sliceOf(markdown, node) === text : [text, `mailto:${text}`, `http://${text}`].includes(node.url);
}

/** GFM's literal autolinks (`www.`, `https://`, emails, `mailto:`, `xmpp:`) in text restored from directives. */
function findLiteralAutolinks(tree: Root): void {
  for (const transform of gfmAutolinkLiteralFromMarkdown().transforms ?? []) transform(tree);
  // Links found here have no position of their own: they take their parent's.
  for (const parent of parents(tree)) {
    for (const child of parent.children as RootContent[]) if (!child.position && parent.position) child.position = parent.position;
  }
}

function resolveReferences(tree: Root, markdown: string): void {
  const definitions = new Map<string, Definition>();
  for (const parent of parents(tree)) {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child);
    }
  }
  for (const parent of parents(tree)) {
    const children = parent.children as RootContent[];
    if (!children.some((c) => c.type === 'linkReference' || c.type === 'imageReference')) continue;
    parent.children = children.map((child): RootContent => {
      if (child.type !== 'linkReference' && child.type !== 'imageReference') return child;
      const definition = definitions.get(child.identifier);
      const position = child.position!;
      if (!definition) return { type: 'text', value: sliceOf(markdown, child), position };
      const target = { url: definition.url, ...(definition.title ? { title: definition.title } : {}), position };
      if (child.type === 'imageReference') return { type: 'image', alt: child.alt ?? '', ...target } satisfies Image;
      return { type: 'link', children: child.children, ...target } satisfies Link;
    }) as typeof parent.children;
  }
}

const OPENING_TAG = /^<([a-z][a-z0-9-]*)(?:\s[^<>]*)?>$/i;
const closes = (node: RootContent, name: string) => node.type === 'html' && new RegExp(`^</${name}\\s*>$`, 'i').test(node.value.trim());

/** An element whose content is not text, opened by one piece of raw HTML and closed by a later one in the same run, becomes one piece. */
function foldRawTextElements(tree: Root, markdown: string): void {
  for (const parent of parents(tree)) {
    const children = parent.children as RootContent[];
    const opens = (node: RootContent): string | undefined => {
      const name = node.type === 'html' ? OPENING_TAG.exec(node.value.trim())?.[1]?.toLowerCase() : undefined;
      return name !== undefined && ELEMENTS_REMOVED_WITH_CONTENT.has(name) ? name : undefined;
    };
    if (!children.some((c) => opens(c) !== undefined)) continue;
    const out: RootContent[] = [];
    for (let i = 0; i < children.length; i++) {
      const opener = children[i]!;
      const name = opens(opener);
      const end = name === undefined ? -1 : children.findIndex((c, j) => j > i && closes(c, name));
      if (end === -1) {
        out.push(opener);
        continue;
      }
      const position = { start: opener.position!.start, end: children[end]!.position!.end };
      out.push({ type: 'html', value: markdown.slice(position.start.offset, position.end.offset), position } satisfies Html);
      i = end;
    }
    parent.children = out as typeof parent.children;
  }
}
