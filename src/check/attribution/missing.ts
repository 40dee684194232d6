import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/** Quotes with no attribution paragraph ("— Name, role, place"). */
export function findUnattributedQuotes(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const section of report.sections) {
    walkBlocks(section.blocks, (block) => {
      if (block.type !== 'quote' || block.attribution) return;
      out.push(
        ruleDiagnostic('quote-unattributed', 'quote has no attribution', block.source, {
          hint: 'end the quote with a paragraph such as "> — Leader in a Living Well site"',
        }),
      );
    });
  }
  return out;
}

/** Learnings whose front matter does not say where the learning comes from. */
export function findUnattributedLearnings(report: Report): Diagnostic[] {
  return report.learnings
    .filter((learning) => !learning.attribution?.trim())
    .map((learning) =>
      ruleDiagnostic('learning-unattributed', `learning ${learning.number} has no attribution`, learning.source, {
        hint: 'add "attribution:" to the front matter, saying where the learning comes from',
      }),
    );
}

/** Poems with no author. */
export function findPoemsWithoutAuthor(report: Report): Diagnostic[] {
  return report.poems
    .filter((poem) => !poem.author?.trim())
    .map((poem) =>
      ruleDiagnostic('poem-no-author', `poem "${poem.title}" has no author`, poem.source, {
        hint: 'add "author:" to the front matter',
      }),
    );
}
