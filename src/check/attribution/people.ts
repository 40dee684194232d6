import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { ruleDiagnostic, where, type At } from '../rule-diagnostic.js';

/** One place where the report names a person, with what it says about them. */
export interface NameMention {
  name: string;
  as: 'author' | 'designer' | 'programme manager' | 'quoted' | 'poet' | 'love letter';
  role?: string;
  place?: string;
  /** Free text about the person (a poem's author note). */
  note?: string;
  at: At;
}

/** Every name the report gives a person, in reading order (report.yaml first). */
export function nameMentions(report: Report): NameMention[] {
  const meta = report.meta;
  const at = meta.source ?? {};
  const out: NameMention[] = meta.authors.map((name) => ({ name, as: 'author' as const, at }));
  if (meta.designer) out.push({ name: meta.designer, as: 'designer', at });
  if (meta.programmeManager) out.push({ name: meta.programmeManager, as: 'programme manager', at });
  for (const section of report.sections) {
    walkBlocks(section.blocks, (block) => {
      if (block.type === 'quote' && block.attribution?.person) {
        const { person, role, place, source } = block.attribution;
        out.push({ name: person, as: 'quoted', ...(role ? { role } : {}), ...(place ? { place } : {}), at: source });
      } else if (block.type === 'poem' && block.author) {
        out.push({ name: block.author, as: 'poet', ...(block.authorNote ? { note: block.authorNote } : {}), at: block.source });
      } else if (block.type === 'loveLetters') {
        for (const l of block.letters) out.push({ name: l.name, as: 'love letter', ...(l.role ? { role: l.role } : {}), ...(l.place ? { place: l.place } : {}), at: l.source });
      }
    });
  }
  return out;
}

/** A name reduced to what identifies it: case-folded, without dots, commas, quotes or hyphens. */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/[.,'’‘"“”\-‐–]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The same person written two ways. Three cases, all warnings:
 *
 * 1. Names that are equal once case, dots, commas, quotes, hyphens and spacing are ignored
 *    but are written differently ("J" and "J.", "Jo Harrington" and "jo harrington"). The
 *    spelling used most often is taken as right; the others are reported.
 * 2. A shorter name that the longer one extends, token by token, where a token may be an
 *    initial of the other ("J" and "J, Ahmed"; "N. Webb" and "Nick Webb") — reported only
 *    when the two share a place or a role word (both "poet", both "Salford"), because an
 *    initial alone could be anyone. In this report, the love letter to "J, Ahmed | Poet and
 *    lived experience representative, Salford" and the poet "J" (and the quoted "J, Peer
 *    worker & poet, Salford") are the same person: the report anonymises J everywhere else,
 *    so the love letter either leaks a surname or writes the name differently. The mentions
 *    of the less used form are reported.
 * 3. The same name with conflicting details: two different places, or two roles with no
 *    word in common.
 */
export function findInconsistentPeople(report: Report): Diagnostic[] {
  const mentions = nameMentions(report);
  const groups = new Map<string, NameMention[]>();
  for (const m of mentions) groups.set(nameKey(m.name), [...(groups.get(nameKey(m.name)) ?? []), m]);
  const reported = new Set<NameMention>();
  const out: Diagnostic[] = [];
  const warnOnce = (m: NameMention, message: string) => {
    if (reported.has(m)) return;
    reported.add(m);
    out.push(ruleDiagnostic('person-inconsistent', message, m.at, { hint: 'write each person\'s name, role and place the same way everywhere (or silence a deliberate difference with <!-- lwr-ignore person-inconsistent -->)' }));
  };

  for (const group of groups.values()) {
    const canonical = mostUsedSpelling(group);
    for (const m of group) {
      if (m.name.trim() !== canonical.name.trim()) warnOnce(m, `"${m.name}" is written "${canonical.name}" at ${where(canonical.at)}`);
    }
  }

  const keys = [...groups.keys()];
  for (const shortKey of keys) {
    for (const longKey of keys) {
      if (shortKey === longKey || !extendsName(shortKey, longKey)) continue;
      const short = groups.get(shortKey)!;
      const long = groups.get(longKey)!;
      const shared = sharedWords(short, long);
      if (shared.length === 0) continue;
      const [minority, majority] = long.length <= short.length ? [long, short] : [short, long];
      const others = majority.slice(0, 2).map((m) => where(m.at)).join(', ') + (majority.length > 2 ? ` and ${majority.length - 2} more` : '');
      for (const m of minority) warnOnce(m, `"${m.name}" and "${majority[0]!.name}" (${others}) look like the same person written two ways (both say ${shared.map((w) => `"${w}"`).join(', ')})`);
    }
  }

  for (const group of groups.values()) {
    group.forEach((m, i) => {
      const earlier = group.slice(0, i).find((e) => conflicts(e, m));
      if (earlier) warnOnce(m, `"${m.name}" is "${describe(m)}" here but "${describe(earlier)}" at ${where(earlier.at)}`);
    });
  }
  return out;
}

function mostUsedSpelling(group: NameMention[]): NameMention {
  const counts = new Map<string, number>();
  for (const m of group) counts.set(m.name.trim(), (counts.get(m.name.trim()) ?? 0) + 1);
  return group.reduce((best, m) => (counts.get(m.name.trim())! > counts.get(best.name.trim())! ? m : best), group[0]!);
}

/** `short` is a token-by-token prefix of `long`, a token matching its equal or its initial. */
function extendsName(shortKey: string, longKey: string): boolean {
  const short = shortKey.split(' ');
  const long = longKey.split(' ');
  if (short.length > long.length) return false;
  return short.every((token, i) => {
    const other = long[i]!;
    return token === other || (token.length === 1 && other.startsWith(token)) || (other.length === 1 && token.startsWith(other));
  });
}

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'of', 'site', 'living', 'well']);

/**
 * What a mention says about the person's role, as significant words (four letters or more)
 * compared by their first five letters. Places are left out: many people share a place.
 */
function roleWords(m: NameMention): Map<string, string> {
  const text = [m.role, m.note, m.as === 'poet' ? 'poet' : ''].filter(Boolean).join(' ');
  const words = new Map<string, string>();
  for (const word of text.split(/[^\p{L}]+/u)) {
    const folded = word.toLocaleLowerCase('en-GB');
    if (folded.length >= 4 && !STOP_WORDS.has(folded) && !words.has(folded.slice(0, 5))) words.set(folded.slice(0, 5), folded);
  }
  return words;
}

/** Role words two groups of mentions share ("poet", "lived"). */
function sharedWords(a: NameMention[], b: NameMention[]): string[] {
  const left = new Map(a.flatMap((m) => [...roleWords(m)]));
  const shared = new Map<string, string>();
  for (const m of b) for (const [stem, word] of roleWords(m)) if (left.has(stem)) shared.set(stem, left.get(stem)!.length <= word.length ? left.get(stem)! : word);
  return [...shared.values()];
}

const fold = (s: string | undefined) => (s ?? '').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/** Two mentions of one name that cannot both be right: different places, or roles with no word in common. */
function conflicts(a: NameMention, b: NameMention): boolean {
  if (a.place && b.place && fold(a.place) !== fold(b.place)) return true;
  if (!a.role || !b.role) return false;
  const left = roleWords({ ...a, as: 'quoted' });
  return ![...roleWords({ ...b, as: 'quoted' }).keys()].some((stem) => left.has(stem));
}

const describe = (m: NameMention): string => [m.role, m.place].filter(Boolean).join(', ') || m.as;
