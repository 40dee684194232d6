import { slug as githubSlugOf } from 'github-slugger';

/** A URL-safe, lower-case anchor from text ("Learning #1: A new…" → "learning-1-a-new…"), for ids lwr makes up. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/**
 * A heading's anchor as GitHub makes it (github-slugger): lower case, punctuation dropped,
 * each space a hyphen, letters with accents kept ("Café & Co." → "café--co"), so a link
 * written while previewing the Markdown on GitHub lands in lwr's editions too.
 */
export function githubSlug(text: string): string {
  return githubSlugOf(text) || 'section';
}

/** A heading's id, and the id lwr gave it before it followed GitHub's rules, when that differs. */
export interface HeadingAnchor {
  id: string;
  legacyId?: string;
}

/** Hands out anchors that are unique within one report. */
export class AnchorRegistry {
  private readonly taken = new Set<string>();
  /**
   * The last suffix handed out for each slug. Ids are never released, so every suffix below it
   * is still taken: searching on from it keeps a report with thousands of equal headings linear.
   */
  private readonly lastSuffix = new Map<string, number>();
  private readonly lastHeadingSuffix = new Map<string, number>();
  /**
   * The same claims replayed with the rules lwr used before heading ids followed GitHub's, so
   * each heading knows its old id and published links to it can be kept working.
   */
  private readonly legacy: AnchorRegistry | undefined;

  constructor(options: { trackLegacy?: boolean } = {}) {
    this.legacy = options.trackLegacy === false ? undefined : new AnchorRegistry({ trackLegacy: false });
  }

  /** Claim an exact id; false when it is already taken. */
  claim(id: string): boolean {
    this.legacy?.claim(id);
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  /** A unique id derived from text: `slug`, then `slug-2`, `slug-3`… */
  unique(text: string): string {
    this.legacy?.unique(text);
    const base = slugify(text);
    let id = base;
    let n = this.lastSuffix.get(base) ?? 1;
    while (this.taken.has(id)) id = `${base}-${++n}`;
    if (n > 1) this.lastSuffix.set(base, n);
    this.taken.add(id);
    return id;
  }

  /**
   * A unique id for a heading, as GitHub numbers repeated headings: `slug`, then `slug-1`,
   * `slug-2`…; with the id lwr's earlier rules would have given it, when that differs.
   */
  heading(text: string): HeadingAnchor {
    const legacyId = this.legacy?.unique(text);
    const base = githubSlug(text);
    let id = base;
    let n = this.lastHeadingSuffix.get(base) ?? 0;
    while (this.taken.has(id)) id = `${base}-${++n}`;
    if (n > 0) this.lastHeadingSuffix.set(base, n);
    this.taken.add(id);
    return legacyId !== undefined && legacyId !== id ? { id, legacyId } : { id };
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  all(): string[] {
    return [...this.taken];
  }
}
