import type { Element, ElementContent, Root } from 'hast';

/** Elements whose children are blocks: a newline between them changes nothing a reader sees. */
const BLOCK_CONTAINERS = new Set([
  'section', 'header', 'footer', 'div', 'figure', 'blockquote', 'ul', 'ol', 'dl', 'dd', 'table', 'thead', 'tbody', 'tr',
]);

/**
 * Put each block of the tree on its own line, so the published HTML (and the fixtures that
 * record it) can be read and diffed. Only block containers whose children are all elements
 * are touched: inline content keeps its exact whitespace.
 */
export function lineBreakBlocks<T extends Root | Element>(node: T): T {
  const children = node.children.map((child) => (child.type === 'element' ? lineBreakBlocks(child) : child));
  const isContainer = node.type === 'root' || BLOCK_CONTAINERS.has(node.tagName);
  if (!isContainer || children.length === 0 || children.some((child) => child.type !== 'element')) return { ...node, children };
  const spaced: ElementContent[] = [{ type: 'text', value: '\n' }];
  for (const child of children as ElementContent[]) spaced.push(child, { type: 'text', value: '\n' });
  return { ...node, children: spaced };
}
