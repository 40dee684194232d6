import type { Block, Inline, Section } from './types.js';

/** The blocks nested directly inside a block (list items, quotes, forces, publications…). */
export function childBlocks(block: Block): Block[][] {
  switch (block.type) {
    case 'list':
      return block.items.map((i) => i.children);
    case 'quote':
    case 'language':
      return [block.children];
    case 'forces':
      return block.forces.map((f) => f.children);
    case 'publications':
      return block.items.map((p) => p.children);
    case 'comparison':
      return block.pairs.flatMap((p) => [...p.left.points, ...p.right.points].map((i) => i.children));
    default:
      return [];
  }
}

/** The runs of inline content held directly by a block (not by its child blocks). */
export function ownInlines(block: Block): Inline[][] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.children];
    case 'figure':
      return [[block.image], block.caption, ...(block.credit ? [block.credit] : [])];
    case 'table':
      return block.rows.flat();
    case 'quote':
      return block.attribution ? [block.attribution.children] : [];
    case 'comparison':
      return [block.left.heading, block.right.heading];
    case 'keyLearnings':
      return block.items.map((i) => i.children);
    case 'publications':
      return block.items.map((p) => p.heading);
    case 'glossary':
      return block.entries.map((e) => e.definition);
    case 'poem':
      return block.stanzas.flatMap((s) => s.lines);
    default:
      return [];
  }
}

/** Visit every block, depth first, in reading order. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block, ancestors: readonly Block[]) => void, ancestors: Block[] = []): void {
  for (const block of blocks) {
    visit(block, ancestors);
    ancestors.push(block);
    for (const children of childBlocks(block)) walkBlocks(children, visit, ancestors);
    ancestors.pop();
  }
}

/** Visit every inline, depth first, in reading order. */
export function walkInlines(inlines: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of inlines) {
    visit(inline);
    if ('children' in inline) walkInlines(inline.children, visit);
  }
}

/** Visit every inline of a section: its blocks, then its footnotes. */
export function walkSectionInlines(section: Section, visit: (inline: Inline, block: Block) => void): void {
  const visitBlocks = (blocks: readonly Block[]) =>
    walkBlocks(blocks, (block) => {
      for (const run of ownInlines(block)) walkInlines(run, (inline) => visit(inline, block));
    });
  visitBlocks(section.blocks);
  for (const footnote of section.footnotes) visitBlocks(footnote.children);
}
