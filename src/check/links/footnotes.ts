import type { Diagnostic } from '../../model/diagnostic.js';
import type { Inline, Report, Section } from '../../model/types.js';
import { ownInlines, walkBlocks, walkSectionInlines } from '../../model/walk.js';
import { ruleDiagnostic, type At } from '../rule-diagnostic.js';

/**
 * GFM only reads `[^label]` as a footnote reference when the label is defined, so an
 * undefined one stays in the text as written: that text is what this rule looks for.
 */
const LITERAL_REFERENCE = /\[\^([^\]\s]+)\]/g;

/** Footnote references with no definition (errors) and definitions never referenced (warnings). */
export function findFootnoteProblems(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const referenced = new Set<string>();
  for (const section of report.sections) {
    walkSectionInlines(section, (inline) => {
      if (inline.type !== 'footnoteReference') return;
      if (inline.footnoteId) referenced.add(inline.footnoteId);
      else out.push(undefinedReference(inline.label, inline.source, section));
    });
    for (const { label, at } of literalReferences(section)) out.push(undefinedReference(label, at, section));
  }
  for (const footnote of report.footnotes) {
    if (referenced.has(footnote.id)) continue;
    out.push(
      ruleDiagnostic('footnote-unused', `footnote [^${footnote.label}] is defined but never referenced`, footnote.source, {
        hint: `cite it with [^${footnote.label}] in the text, or delete it`,
      }),
    );
  }
  return out;
}

function undefinedReference(label: string, at: At, section: Section): Diagnostic {
  return ruleDiagnostic('footnote-undefined', `footnote [^${label}] is referenced but never defined`, at, {
    hint: `add a definition "[^${label}]: …" to ${section.source.file}`,
  });
}

/** `[^label]` left as text, positioned on the line of its block where it appears. */
function literalReferences(section: Section): { label: string; at: At }[] {
  const found: { label: string; at: At }[] = [];
  const visit = (blocks: Parameters<typeof walkBlocks>[0]) =>
    walkBlocks(blocks, (block) => {
      for (const run of ownInlines(block)) {
        const text = sourceText(run);
        for (const match of text.matchAll(LITERAL_REFERENCE)) {
          const line = block.source.line + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
          found.push({ label: match[1]!, at: { file: block.source.file, line, column: block.source.column } });
        }
      }
    });
  visit(section.blocks);
  for (const footnote of section.footnotes) visit(footnote.children);
  return found;
}

/** Text of inlines, code excluded (a `[^1]` in code is an example, not a reference). */
function sourceText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.value : i.type === 'break' ? '\n' : 'children' in i ? sourceText(i.children) : '')).join('');
}
