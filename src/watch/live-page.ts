import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { LIVE_CLIENT_PATH } from './live-client.js';

/** Add the live-reload script to a rendered page, working on its tree (never by string search). */
export function withLiveReload(html: string): string {
  const tree: Root = fromHtml(html);
  const body = findElement(tree, 'body');
  const script: Element = { type: 'element', tagName: 'script', properties: { src: LIVE_CLIENT_PATH, defer: true }, children: [] };
  (body ?? tree).children.push(script);
  return toHtml(tree);
}

function findElement(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}
