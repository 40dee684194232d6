import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../src/render/pdf/layout/flow/report.js';
import { StructureTree } from '../../src/render/pdf/layout/structure.js';
import { pageGeometry } from '../../src/render/pdf/layout/theme.js';
import { reportOfFiles } from '../support/report.js';
import { monospace } from './support/flow.js';

function sects(files: Record<string, string>) {
  const structure = new StructureTree();
  buildFlow(reportOfFiles(files), pageGeometry('A4'), monospace, structure, structure.add('Document', null));
  return structure.list().filter((node) => node.type === 'Sect');
}

describe('a section written in another language (front matter lang)', () => {
  it('gives its Sect the Lang a screen reader switches voice by, as the HTML gives its <section lang>', () => {
    const found = sects({
      'report.yaml': 'title: Adroddiad\nlanguage: en-GB\n',
      '10-a.md': '---\nid: a\ntitle: Summary\n---\n\nIn English.\n',
      '20-b.md': '---\nid: b\ntitle: Crynodeb\nlang: cy\n---\n\nYn Gymraeg.\n',
      '30-c.md': '---\nid: c\ntitle: Notes\nlang: en-GB\n---\n\nIn English again.\n',
    });
    expect(found.map((node) => node.lang)).toEqual([undefined, 'cy', undefined]);
  });
});
