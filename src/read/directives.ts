import type { Heading, List, Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { diagnostic } from '../model/diagnostic.js';
import { flatText, plainText } from '../model/text.js';
import type { Block, ComparisonBlock, ComparisonSide, ComparisonTheme, Force, ForcesBlock, Inline, KeyLearningsBlock, LoveLetter, Publication } from '../model/types.js';
import { positionOf, type ReadContext } from './context.js';
import { readFigureDirective } from './figure.js';
import { convertInlines } from './inline.js';
import { readLanguage } from './language.js';

type ConvertBlocks = (nodes: readonly RootContent[], ctx: ReadContext) => Block[];

const KNOWN = ['comparison', 'figure', 'forces', 'key-learnings', 'lang', 'love-letters', 'publications'];

/** Convert a container directive (`:::name`) into its model block. */
export function convertDirective(node: ContainerDirective, ctx: ReadContext, convertBlocks: ConvertBlocks): Block | undefined {
  const fail = (message: string, hint?: string) => {
    ctx.diagnostics.push(diagnostic('directive-shape', 'error', `:::${node.name}: ${message}`, positionOf(ctx, node), { fatal: true, ...(hint ? { hint } : {}) }));
    return undefined;
  };
  switch (node.name) {
    case 'comparison':
      return readComparison(node, ctx) ?? fail('needs two ### sides, each with the same number of #### themes followed by a list', 'see docs/content-conventions.md');
    case 'figure':
      return readFigureDirective(node, ctx) ?? fail('needs one paragraph holding only the image, at most one caption paragraph, and optionally a last paragraph starting with — (the credit)', 'see "Figures" in docs/content-conventions.md');
    case 'forces':
      return readForces(node, ctx, convertBlocks) ?? fail('needs #### headings, each followed by its paragraphs');
    case 'key-learnings':
      return readKeyLearnings(node, ctx) ?? fail('needs one ordered list');
    case 'love-letters':
      return readLoveLetters(node, ctx) ?? fail('needs one bullet list of "Name | Role, Place" items');
    case 'publications':
      return readPublications(node, ctx, convertBlocks) ?? fail('needs one bullet list whose items start with a bold title');
    case 'lang': {
      const language = readLanguage(node, ctx);
      const children = convertBlocks(node.children, ctx);
      return language ? { type: 'language', ...language, children, source: positionOf(ctx, node) } : undefined;
    }
    default:
      return fail(`unknown directive`, `known directives: ${KNOWN.join(', ')}`);
  }
}

function readComparison(node: ContainerDirective, ctx: ReadContext): ComparisonBlock | undefined {
  const headings = node.children.filter((c): c is Heading => c.type === 'heading');
  if (headings.length === 0) return undefined;
  const sideDepth = Math.min(...headings.map((h) => h.depth));
  const sides: { side: ComparisonSide; themes: ComparisonTheme[] }[] = [];
  let theme: ComparisonTheme | undefined;
  for (const child of node.children) {
    if (child.type === 'heading' && child.depth === sideDepth) {
      const heading = convertInlines(child.children, ctx);
      sides.push({ side: { heading, headingText: flatText(heading), key: emphasisedWord(heading) }, themes: [] });
      theme = undefined;
    } else if (child.type === 'heading') {
      if (!sides.length) return undefined;
      theme = { title: flatText(convertInlines(child.children, ctx)), points: [], source: positionOf(ctx, child) };
      sides.at(-1)!.themes.push(theme);
    } else if (child.type === 'list' && theme) {
      for (const item of child.children) {
        theme.points.push({ children: item.children.flatMap((c) => (c.type === 'paragraph' ? [{ type: 'paragraph' as const, children: convertInlines(c.children, ctx), source: positionOf(ctx, c) }] : [])), source: positionOf(ctx, item) });
      }
    } else {
      return undefined;
    }
  }
  const [left, right] = sides;
  if (sides.length !== 2 || !left || !right || left.themes.length !== right.themes.length || left.themes.length === 0) return undefined;
  const id = ctx.anchors.unique(`${left.side.key}-${right.side.key}`);
  return { type: 'comparison', id, left: left.side, right: right.side, pairs: left.themes.map((l, i) => ({ left: l, right: right.themes[i]! })), source: positionOf(ctx, node) };
}

/** "Characteristics of **mechanistic** systems" → "mechanistic". */
function emphasisedWord(inlines: Inline[]): string {
  const strong = inlines.find((i) => i.type === 'strong' || i.type === 'emphasis');
  return (strong && 'children' in strong ? plainText(strong.children) : flatText(inlines)).trim().toLowerCase();
}

function readForces(node: ContainerDirective, ctx: ReadContext, convertBlocks: ConvertBlocks): ForcesBlock | undefined {
  const variant = node.attributes?.variant === 'possibilities' ? 'possibilities' : 'forces';
  const forces: Force[] = [];
  const pending: RootContent[] = [];
  const flush = () => {
    const force = forces.at(-1);
    if (force) force.children = convertBlocks(pending.splice(0), ctx);
  };
  for (const child of node.children) {
    if (child.type === 'heading') {
      flush();
      const name = flatText(convertInlines(child.children, ctx));
      forces.push({ name, id: ctx.anchors.unique(`${variant}-${name}`), children: [], source: positionOf(ctx, child) });
    } else if (forces.length === 0) {
      return undefined;
    } else {
      pending.push(child);
    }
  }
  flush();
  return forces.length ? { type: 'forces', variant, forces, source: positionOf(ctx, node) } : undefined;
}

function onlyList(node: ContainerDirective): List | undefined {
  const lists = node.children.filter((c): c is List => c.type === 'list');
  return lists.length === 1 && node.children.length === 1 ? lists[0] : undefined;
}

function firstParagraph(item: List['children'][number]): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

function readKeyLearnings(node: ContainerDirective, ctx: ReadContext): KeyLearningsBlock | undefined {
  const list = onlyList(node);
  if (!list?.ordered) return undefined;
  const items = list.children.map((item, index) => {
    const children = convertInlines(firstParagraph(item)?.children ?? [], ctx);
    return { number: (list.start ?? 1) + index, children, text: flatText(children), source: positionOf(ctx, item) };
  });
  return { type: 'keyLearnings', items, source: positionOf(ctx, node) };
}

function readLoveLetters(node: ContainerDirective, ctx: ReadContext): Block | undefined {
  const list = onlyList(node);
  if (!list || list.ordered) return undefined;
  const letters: LoveLetter[] = list.children.map((item) => {
    const text = flatText(convertInlines(firstParagraph(item)?.children ?? [], ctx));
    const [name, rest] = text.split(/\s*\|\s*/, 2) as [string, string | undefined];
    const letter: LoveLetter = { name: name.trim(), text, source: positionOf(ctx, item) };
    if (rest) {
      const comma = rest.lastIndexOf(',');
      if (comma === -1) letter.role = rest.trim();
      else {
        letter.role = rest.slice(0, comma).trim();
        letter.place = rest.slice(comma + 1).trim();
      }
    }
    return letter;
  });
  return { type: 'loveLetters', letters, source: positionOf(ctx, node) };
}

function readPublications(node: ContainerDirective, ctx: ReadContext, convertBlocks: ConvertBlocks): Block | undefined {
  const list = onlyList(node);
  if (!list) return undefined;
  const items: Publication[] = [];
  for (const item of list.children) {
    const paragraph = firstParagraph(item);
    if (!paragraph) return undefined;
    const heading = convertInlines(paragraph.children, ctx);
    const [title = '', ...subtitle] = plainText(heading).split('\n');
    const publication: Publication = { title: title.trim().replace(/:$/, ''), heading, children: convertBlocks(item.children.slice(1), ctx), source: positionOf(ctx, item) };
    const sub = subtitle.join(' ').replace(/\s+/g, ' ').trim();
    if (sub) publication.subtitle = sub;
    items.push(publication);
  }
  return { type: 'publications', items, source: positionOf(ctx, node) };
}
