import { didYouMean } from '../model/suggest.js';

/** The parts of an attribution such as "J, Peer worker & poet, Salford". */
export interface AttributionParts {
  person?: string;
  role?: string;
  place?: string;
}

/** A leading em dash, or `--`, marks a blockquote's last paragraph as its attribution. */
export const ATTRIBUTION_DASH = /^\s*(?:—|--)\s*/;

const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * Words that say what someone is or does rather than who they are. A part holding one of
 * them ("Participant", "Programme Lead", "Service User") is a role, never a person: lwr would
 * rather leave a person out than invent one.
 */
const ROLE_WORDS = new Set(
  (
    'participant attendee member user client patient resident tenant parent mother father mum dad carer caregiver guardian grandparent ' +
    'child daughter pupil student learner teacher lecturer volunteer worker staff employee colleague officer manager lead leader director ' +
    'chair trustee coordinator co-ordinator commissioner clinician doctor gp nurse therapist psychiatrist psychologist counsellor ' +
    'practitioner consultant specialist advisor adviser advocate mentor coach facilitator organiser organizer representative partner ' +
    'professional researcher evaluator founder owner executive ceo secretary administrator receptionist support peer friend ' +
    'neighbour neighbor survivor speaker respondent interviewee person people adult man woman men women ' +
    'programme program project service site team group community family commissioning'
  ).split(' '),
);

/** Opening words of a description: "A parent", "One of the team", "Our lead". */
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'our', 'their', 'his', 'her', 'my', 'another', 'some', 'several', 'two', 'three', 'many', 'every', 'each', 'all']);

/** Whether a part of an attribution reads as a role or a description rather than a name. */
export function readsAsDescription(part: string): boolean {
  const words = part.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean);
  if (words.length === 0) return false;
  // "A. Khan" opens with an initial, not the article.
  const initial = /^\p{Lu}\.(?:\s|$)/u.test(part.trim());
  if (!initial && DETERMINERS.has(words[0]!)) return true;
  const isRoleWord = (w: string) => ROLE_WORDS.has(w) || (w.endsWith('s') && ROLE_WORDS.has(w.slice(0, -1)));
  return words.some((w) => isRoleWord(w) || w.split('-').some(isRoleWord));
}

/** A part that is a person's name: capitalised words (up to four), none of them a role word. */
const isName = (part: string): boolean => NAME.test(part) && !readsAsDescription(part);

/**
 * Split an attribution into person, role and place, conservatively: the first part is never
 * a person when it reads as a role or description ("Participant", "A parent", "Programme
 * lead"), and with fewer than three parts only when it reads as a name. "Name, Role, Place";
 * "Name, Role"; "Role, Place"; "Role in Place"; "Name"; anything else is a role.
 * "Participant, Caia Park" is a role and a place, with no person.
 */
export function parseAttribution(text: string): AttributionParts {
  const parts = text.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  const [first = '', ...rest] = parts;
  if (parts.length >= 3) {
    // Three parts are "Name, Role, Place" unless the first says what someone is.
    return readsAsDescription(first) ? { role: first, place: rest.join(', ') } : { person: first, role: rest.slice(0, -1).join(', '), place: rest.at(-1)! };
  }
  if (parts.length === 2) {
    const second = rest[0]!;
    return isName(first) && !/\s+in\s+/.test(second) ? { person: first, role: second } : { role: first, place: second };
  }
  const inPlace = /^(.+?)\s+in\s+(.+)$/.exec(first);
  if (inPlace) return { role: inPlace[1]!, place: inPlace[2]! };
  return isName(first) ? { person: first } : first ? { role: first } : {};
}

/** The keys an explicit attribute list may set. */
export const ATTRIBUTION_KEYS = ['person', 'role', 'place'] as const;
type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];

/** An attribute list at the end of an attribution line: `{person="" role="Participant" place="Caia Park"}`. */
export const ATTRIBUTE_LIST = /\s*\{([^{}]*=[^{}]*)\}\s*$/;

/**
 * Read an explicit attribute list's text (between the braces): `key="value"`, `key='value'`
 * or `key=value`, separated by spaces. Returns the values, or the problem in words.
 */
export function parseAttributeList(list: string): { values: Partial<Record<AttributionKey, string>> } | { problem: string } {
  const values: Partial<Record<AttributionKey, string>> = {};
  const pattern = /\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*/y;
  let at = 0;
  while (at < list.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(list);
    if (!match) {
      if (list.slice(at).trim() === '') break;
      return { problem: `cannot read "${list.slice(at).trim()}": write key="value" pairs separated by spaces` };
    }
    const key = match[1]!;
    if (!(ATTRIBUTION_KEYS as readonly string[]).includes(key)) {
      const guess = didYouMean(key, ATTRIBUTION_KEYS);
      return { problem: `"${key}" is not an attribution key; ${guess ? `did you mean "${guess}"?` : `use ${ATTRIBUTION_KEYS.join(', ')}`}` };
    }
    values[key as AttributionKey] = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    at = pattern.lastIndex;
  }
  return { values };
}

/** Explicit values over parsed ones; an empty value (`person=""`) says there is none. */
export function withExplicitParts(parsed: AttributionParts, explicit: Partial<Record<AttributionKey, string>>): AttributionParts {
  const out: AttributionParts = { ...parsed };
  for (const key of ATTRIBUTION_KEYS) {
    const value = explicit[key];
    if (value === undefined) continue;
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}
