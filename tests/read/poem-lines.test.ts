import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/text.js';
import { readReport } from '../../src/read/report.js';

const poem = (body: string) =>
  readReport({ dir: 'c', root: '/c', files: [{ path: 'c/01-poem.md', text: `---\nid: poem\ntitle: Poem\nkind: poem\nauthor: P\n---\n\n${body}\n` }] }).report!;

describe('reading a poem', () => {
  it('splits lines at hard breaks inside emphasis that spans them (found by the property tests)', () => {
    const report = poem('Living and of {{ 7*7 }} of\\\n{{ 7*7 }} Living mental');
    const block = report.sections[0]!.blocks[0]!;
    expect(block.type === 'poem' && block.stanzas[0]!.lines.map((line) => plainText(line))).toEqual(['Living and of {{ 77 }} of', '{{ 77 }} Living mental']);
  });

  it('keeps each stanza’s lines, with soft line endings as line breaks too', () => {
    const block = poem('One\\\ntwo\nthree\n\nFour').sections[0]!.blocks[0]!;
    expect(block.type === 'poem' && block.stanzas.map((s) => s.lines.map((line) => plainText(line)))).toEqual([['One', 'two', 'three'], ['Four']]);
  });
});
