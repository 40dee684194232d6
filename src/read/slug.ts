/** A URL-safe, lower-case anchor from heading text ("Learning #1: A new…" → "learning-1-a-new…"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Hands out anchors that are unique within one report. */
export class AnchorRegistry {
  private readonly taken = new Set<string>();
  /**
   * The last suffix handed out for each slug. Ids are never released, so every suffix below it
   * is still taken: searching on from it keeps a report with thousands of equal headings linear.
   */
  private readonly lastSuffix = new Map<string, number>();

  /** Claim an exact id; false when it is already taken. */
  claim(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  /** A unique id derived from text: `slug`, then `slug-2`, `slug-3`… */
  unique(text: string): string {
    const base = slugify(text);
    let id = base;
    let n = this.lastSuffix.get(base) ?? 1;
    while (this.taken.has(id)) id = `${base}-${++n}`;
    if (n > 1) this.lastSuffix.set(base, n);
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  all(): string[] {
    return [...this.taken];
  }
}
