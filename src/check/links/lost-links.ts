import type { Diagnostic } from '../../model/diagnostic.js';
import type { Inline, ParagraphBlock, Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/**
 * The lost-link heuristic. A "Read more … here" sentence whose link was lost when the report
 * was copied out of its designed edition reads as an invitation with nowhere to go. A
 * sentence is taken to be one when it has no link and either
 *
 * - one of its clauses (the sentence itself, or the text after a comma, semicolon, colon or
 *   dash) starts with an invitation verb — read, find out, learn, explore, listen, watch,
 *   download, discover, visit, view — optionally after "you can/could/may", "please" or
 *   "also", and the sentence ends in the word "here" (then at most "." or "!"), or
 * - it starts with "Click here", "Tap here" or "Go here".
 *
 * Ordinary sentences that merely contain "here" ("Here we share…", "We learn a lot from
 * being here.") do not match: "here" must end the sentence, and the verb must open a clause
 * rather than follow a subject ("We learn…").
 */
const INVITATION_ENDING_IN_HERE =
  /(?:^|[,;:—–]\s*|\s-\s+)(?:(?:you\s+(?:can|could|may)|please|why\s+not)\s+)?(?:also\s+)?(?:read|find\s+out|learn|explore|listen|watch|download|discover|visit|view)\b[^.!?]*\bhere\s*[.!]?["'”’)]*\s*$/i;
const CLICK_HERE = /^(?:click|tap|go)\s+here\b/i;

/** Whether a sentence reads as an invitation whose link is missing. */
export const looksLikeLostLink = (sentence: string): boolean => INVITATION_ENDING_IN_HERE.test(sentence) || CLICK_HERE.test(sentence.trim());

/** Sentences that invite the reader to follow a link ("Read more … here") but have none. */
export function findLostLinks(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (blocks: Parameters<typeof walkBlocks>[0]) =>
    walkBlocks(blocks, (block) => {
      if (block.type === 'paragraph') out.push(...lostLinksIn(block));
    });
  for (const section of report.sections) {
    visit(section.blocks);
    for (const footnote of section.footnotes) visit(footnote.children);
  }
  return out;
}

function lostLinksIn(paragraph: ParagraphBlock): Diagnostic[] {
  const { text, linkRanges } = textWithLinks(paragraph.children);
  const out: Diagnostic[] = [];
  // Both patterns need the word "here": most paragraphs are passed over without splitting them.
  if (!/here/i.test(text)) return out;
  for (const { start, end } of sentences(text)) {
    const sentence = text.slice(start, end);
    if (!/here/i.test(sentence) || !looksLikeLostLink(sentence)) continue;
    if (linkRanges.some((r) => r.start < end && r.end > start)) continue;
    // Positioned at the start of the line on which the sentence starts.
    const line = paragraph.source.line + (text.slice(0, start).match(/\n/g)?.length ?? 0);
    out.push(
      ruleDiagnostic('link-lost', `"${shorten(sentence)}" invites the reader to follow a link, but has none`, { file: paragraph.source.file, line, column: paragraph.source.column }, {
        hint: 'restore the link (for example on the words that name the target), or reword the sentence',
      }),
    );
  }
  return out;
}

/** Plain text of inlines, with the character ranges that are link text. */
function textWithLinks(inlines: readonly Inline[]): { text: string; linkRanges: { start: number; end: number }[] } {
  let text = '';
  const linkRanges: { start: number; end: number }[] = [];
  const walk = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
      else if (node.type === 'break') text += '\n';
      else if (node.type === 'link') {
        const start = text.length;
        walk(node.children);
        linkRanges.push({ start, end: Math.max(text.length, start + 1) });
      } else if ('children' in node) walk(node.children);
    }
  };
  walk(inlines);
  return { text, linkRanges };
}

/** Sentence ranges (leading spaces skipped): text up to and including ., ! or ? before a space or the end. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const skipped = start + (/^\s*/.exec(text.slice(start, end))?.[0].length ?? 0);
    if (skipped < end) out.push({ start: skipped, end });
    start = end;
  };
  for (const match of text.matchAll(/[.!?]+["'”’)]*(?=\s|$)/g)) push(match.index + match[0].length);
  push(text.length);
  return out;
}

const shorten = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length <= 80 ? flat : `${flat.slice(0, 38).trimEnd()} … ${flat.slice(-38).trimStart()}`;
};
