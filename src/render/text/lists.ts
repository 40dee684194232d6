import type { ListBlock, ListItem } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { alignedMarkers, hang, stack } from './layout.js';
import { displayWidth } from '../../model/wrap.js';

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

/** A task item's marker is its state; any other item's its bullet or number. */
const markerOf = (list: ListBlock, item: ListItem, index: number): string =>
  item.checked !== undefined ? (item.checked ? '[x]' : '[ ]') : list.ordered ? `${(list.start ?? 1) + index}.` : '-';

/**
 * A list: `-` bullets, right-aligned numbers or task states (`[x]`, `[ ]`), nested lists
 * indented under their item's text; a loose list (CommonMark) has a blank line between items.
 */
export function renderList(list: ListBlock, width: number, env: TextEnv): string[] {
  const markers = list.items.map((item, i) => markerOf(list, item, i));
  const loose = list.loose;
  return markedItems(markers, width, (i, inner) => {
    const blocks = list.items[i]!.children;
    return loose ? env.blocks(blocks, inner) : blocks.flatMap((b) => env.blocks([b], inner));
  }, loose);
}
