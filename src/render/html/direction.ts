import type { Properties } from 'hast';
import type { HtmlState } from './state.js';

/**
 * An element whose text starts in the other direction than the text around it (its first
 * letter: UAX #9 rules P2 and P3, as `dir="auto"` finds it) gets its own `dir`, and its content
 * is rendered in that direction. An Arabic paragraph in an English report is set right to
 * left without a `:lang` mark; an English one in an Arabic report, left to right.
 */
export function inOwnDirection<T>(state: HtmlState, found: 'ltr' | 'rtl' | undefined, render: () => T): [Properties, T] {
  if (!found || found === state.direction) return [{}, render()];
  return [{ dir: found }, inDirection(state, found, render)];
}

/** Render content inside an element of direction `dir` (a language block's). */
export function inDirection<T>(state: HtmlState, dir: 'ltr' | 'rtl', render: () => T): T {
  const outer = state.direction;
  state.direction = dir;
  try {
    return render();
  } finally {
    state.direction = outer;
  }
}
