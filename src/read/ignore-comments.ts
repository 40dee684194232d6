import type { IgnoreComment } from '../model/types.js';

/**
 * `<!-- lwr-ignore rule … -->` (the next block), `<!-- lwr-ignore-start rule … -->` …
 * `<!-- lwr-ignore-end [rule …] -->` (a range of lines) and `<!-- lwr-ignore-file rule … -->`
 * (the whole file). Rule ids are required except on `-end`, which closes the named ranges, or
 * every open one when it names none.
 */
const IGNORE_COMMENT = /^<!--\s*lwr-ignore(-start|-end|-file)?((?:\s+[a-z0-9-]+)*)\s*-->$/;

/**
 * Read one block of raw HTML as an lwr-ignore comment, adding what it silences to `ignores`
 * (a range is closed on the entry its start made). False when the HTML is not one.
 */
export function readIgnoreComment(html: string, line: number, ignores: IgnoreComment[]): boolean {
  const match = IGNORE_COMMENT.exec(html.trim());
  if (!match) return false;
  const kind = match[1];
  const ruleIds = match[2]!.trim().split(/\s+/).filter(Boolean);
  if (kind === '-end') {
    for (const ignore of ignores) {
      if (ignore.scope === 'range' && ignore.endLine === undefined && (ruleIds.length === 0 || ruleIds.includes(ignore.ruleId))) ignore.endLine = line;
    }
    return true;
  }
  if (ruleIds.length === 0) return false;
  const scope = kind === '-start' ? 'range' : kind === '-file' ? 'file' : undefined;
  for (const ruleId of ruleIds) ignores.push(scope ? { ruleId, line, scope } : { ruleId, line });
  return true;
}
