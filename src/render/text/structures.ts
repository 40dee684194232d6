import type { ForcesBlock, GlossaryBlock, KeyLearningsBlock, LoveLettersBlock, PublicationsBlock } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { indent, stack } from './layout.js';
import { inlineText } from './inlines.js';
import { markedItems } from './lists.js';
import { wrapText } from '../../model/wrap.js';

/** How far a definition or a force's text is set in under its name. */
const DEFINITION_INDENT = 4;

/** A name on its own line with its text indented beneath it, as a dictionary sets a term. */
function definition(name: string, body: (width: number) => string[], width: number): string[] {
  return [...wrapText(name, width), ...indent(body(Math.max(1, width - DEFINITION_INDENT)), DEFINITION_INDENT)];
}

/** The forces (Purpose, Power, Practice): each name, then its paragraphs indented. */
export function renderForces(forces: ForcesBlock, width: number, env: TextEnv): string[] {
  return stack(forces.forces.map((force) => definition(env.style.text(force.name), (w) => env.blocks(force.children, w), width)));
}

/** The glossary: each term, then its defining paragraph indented. */
export function renderGlossary(glossary: GlossaryBlock, width: number, env: TextEnv): string[] {
  return stack(glossary.entries.map((entry) => definition(env.style.text(entry.term), (w) => wrapText(inlineText(entry.definition, env), w), width)));
}

/** The "three big things": numbered as the learnings are. */
export function renderKeyLearnings(block: KeyLearningsBlock, width: number, env: TextEnv): string[] {
  return markedItems(block.items.map((item) => `${item.number}.`), width, (i, w) => wrapText(inlineText(block.items[i]!.children, env), w), false);
}

/** The love letters: each person's name, with their role and place on the line below. */
export function renderLoveLetters(block: LoveLettersBlock, width: number, env: TextEnv): string[] {
  return markedItems(block.letters.map(() => '-'), width, (i, w) => {
    const letter = block.letters[i]!;
    const about = [letter.role, letter.place].filter(Boolean).join(', ');
    return [...wrapText(env.style.text(letter.name), w), ...(about ? wrapText(env.style.text(about), w) : [])];
  }, false);
}

/** The publications: each title and subtitle as written (its line break kept), then its description. */
export function renderPublications(block: PublicationsBlock, width: number, env: TextEnv): string[] {
  return markedItems(block.items.map(() => '-'), width, (i, w) => {
    const publication = block.items[i]!;
    return stack([wrapText(inlineText(publication.heading, env), w), env.blocks(publication.children, w)]);
  }, true);
}
