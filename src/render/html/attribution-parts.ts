import type { Attribution } from '../../model/types.js';

/** A run of an attribution's text, marked when it is the person, their role or their place. */
export interface AttributionPart {
  text: string;
  kind?: 'person' | 'role' | 'place';
}

/**
 * Split an attribution's text as written ("J, Peer worker & poet, Salford") into runs, marking
 * the person, role and place the reader found. The text is kept exactly, punctuation and all;
 * a part that cannot be found where expected is simply not marked.
 */
export function attributionParts(attribution: Pick<Attribution, 'text' | 'person' | 'role' | 'place'>): AttributionPart[] {
  const parts: AttributionPart[] = [];
  let rest = attribution.text;
  for (const kind of ['person', 'role', 'place'] as const) {
    const value = attribution[kind];
    if (!value) continue;
    const at = rest.indexOf(value);
    if (at < 0) continue;
    if (at > 0) parts.push({ text: rest.slice(0, at) });
    parts.push({ text: value, kind });
    rest = rest.slice(at + value.length);
  }
  if (rest) parts.push({ text: rest });
  return parts;
}
