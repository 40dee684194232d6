/** What streaming a page for ids found. */
export interface FragmentScan {
  /** Wanted fragments that are ids (or a/@name) in the page. */
  found: Set<string>;
  /** complete: the whole page was read; truncated: stopped at the byte cap; stopped: all wanted ids found. */
  end: 'complete' | 'truncated' | 'stopped';
  /** Some ids of the page (at most 2 000), for did-you-mean suggestions. */
  ids: string[];
}

const TAG = /<[a-zA-Z][^<>]*>/g;
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const MAX_IDS = 2000;
/** An unterminated tag longer than this is given up on, so memory stays bounded. */
const MAX_CARRY = 64 * 1024;

/**
 * Read an HTML body only as far as needed: stop as soon as every wanted id has been seen, or
 * after `maxBytes`. Only a small unfinished tag is kept between chunks, so memory stays
 * bounded however long the page is.
 */
export async function scanForIds(body: ReadableStream<Uint8Array>, wanted: ReadonlySet<string>, maxBytes: number): Promise<FragmentScan> {
  const found = new Set<string>();
  const ids = new Set<string>();
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  let carry = '';
  let bytes = 0;
  const scan = (text: string) => {
    for (const tag of text.matchAll(TAG)) {
      for (const attribute of tag[0].matchAll(ID_ATTRIBUTE)) {
        const id = decodeEntities(attribute[1] ?? attribute[2] ?? attribute[3] ?? '');
        if (wanted.has(id)) found.add(id);
        if (ids.size < MAX_IDS) ids.add(id);
      }
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        scan(carry + decoder.decode());
        return { found, end: 'complete', ids: [...ids] };
      }
      bytes += value.byteLength;
      const text = carry + decoder.decode(value, { stream: true });
      const open = text.lastIndexOf('<');
      const cut = open > text.lastIndexOf('>') ? open : text.length;
      scan(text.slice(0, cut));
      carry = text.length - cut > MAX_CARRY ? '' : text.slice(cut);
      if (found.size === wanted.size) return { found, end: 'stopped', ids: [...ids] };
      if (bytes >= maxBytes) return { found, end: 'truncated', ids: [...ids] };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}
