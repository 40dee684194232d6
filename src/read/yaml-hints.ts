/**
 * Plain-words hints for the YAML mistakes people make in front matter. The YAML parser's own
 * message ("incomplete explicit mapping pair; a key node is missed…") names the grammar, not
 * the fix; these name the fix, from the line the parser stopped at and the one before it.
 */

const KEY_VALUE = /^(\s*)([\w-]+):[ \t]+(.*?)\s*$/;

/** A plain-words hint for a YAML mistake, and the 1-based line it is on when that is known. */
export interface YamlHint {
  hint: string;
  /** The line holding the mistake, which can come before the line the parser stopped at. */
  line?: number;
}

/** A hint for a YAML error reported at 1-based `line` of the file's `lines`. */
export function yamlErrorHint(lines: readonly string[], line: number): YamlHint {
  // The parser often notices a mistake only on the line after it.
  for (const n of [line, line - 1]) {
    const hint = hintForLine(lines[n - 1] ?? '');
    if (hint) return { hint, line: n };
  }
  // A quote left open runs on until the end of the front matter, where the parser gives up.
  for (let n = line - 2; n >= 2; n--) {
    const hint = hintForLine(lines[n - 1] ?? '');
    if (hint?.includes('never closed')) return { hint, line: n };
  }
  if (lines.some((l, i) => i < line && /^\t/.test(l))) return { hint: 'indent with spaces, not tabs' };
  return { hint: 'a value containing ": " or " #", or starting with [ { * & ! @ ` or a quote, must be put in quotes' };
}

/** "a title", "an id": the key with its article. */
const aKey = (key: string) => `${/^[aeiou]/i.test(key) ? 'an' : 'a'} ${key}`;

function hintForLine(text: string): string | undefined {
  if (/^\t/.test(text)) return 'indent with spaces, not tabs';
  const pair = KEY_VALUE.exec(text);
  if (!pair) return undefined;
  const [, , key = '', value = ''] = pair;
  const quoted = (v: string) => `${key}: "${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const first = value[0];
  if ((first === '"' || first === "'") && !value.slice(1).includes(first)) {
    return `the ${first === '"' ? 'double' : 'single'} quote that opens the ${key} is never closed; end the value with ${first}`;
  }
  if ((first === '"' || first === "'") && !value.endsWith(first)) {
    return `${aKey(key)} that starts with a quote must be quoted whole: ${quoted(value)}`;
  }
  if (first === '[' || first === '{') {
    return `${aKey(key)} starting with "${first}" is read as a ${first === '[' ? 'list' : 'mapping'}; if it is text, put it in quotes: ${quoted(value)}`;
  }
  if (first && '*&!@`%'.includes(first)) return `${aKey(key)} starting with "${first}" must be quoted: ${quoted(value)}`;
  if (/:\s/.test(value) || value.endsWith(':')) return `${aKey(key)} containing ": " must be quoted: ${quoted(value)}`;
  return undefined;
}
