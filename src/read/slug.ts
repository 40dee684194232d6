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
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
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
