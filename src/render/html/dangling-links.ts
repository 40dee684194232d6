import type { Element, ElementContent, Root } from 'hast';
import { decodeFragment } from '../../model/url.js';

/**
 * An edition may leave out the section an in-page link points to (the summary has no glossary).
 * Such a link keeps its text but stops being a link, so nothing on the page leads nowhere.
 * Placeholders (`href="#"`) are left alone: they are the checker's to report.
 */
export function unlinkMissingTargets(root: Root): Root {
  const ids = new Set<string>();
  collectIds(root, ids);
  return { ...root, children: root.children.map((child) => (child.type === 'element' ? unlinkIn(child, ids) : child)) };
}

function collectIds(node: Root | Element, ids: Set<string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (typeof child.properties.id === 'string') ids.add(child.properties.id);
    collectIds(child, ids);
  }
}

function unlinkIn(element: Element, ids: ReadonlySet<string>): Element {
  const children = element.children.map((child): ElementContent => (child.type === 'element' ? unlinkIn(child, ids) : child));
  const href = element.tagName === 'a' ? element.properties.href : undefined;
  if (typeof href === 'string' && href.startsWith('#') && href.length > 1 && !ids.has(decodeFragment(href.slice(1)))) {
    return { type: 'element', tagName: 'span', properties: { className: ['link-outside-edition'] }, children };
  }
  return { ...element, children };
}
