import type { Blockquote, List, Paragraph, RootContent, Table } from 'mdast';
import type {} from 'mdast-util-directive';
import type { ContainerDirective } from 'mdast-util-directive';
import { diagnostic } from '../model/diagnostic.js';
import { flatText, plainText } from '../model/text.js';
import type { Block, Inline, ListBlock, ListItem, QuoteBlock, SourcePosition, TableBlock } from '../model/types.js';
import { ATTRIBUTE_LIST, ATTRIBUTION_DASH, parseAttributeList, parseAttribution, withExplicitParts } from './attribution.js';
import { positionOf, sourceOf, type ReadContext } from './context.js';
import { convertDirective } from './directives.js';
import { figureFromParagraph, loneImage } from './figure.js';
import { readIgnoreComment } from './ignore-comments.js';
import { convertInlines } from './inline.js';

/** Convert mdast block content into model blocks. Footnote definitions are handled by the caller. */
export function convertBlocks(nodes: readonly RootContent[], ctx: ReadContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const block = convertBlock(node, ctx);
    if (block) out.push(block);
  }
  return out;
}

function convertBlock(node: RootContent, ctx: ReadContext): Block | undefined {
  const source = positionOf(ctx, node);
  switch (node.type) {
    case 'paragraph': {
      const image = loneImage(node);
      if (image) return figureFromParagraph(node, image, ctx);
      return { type: 'paragraph', children: convertInlines(node.children, ctx), source };
    }
    case 'heading': {
      const children = convertInlines(node.children, ctx);
      const text = flatText(children);
      const anchor = ctx.anchors.heading(text);
      // The old id is only a candidate alias: the reader keeps it once every real id is known.
      return { type: 'heading', depth: node.depth, id: anchor.id, ...(anchor.legacyId ? { aliases: [anchor.legacyId] } : {}), text, children, source };
    }
    case 'list':
      return convertList(node, ctx);
    case 'blockquote':
      return convertBlockquote(node, ctx);
    case 'code': {
      const block: Block = { type: 'code', value: node.value, source };
      if (node.lang) block.lang = node.lang;
      return block;
    }
    case 'thematicBreak':
      return { type: 'thematicBreak', source };
    case 'html': {
      // An lwr-ignore comment is not content: it silences rules for a block, a range or the file.
      if (readIgnoreComment(node.value, source.line, ctx.ignores)) return undefined;
      return { type: 'html', value: node.value, source };
    }
    case 'table':
      return convertTable(node, ctx);
    case 'containerDirective':
      return convertDirective(node as ContainerDirective, ctx, convertBlocks);
    case 'leafDirective':
      return { type: 'paragraph', children: [{ type: 'text', value: sourceOf(ctx, node) }], source };
    case 'footnoteDefinition':
    case 'definition':
    case 'yaml':
      return undefined;
    default:
      return { type: 'paragraph', children: [{ type: 'text', value: sourceOf(ctx, node) }], source };
  }
}

/**
 * A list, loose or tight as CommonMark decides: loose when its items are separated by blank
 * lines or an item holds blocks separated by one (mdast's `spread`).
 */
export function convertList(node: List, ctx: ReadContext): ListBlock {
  const items: ListItem[] = node.children.map((item) => {
    const converted: ListItem = { children: convertBlocks(item.children, ctx), source: positionOf(ctx, item) };
    if (typeof item.checked === 'boolean') converted.checked = item.checked;
    return converted;
  });
  const loose = Boolean(node.spread) || node.children.some((item) => item.spread ?? item.children.length > 1);
  const list: ListBlock = { type: 'list', ordered: node.ordered ?? false, loose, items, source: positionOf(ctx, node) };
  if (node.ordered && node.start !== null && node.start !== undefined) list.start = node.start;
  return list;
}

/**
 * A GFM table. As GFM defines it, every row has the header's number of cells: a short row is
 * filled with empty cells; a long row's extra cells are not shown, and a warning says so.
 */
function convertTable(node: Table, ctx: ReadContext): TableBlock {
  const columns = node.children[0]?.children.length ?? 0;
  const rows = node.children.map((row) => {
    const cells = row.children.map((cell) => convertInlines(cell.children, ctx));
    if (cells.length > columns) {
      ctx.diagnostics.push(diagnostic('table-cells-ignored', 'warning', `this table row has ${cells.length} cells but the table has ${columns} columns; the last ${cells.length - columns} are not shown`, positionOf(ctx, row), { hint: 'add the columns to the header row, or remove the extra cells' }));
    }
    return Array.from({ length: columns }, (_, c) => cells[c] ?? []);
  });
  return { type: 'table', align: Array.from({ length: columns }, (_, c) => node.align?.[c] ?? null), rows, source: positionOf(ctx, node) };
}

/**
 * A blockquote whose last paragraph starts with an em dash (or --) is a quote, and that
 * paragraph is its attribution; any other blockquote stays a plain blockquote.
 */
function convertBlockquote(node: Blockquote, ctx: ReadContext): Block {
  const source = positionOf(ctx, node);
  const last = node.children.at(-1);
  const first = last?.type === 'paragraph' ? last.children[0] : undefined;
  const isAttribution = last?.type === 'paragraph' && first?.type === 'text' && ATTRIBUTION_DASH.test(first.value) && node.children.length > 1;
  ctx.quoteCount++;
  const id = `${ctx.sectionId}-quote-${ctx.quoteCount}`;
  ctx.anchors.claim(id);
  if (!isAttribution) {
    return { type: 'quote', id, children: convertBlocks(node.children, ctx), source };
  }
  const attributionParagraph = last as Paragraph;
  const children = convertBlocks(node.children.slice(0, -1), ctx);
  const at = positionOf(ctx, attributionParagraph);
  const { inlines, explicit } = takeAttributeList(stripLeadingDash(convertInlines(attributionParagraph.children, ctx)), at, ctx);
  const text = flatText(inlines);
  const quote: QuoteBlock = { type: 'quote', id, children, source };
  quote.attribution = { text, children: inlines, ...withExplicitParts(parseAttribution(text), explicit), source: at };
  if (text === '') {
    delete quote.attribution;
    ctx.diagnostics.push(diagnostic('quote-unattributed', 'error', 'the attribution after the dash is empty', positionOf(ctx, attributionParagraph)));
  }
  return quote;
}

/**
 * An attribute list closing the attribution line (`{person="" role="Participant"}`) says
 * what the parts are, where lwr's reading would guess; it is taken off the shown text.
 */
function takeAttributeList(inlines: Inline[], at: SourcePosition, ctx: ReadContext): { inlines: Inline[]; explicit: Parameters<typeof withExplicitParts>[1] } {
  const last = inlines.at(-1);
  const match = last?.type === 'text' ? ATTRIBUTE_LIST.exec(last.value) : null;
  if (!match || last?.type !== 'text') return { inlines, explicit: {} };
  const value = last.value.slice(0, match.index);
  const rest = value ? [...inlines.slice(0, -1), { type: 'text' as const, value }] : inlines.slice(0, -1);
  const list = parseAttributeList(match[1]!);
  if ('problem' in list) {
    ctx.diagnostics.push(
      diagnostic('attribution-attributes', 'error', `the attribute list on this attribution: ${list.problem}`, at, { hint: 'for example {person="" role="Participant" place="Caia Park"}' }),
    );
    return { inlines: rest, explicit: {} };
  }
  return { inlines: rest, explicit: list.values };
}

function stripLeadingDash(inlines: Inline[]): Inline[] {
  const [first, ...rest] = inlines;
  if (first?.type !== 'text') return inlines;
  const value = first.value.replace(ATTRIBUTION_DASH, '');
  return value ? [{ type: 'text', value }, ...rest] : rest;
}

/** Plain text of a paragraph's inlines, for directives that read items as data. */
export const paragraphText = (inlines: readonly Inline[]): string => plainText(inlines);
