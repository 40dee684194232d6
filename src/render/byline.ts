import type { Section } from '../model/types.js';

/** What a section's byline says, from its front matter: who wrote it and when. */
export interface Byline {
  /** "Ana Ruiz", "Ana Ruiz and Tomos Hughes", "A, B and C". */
  authors?: string;
  /** The date as a reader reads it ("12 March 2024"), and as written when it is an ISO date. */
  date?: { text: string; iso?: string };
}

/**
 * A section's byline, or undefined when its front matter names no author and no date. An ISO
 * date (`2024-03-12`) is written out in the report's language; any other date as written.
 */
export function sectionByline(section: Section, language: string): Byline | undefined {
  const byline: Byline = {};
  if (section.authors?.length) byline.authors = joinNames(section.authors);
  if (section.date) byline.date = readableDate(section.date, language);
  return byline.authors || byline.date ? byline : undefined;
}

/** The byline as one line of text: "By Ana Ruiz · 12 March 2024". */
export function bylineText(byline: Byline): string {
  return [byline.authors ? `By ${byline.authors}` : undefined, byline.date?.text].filter(Boolean).join(' · ');
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function readableDate(written: string, language: string): { text: string; iso?: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(written);
  if (!iso) return { text: written };
  const date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  if (Number.isNaN(date.getTime())) return { text: written };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  return { text, iso: written.slice(0, 10) };
}
