import type { Block, HeadingBlock } from '../../model/types.js';
import { renderComparison } from './comparison.js';
import { renderFigure } from './figure.js';
import type { TextEnv } from './env.js';
import { indent, stack, underlined } from './layout.js';
import { inlineText } from './inlines.js';
import { renderList } from './lists.js';
import { renderPoem } from './poem.js';
import { renderQuote } from './quote.js';
import { renderForces, renderGlossary, renderKeyLearnings, renderLoveLetters, renderPublications } from './structures.js';
import { renderTable } from './table.js';
import { displayWidth, wrapText } from '../../model/wrap.js';

/**
 * The rule under a heading shows its level (src/model/heading-nesting.ts): the section title
 * has `=`, a heading right under it `-`, the next levels `~`, `.`, `:`, `'` and `` ` ``.
 */
const HEADING_RULES = ['-', '~', '.', ':', "'", '`'];

function renderHeading(heading: HeadingBlock, width: number, env: TextEnv): string[] {
  const text = inlineText(heading.children, env).replace(/\s+/g, ' ').trim();
  const level = env.headings.levelOf(heading.depth);
  return underlined(text, HEADING_RULES[Math.min(level, HEADING_RULES.length) - 1]!, width);
}

/** Preformatted text (code, raw HTML) keeps its lines: re-wrapping would change its meaning. */
const preformatted = (value: string, env: TextEnv): string[] => env.style.text(value).replace(/\n+$/, '').split('\n').map((l) => l.trimEnd());

/** A centred `* * *`, as a typescript marks a scene break. */
export function sceneBreak(width: number): string[] {
  const mark = '* * *';
  return [' '.repeat(Math.max(0, Math.floor((width - displayWidth(mark)) / 2))) + mark];
}

/** One block as lines no wider than `width`, except unbreakable words, poem lines and code. */
export function renderBlock(block: Block, width: number, env: TextEnv): string[] {
  switch (block.type) {
    case 'paragraph':
      return wrapText(inlineText(block.children, env), width);
    case 'heading':
      return renderHeading(block, width, env);
    case 'figure':
      return renderFigure(block, width, env);
    case 'list':
      return renderList(block, width, env);
    case 'quote':
      return renderQuote(block, width, env);
    case 'code':
      return indent(preformatted(block.value, env), 4);
    case 'html':
      // Comments are notes to editors, not content.
      return /^<!--[\s\S]*-->$/.test(block.value.trim()) ? [] : preformatted(block.value, env);
    case 'thematicBreak':
      return sceneBreak(width);
    case 'table':
      return renderTable(block, width, env);
    case 'comparison':
      return renderComparison(block, width, env);
    case 'forces':
      return renderForces(block, width, env);
    case 'keyLearnings':
      return renderKeyLearnings(block, width, env);
    case 'loveLetters':
      return renderLoveLetters(block, width, env);
    case 'publications':
      return renderPublications(block, width, env);
    case 'glossary':
      return renderGlossary(block, width, env);
    case 'poem':
      return renderPoem(block, width, env);
    case 'language':
      // Plain text has no language marking; the words keep their logical order.
      return env.blocks(block.children, width);
  }
}

/** Blocks one after another, one blank line between them. */
export function renderBlocks(blocks: readonly Block[], width: number, env: Omit<TextEnv, 'blocks'>): string[] {
  const full: TextEnv = { ...env, blocks: (nested, w) => renderBlocks(nested, w, env) };
  return stack(blocks.map((block) => renderBlock(block, width, full)));
}
