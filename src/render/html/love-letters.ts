import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { LoveLettersBlock } from '../../model/types.js';

/** The people the report writes love letters to: name, then role and place. */
export function renderLoveLetters(block: LoveLettersBlock): ElementContent {
  return h(
    'ul.love-letters',
    block.letters.map((letter) => {
      const details = [
        letter.role ? h('span.love-letter-role', letter.role) : undefined,
        letter.role && letter.place ? ', ' : undefined,
        letter.place ? h('span.love-letter-place', letter.place) : undefined,
      ];
      return h('li.love-letter', [
        h('span.love-letter-name', letter.name),
        letter.role || letter.place ? h('span.love-letter-details', details) : undefined,
      ]);
    }),
  );
}
