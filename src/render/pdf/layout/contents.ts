import { makeTextBlock, type BlockContext } from './flow/context.js';
import { plainRuns } from './inline-runs.js';
import type { StructureTree } from './structure.js';
import { COLOURS, HALF, LEADING, STYLES, type BlockStyle, type PageGeometry } from './theme.js';
import type { FlowItem, Measurer, SegmentLink, TextBlock } from './types.js';

export interface ContentsEntry {
  title: string;
  destination: string;
  /** Set in the stronger face (the learnings). */
  strong: boolean;
}

/** Width kept free on the right of an entry for its page number. */
const NUMBER_COLUMN = 40;

/** The destination of the contents page itself. */
export const CONTENTS_DESTINATION = 'contents';

/**
 * The table of contents as flow items: a "Contents" title, then one entry per section that
 * links to it, its page number set flush right (filled in once pages are known).
 * Structure: Sect > H1 + TOC > TOCI > Link.
 */
export function contentsFlow(entries: readonly ContentsEntry[], geometry: PageGeometry, measure: Measurer, structure: StructureTree, documentStruct: string): FlowItem[] {
  const sect = structure.add('Sect', documentStruct);
  let counter = 0;
  const ctx: BlockContext = { measure, section: { id: CONTENTS_DESTINATION, runningTitle: 'Contents' }, nextId: () => ++counter };
  const items: FlowItem[] = [];
  const h1 = structure.add('H1', sect);
  const title = makeTextBlock(ctx, { x: 0, width: geometry.column.width }, plainRuns('Contents', STYLES.sectionTitle, h1), {
    role: 'title',
    style: STYLES.sectionTitle,
    spaceBefore: 0,
    spaceAfter: LEADING * 1.5,
    keepWithNext: true,
    anchors: [CONTENTS_DESTINATION],
  });
  if (title) items.push(title);
  const toc = structure.add('TOC', sect);
  for (const entry of entries) {
    const item = structure.add('TOCI', toc);
    const link = structure.add('Link', item);
    const style = entry.strong ? STYLES.contentsLearning : STYLES.contentsEntry;
    const target = { kind: 'internal' as const, destination: entry.destination };
    const linkInfo = { target, struct: link, label: entry.title };
    const runs = plainRuns(entry.title, style, link).map((run) => ({ ...run, link: linkInfo }));
    const block = makeTextBlock(ctx, { x: 0, width: geometry.column.width - NUMBER_COLUMN }, runs, {
      role: 'contents-entry',
      style,
      spaceBefore: entry.strong ? HALF : 0,
      spaceAfter: HALF / 2,
      keepTogether: true,
    });
    if (!block) continue;
    items.push(withPageNumber(block, entry.destination, style, link, linkInfo));
  }
  return items;
}

/** Add the (not yet known) page number to the entry's last line; links are not underlined here. */
function withPageNumber(block: TextBlock, destination: string, style: BlockStyle, struct: string, link: SegmentLink): TextBlock {
  const lines = block.lines.map((line) => ({ ...line, segments: line.segments.map((s) => ({ ...s, underline: false })) }));
  const last = lines[lines.length - 1]!;
  last.segments.push({ text: '', style: { font: 'sansSemiBold', size: style.size, color: COLOURS.accent }, x: 0, width: 0, rise: 0, struct, link, underline: false, pageNumberOf: destination });
  return { ...block, lines };
}
