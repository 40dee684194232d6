import type { Report, SourcePosition } from '../../model/types.js';
import { walkBlocks, walkSectionInlines } from '../../model/walk.js';

/** A piece of raw HTML written in the content, and where. */
export interface RawHtmlPiece {
  html: string;
  at: SourcePosition;
}

/**
 * The raw HTML (blocks and inline, footnotes included) that holds at least one element:
 * comments and closing tags alone remove nothing. Found without an HTML parser, so a report
 * with none never loads one (parse5 is most of the check's code).
 */
export function rawHtmlWithElements(report: Report): RawHtmlPiece[] {
  const pieces: RawHtmlPiece[] = [];
  const add = (html: string, at: SourcePosition) => {
    if (/<[a-z]/i.test(html)) pieces.push({ html, at });
  };
  for (const section of report.sections) {
    for (const list of [section.blocks, ...section.footnotes.map((f) => f.children)]) walkBlocks(list, (block) => block.type === 'html' && add(block.value, block.source));
    walkSectionInlines(section, (inline, block) => inline.type === 'html' && add(inline.value, inline.source ?? block.source));
  }
  return pieces;
}
