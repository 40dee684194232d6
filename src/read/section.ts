import type { FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { blocksText, flatText } from '../model/text.js';
import type { Block, Footnote, GlossaryEntry, Inline, LinkRecord, PoemBlock, Section } from '../model/types.js';
import { walkBlocks } from '../model/walk.js';
import { convertBlocks } from './blocks.js';
import { positionOf, type ReadContext } from './context.js';
import type { ParsedFile } from './front-matter.js';
import type { AssetReader } from './load.js';
import { convertInlines } from './inline.js';
import { findExcessiveNesting, findExcessiveTreeDepth, isStackOverflow, MAX_NESTING } from './nesting.js';
import type { AnchorRegistry } from './slug.js';
import { standardiseTree } from './standard-markdown.js';
import { parseMarkdownTree } from './markdown-parser.js';

/** Parse Markdown into mdast (GFM and directives), references resolved (standard-markdown.ts). */
export const parseMarkdown = (markdown: string): Root => {
  const tree = parseCache?.get(markdown) ?? standardiseTree(parseMarkdownTree(markdown), markdown);
  parseCache?.set(markdown, tree); // also on a hit: the cache learns which trees are still in use
  return tree;
};

/** Where parsed trees are kept between reads, by Markdown text. */
export interface ParseCache {
  get(markdown: string): Root | undefined;
  set(markdown: string, tree: Root): void;
}

let parseCache: ParseCache | undefined;

/**
 * Keep parsed trees by Markdown text, for long-running processes (lwr watch) where most files
 * do not change between rebuilds. The reader never mutates a tree, so reuse is safe.
 */
export function useParseCache(cache: ParseCache | undefined): void {
  parseCache = cache;
}

/**
 * Read one content file's body into a section; undefined (with a fatal diagnostic) when the
 * Markdown nests too deeply to read safely. Footnote numbers are assigned later, report-wide.
 */
export function readSection(file: string, parsed: ParsedFile, shared: { anchors: AnchorRegistry; links: LinkRecord[]; diagnostics: Diagnostic[]; assets?: AssetReader }): Section | undefined {
  const fm = parsed.frontMatter;
  const tooDeep = (line: number, message: string) => {
    shared.diagnostics.push(diagnostic('content-too-deep', 'error', message, { file, line: line + parsed.lineOffset, column: 1 }, { fatal: true }));
    return undefined;
  };
  const deepPrefix = findExcessiveNesting(parsed.body);
  if (deepPrefix) return tooDeep(deepPrefix.line, `blockquotes or lists nest ${deepPrefix.depth} levels deep; lwr reads at most ${MAX_NESTING}`);
  const tree = parseWithinStack(parsed.body);
  if ('overflowLine' in tree) return tooDeep(tree.overflowLine, `emphasis, links or HTML nest too deeply here to be read; lwr reads at most ${MAX_NESTING} levels`);
  const deepTree = findExcessiveTreeDepth(tree);
  if (deepTree) return tooDeep(deepTree.line, `emphasis, links, quotes, lists or HTML elements nest ${deepTree.depth} levels deep; lwr reads at most ${MAX_NESTING}`);
  const ctx: ReadContext = { file, lineOffset: parsed.lineOffset, body: parsed.body, sectionId: fm.id, anchors: shared.anchors, links: shared.links, diagnostics: shared.diagnostics, quoteCount: 0, figureCount: 0, ignores: [], ...(shared.assets ? { assets: shared.assets } : {}) };
  const { title, nodes } = sectionTitle(fm, tree.children, ctx);
  let blocks = convertBlocks(nodes, ctx);
  warnTopLevelHeadings(blocks, ctx);
  if (fm.kind === 'poem') blocks = gatherPoem(blocks, { ...fm, title }, ctx);
  if (fm.kind === 'glossary') blocks = gatherGlossary(blocks, ctx);

  const footnotes: Footnote[] = tree.children
    .filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition')
    .map((definition) => {
      const children = convertBlocks(definition.children, ctx);
      const label = definition.label ?? definition.identifier;
      return { id: `${fm.id}-fn-${label}`, label, number: 0, sectionId: fm.id, children, text: blocksText(children), source: positionOf(ctx, definition) };
    });
  for (const footnote of footnotes) shared.anchors.claim(footnote.id);

  const section: Section = { id: fm.id, title, kind: fm.kind, blocks, footnotes, ignores: ctx.ignores, source: { file, line: 1, column: 1 } };
  if (fm.kind === 'learning' && fm.number !== undefined) {
    section.learning = { number: fm.number };
    if (fm.attribution) section.learning.attribution = fm.attribution;
  }
  if (fm.editions) section.editions = fm.editions;
  for (const key of ['date', 'description', 'tags', 'authors', 'lang'] as const) {
    if (fm[key] !== undefined) (section as unknown as Record<string, unknown>)[key] = fm[key];
  }
  return section;
}

/**
 * The section's title and the body nodes that remain. Front matter's `title` wins (a first
 * `#` heading repeating it is dropped, as the title is already set above the body); without
 * it, the body's first `#` heading is the title; without either, the file name gives one, with
 * a warning.
 */
function sectionTitle(fm: ParsedFile['frontMatter'], nodes: readonly RootContent[], ctx: ReadContext): { title: string; nodes: RootContent[] } {
  const index = nodes.findIndex((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const heading = index === -1 ? undefined : (nodes[index] as Heading);
  // The heading's text only: a throwaway context, so links in it are not registered.
  const headingText = heading ? flatText(convertInlines(heading.children, { ...ctx, links: [], diagnostics: [] })) : '';
  const without = () => nodes.filter((_, i) => i !== index);
  if (fm.title !== undefined) {
    const repeatsTitle = index === firstContentIndex(nodes) && headingText.toLowerCase() === fm.title.toLowerCase();
    return { title: fm.title, nodes: repeatsTitle ? without() : [...nodes] };
  }
  if (heading && headingText !== '') return { title: headingText, nodes: without() };
  const title = titleFromId(fm.id);
  ctx.diagnostics.push(
    diagnostic('title-missing', 'warning', `the section has no title, so lwr calls it "${title}" after its file name`, { file: ctx.file, line: 1, column: 1 }, {
      hint: 'start the file with a # heading, or give it a title: in front matter',
    }),
  );
  return { title, nodes: [...nodes] };
}

/** Index of the first node that is not an HTML comment (an lwr-ignore comment may come first). */
const firstContentIndex = (nodes: readonly RootContent[]): number => nodes.findIndex((n) => !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())));

/** `appendix-data` → `Appendix data`. */
const titleFromId = (id: string): string => {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The section title is its only level-one heading: any `#` left in the body gets a warning. */
function warnTopLevelHeadings(blocks: readonly Block[], ctx: ReadContext): void {
  walkBlocks(blocks, (block) => {
    if (block.type !== 'heading' || block.depth !== 1) return;
    ctx.diagnostics.push(
      diagnostic('heading-level-one', 'warning', `"${block.text}" is a # heading inside the section; only the section's title is a # heading`, block.source, {
        hint: 'write ## for a heading under the title (or make this part a file of its own)',
      }),
    );
  });
}

/**
 * Parse Markdown whose nesting the line scan could not see (emphasis or links inside each
 * other thousands deep): the parser recurses once per level and can run out of stack. Then
 * the body is parsed again a block at a time to name the line that cannot be read.
 */
function parseWithinStack(body: string): Root | { overflowLine: number } {
  try {
    return parseMarkdown(body);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
  }
  let line = 1;
  for (const block of body.split(/(?<=\n[ \t]*\n)/)) {
    try {
      parseMarkdown(block);
    } catch (error) {
      if (isStackOverflow(error)) return { overflowLine: line };
      throw error;
    }
    line += block.split('\n').length - 1;
  }
  return { overflowLine: 1 };
}

/**
 * Split inlines into lines at hard breaks and soft line endings, also inside emphasis or a
 * link that spans lines (each line then keeps its own part of the emphasis).
 */
function splitLines(inlines: readonly Inline[]): Inline[][] {
  return splitAtBreaks(inlines).filter((l) => l.length > 0);
}

function splitAtBreaks(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    if (inline.type === 'break') lines.push([]);
    else if (inline.type === 'text' && inline.value.includes('\n')) {
      inline.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else if ('children' in inline) {
      splitAtBreaks(inline.children).forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part.length) lines.at(-1)!.push({ ...inline, children: part } as Inline);
      });
    } else lines.at(-1)!.push(inline);
  }
  return lines;
}

/** A poem's paragraphs are its stanzas, one line per hard break. */
function gatherPoem(blocks: Block[], fm: ParsedFile['frontMatter'] & { title: string }, ctx: ReadContext): Block[] {
  const stanzas = blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  if (stanzas.length === 0) return blocks;
  const poem: PoemBlock = {
    type: 'poem',
    id: ctx.anchors.unique(`${fm.id}-poem`),
    title: fm.title,
    stanzas: stanzas.map((p) => ({ lines: splitLines(p.children), source: p.source })),
    source: stanzas[0]!.source,
  };
  if (fm.author) poem.author = fm.author;
  if (fm.authorNote) poem.authorNote = fm.authorNote;
  const firstIndex = blocks.indexOf(stanzas[0]!);
  const rest = blocks.filter((b) => b.type !== 'paragraph');
  return [...rest.slice(0, firstIndex), poem, ...rest.slice(firstIndex)];
}

/** In a glossary, each paragraph that marks a `:term[…]` is that term's definition. */
function gatherGlossary(blocks: Block[], ctx: ReadContext): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const term = block.type === 'paragraph' ? findTerm(block.children) : undefined;
    if (!term || block.type !== 'paragraph') {
      out.push(block);
      continue;
    }
    const name = flatText(term.children);
    term.termId = ctx.anchors.unique(`term-${name}`);
    const entry: GlossaryEntry = { id: term.termId, term: name, definition: block.children, text: flatText(block.children), source: block.source };
    const last = out.at(-1);
    if (last?.type === 'glossary') last.entries.push(entry);
    else out.push({ type: 'glossary', entries: [entry], source: block.source });
  }
  return out;
}

function findTerm(inlines: readonly Inline[]): Extract<Inline, { type: 'term' }> | undefined {
  for (const inline of inlines) {
    if (inline.type === 'term') return inline;
    if ('children' in inline) {
      const nested = findTerm(inline.children);
      if (nested) return nested;
    }
  }
  return undefined;
}
