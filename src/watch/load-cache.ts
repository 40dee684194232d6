import type { LoadCache } from '../read/load.js';

type Entry = LoadCache extends Map<string, infer E> ? E : never;

/**
 * The load cache `lwr watch` keeps between rebuilds, which forgets what a rebuild no longer
 * reads: a deleted or renamed file, an image the report stopped using (its bytes are not kept
 * for the rest of the session). A changed file is read again anyway (its time or size differ).
 */
export class PreviewLoadCache extends Map<string, Entry> implements LoadCache {
  private readonly used = new Set<string>();

  override get(key: string): Entry | undefined {
    this.used.add(key);
    return super.get(key);
  }

  override set(key: string, entry: Entry): this {
    this.used.add(key);
    return super.set(key, entry);
  }

  /** Drop every entry the last rebuild did not look at; start counting for the next. */
  sweep(): void {
    for (const key of [...this.keys()]) if (!this.used.has(key)) this.delete(key);
    this.used.clear();
  }
}
