import { Parser } from 'htmlparser2';

/** What streaming a page for ids found. */
export interface FragmentScan {
  /** Wanted fragments that are ids (or a/@name) in the page. */
  found: Set<string>;
  /** complete: the whole page was read; truncated: stopped at the byte cap; stopped: all wanted ids found. */
  end: 'complete' | 'truncated' | 'stopped';
  /** Some ids of the page (at most 2 000), for did-you-mean suggestions. */
  ids: string[];
}

const MAX_IDS = 2000;

/**
 * Read an HTML body only as far as needed: stop as soon as every wanted id has been seen, or
 * after `maxBytes`. The page is tokenized as HTML (htmlparser2, streaming, as linkinator
 * does), so only what a browser would scroll to counts: an `id` attribute on any element and
 * `name` on `<a>`. Text that merely looks like a tag does not: inside comments, `<script>`,
 * `<style>`, `<title>` or `<textarea>`, nor `name` on `<meta>`, `<input>` and other elements.
 */
export async function scanForIds(body: ReadableStream<Uint8Array>, wanted: ReadonlySet<string>, maxBytes: number): Promise<FragmentScan> {
  const found = new Set<string>();
  const ids = new Set<string>();
  const see = (id: string | undefined) => {
    if (!id) return;
    if (wanted.has(id)) found.add(id);
    if (ids.size < MAX_IDS) ids.add(id);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        see(attributes.id);
        if (name === 'a') see(attributes.name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        parser.end(decoder.decode());
        return { found, end: 'complete', ids: [...ids] };
      }
      bytes += value.byteLength;
      parser.write(decoder.decode(value, { stream: true }));
      if (found.size === wanted.size) return { found, end: 'stopped', ids: [...ids] };
      if (bytes >= maxBytes) return { found, end: 'truncated', ids: [...ids] };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
