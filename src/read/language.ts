import type { Node } from 'unist';
import { diagnostic } from '../model/diagnostic.js';
import { canonicalLanguage, directionOf } from '../model/language.js';
import { positionOf, type ReadContext } from './context.js';

/**
 * The language of a `:lang[…]{lang=cy}` span or a `:::lang{lang=ar}` block: a BCP 47 tag,
 * and the direction (`dir=rtl|ltr`, else the language's own). A missing or malformed tag is
 * a `directive-shape` error, fatal like the other directives' shape errors.
 */
export function readLanguage(node: Node & { name: string; attributes?: Record<string, string | null | undefined> | null }, ctx: ReadContext): { lang: string; dir: 'ltr' | 'rtl' } | undefined {
  const written = node.attributes?.lang ?? '';
  const form = node.type === 'textDirective' ? `:lang[…]{lang=${written || '…'}}` : `:::lang{lang=${written || '…'}}`;
  const fail = (message: string) => {
    ctx.diagnostics.push(diagnostic('directive-shape', 'error', `${form}: ${message}`, positionOf(ctx, node), { fatal: true, hint: 'write a language tag such as lang=cy (Welsh), lang=ar (Arabic) or lang=zh-Hant; see docs/content-conventions.md' }));
    return undefined;
  };
  if (!written) return fail('needs a language, as lang=…');
  const lang = canonicalLanguage(written);
  if (!lang) return fail(`"${written}" is not a language tag`);
  const dir = node.attributes?.dir;
  if (dir !== undefined && dir !== null && dir !== 'ltr' && dir !== 'rtl') return fail(`dir must be ltr or rtl (got "${dir}")`);
  return { lang, dir: dir === 'ltr' || dir === 'rtl' ? dir : directionOf(lang) };
}
