import type { PhrasingContent } from 'mdast';
import type {} from 'mdast-util-directive';
import type { Inline } from '../model/types.js';
import { positionOf, sourceOf, type ReadContext } from './context.js';
import { readImage } from './image.js';
import { readLanguage } from './language.js';
import { classifyUrl } from '../model/link-kind.js';
import { plainText } from '../model/text.js';

/** Convert mdast phrasing content into model inlines, registering links as it goes. */
export function convertInlines(nodes: readonly PhrasingContent[], ctx: ReadContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) out.push(...convertInline(node, ctx));
  return mergeText(out);
}

function convertInline(node: PhrasingContent, ctx: ReadContext): Inline[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value }];
    case 'strong':
      return [{ type: 'strong', children: convertInlines(node.children, ctx) }];
    case 'emphasis':
      return [{ type: 'emphasis', children: convertInlines(node.children, ctx) }];
    case 'delete':
      return [{ type: 'delete', children: convertInlines(node.children, ctx) }];
    case 'inlineCode':
      return [{ type: 'inlineCode', value: node.value }];
    case 'break':
      return [{ type: 'break' }];
    case 'html':
      return [{ type: 'html', value: node.value, source: positionOf(ctx, node) }];
    case 'link': {
      const children = convertInlines(node.children, ctx);
      const source = positionOf(ctx, node);
      const id = `link-${ctx.links.length + 1}`;
      const written = sourceOf(ctx, node);
      ctx.links.push({
        id,
        url: node.url,
        text: plainText(children, { imageAlt: true }),
        kind: classifyUrl(node.url),
        sectionId: ctx.sectionId,
        autolink: !written.startsWith('['),
        source,
      });
      const link: Inline = { type: 'link', url: node.url, linkId: id, children, source };
      if (node.title) link.title = node.title;
      return [link];
    }
    case 'footnoteReference':
      return [{ type: 'footnoteReference', label: node.label ?? node.identifier, number: 0, source: positionOf(ctx, node) }];
    case 'textDirective':
      if (node.name === 'term') {
        return [{ type: 'term', termId: '', children: convertInlines(node.children, ctx) }];
      }
      if (node.name === 'lang') {
        const language = readLanguage(node, ctx);
        const children = convertInlines(node.children, ctx);
        return language ? [{ type: 'language', ...language, children }] : children;
      }
      // The reader turns other text directives back into text before conversion; kept as a guard.
      return [{ type: 'text', value: sourceOf(ctx, node) }];
    case 'image':
      return [readImage(node, ctx)];
    default:
      // Other rare nodes (references are resolved before conversion): keep what was written.
      return [{ type: 'text', value: sourceOf(ctx, node) }];
  }
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === 'text' && last?.type === 'text') last.value += inline.value;
    else if (inline.type !== 'text' || inline.value !== '') out.push(inline);
  }
  return out;
}
