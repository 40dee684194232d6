import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Lines of every key path in a YAML text, so a schema error on `editions.1.sections` can name
 * its line. Paths are joined with dots; lines are 1-based within the YAML text.
 */
export function yamlKeyLines(text: string): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lines = new Map<string, number>();
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const walk = (node: unknown, prefix: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = key && 'value' in key ? String((key as { value: unknown }).value) : String(pair.key);
        const path = prefix ? `${prefix}.${name}` : name;
        lines.set(path, lineOf(key?.range?.[0]));
        walk(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const path = `${prefix}.${index}`;
        lines.set(path, lineOf((item as Node | null)?.range?.[0]));
        walk(item, path);
      });
    }
  };
  walk(doc.contents, '');
  return lines;
}

/** The line of the deepest known prefix of `path` (falls back to the first line). */
export function lineForPath(lines: Map<string, number>, path: (string | number)[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = lines.get(path.slice(0, n).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}
