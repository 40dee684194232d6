import type { ListBlock, ListItem } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { alignedMarkers, hang, stack } from './layout.js';
import { displayWidth } from './wrap.js';

/**
 * Items under their markers with hanging indents: an item's later lines line up with its
 * text. A loose list has a blank line between items; a tight one has none.
 */
export function markedItems(markers: readonly string[], width: number, bodyOf: (index: number, width: number) => string[], loose: boolean): string[] {
  const aligned = alignedMarkers(markers);
  const markerWidth = displayWidth(aligned[0] ?? '');
  const inner = Math.max(1, width - markerWidth);
  const items = aligned.map((marker, i) => {
    const body = bodyOf(i, inner);
    return body.length === 0 ? [marker.trimEnd()] : hang(body, marker, ' '.repeat(markerWidth));
  });
  return loose ? stack(items) : items.flat();
}

// An item of a paragraph and a nested list is still tight; two paragraphs make the list loose.
const isLooseItem = (item: ListItem) => item.children.filter((b) => b.type !== 'list').length > 1;

/** A list: `-` bullets or right-aligned numbers, nested lists indented under their item's text. */
export function renderList(list: ListBlock, width: number, env: TextEnv): string[] {
  const first = list.start ?? 1;
  const markers = list.items.map((_, i) => (list.ordered ? `${first + i}.` : '-'));
  const loose = list.items.some(isLooseItem);
  return markedItems(markers, width, (i, inner) => {
    const blocks = list.items[i]!.children;
    return loose ? env.blocks(blocks, inner) : blocks.flatMap((b) => env.blocks([b], inner));
  }, loose);
}
