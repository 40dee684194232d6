import type { PoemBlock } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { hanging, stack, underlined } from './layout.js';
import { inlineText } from './inlines.js';

/**
 * A poem exactly as its lines were written: never re-wrapped, even past the width, because a
 * poem's line breaks are part of it. Stanzas are separated by a blank line; the author follows.
 */
export function renderPoem(poem: PoemBlock, width: number, env: TextEnv): string[] {
  const title = poem.title === env.sectionTitle ? [] : underlined(env.style.text(poem.title), '-', width);
  const stanzas = poem.stanzas.map((stanza) => stanza.lines.map((line) => inlineText(line, env).replace(/\n/g, ' ')));
  const byline = poem.author
    ? [...hanging(`${env.style.dash} `, env.style.text(poem.author), width), ...(poem.authorNote ? hanging('  ', env.style.text(poem.authorNote), width) : [])]
    : [];
  return stack([title, ...stanzas, byline]);
}
