import path from 'node:path';
import { sectionAnchors } from '../../model/anchors.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { anchorOwners, contentFileLink, sectionsByFileName } from '../../read/in-report-links.js';
import { didYouMean } from '../../model/suggest.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/**
 * Links to Markdown files that did not resolve to a place in the report, and why: the file
 * is a draft, is not a section of the report, or holds no anchor the fragment names. Such a
 * link is published as its text only, so each is an error (a draft, a warning).
 */
export function findUnresolvedContentFileLinks(report: Report, contentRoot: string): Diagnostic[] {
  const files = sectionsByFileName(report.sections);
  const owners = anchorOwners(report.sections);
  const drafts = new Map((report.drafts ?? []).map((d) => [path.posix.basename(d.file), d]));
  const out: Diagnostic[] = [];
  for (const link of report.links) {
    if (link.target) continue;
    const target = contentFileLink(link.url, contentRoot);
    if (!target) continue;
    const draft = drafts.get(target.name);
    if (draft) {
      out.push(ruleDiagnostic('link-target-draft', `link "${link.text}" points to ${target.name}, a draft that every edition leaves out`, link.source, {
        url: link.url,
        hint: 'publish the file (remove draft: true) or remove the link; until then the link is printed as its text',
      }));
      continue;
    }
    const section = files.get(target.name);
    if (!section) {
      const suggestion = didYouMean(target.name, files.keys());
      out.push(ruleDiagnostic('link-file-missing', `link "${link.text}" points to ${target.name}, which is not a section of the report`, link.source, {
        url: link.url,
        hint: suggestion
          ? `did you mean ${suggestion}?`
          : target.name.includes('/')
            ? 'lwr reads the Markdown files directly inside the content folder as sections; move the file there to publish it'
            : `the report's files: ${[...files.keys()].join(', ')}`,
      }));
      continue;
    }
    const fragment = target.fragment ?? '';
    const elsewhere = owners.get(fragment);
    const otherFile = elsewhere ? report.sections.find((s) => s.id === elsewhere) : undefined;
    const suggestion = didYouMean(fragment, sectionAnchors(section));
    out.push(ruleDiagnostic('link-fragment-missing', `#${fragment} names no heading or id in ${target.name}`, link.source, {
      url: link.url,
      hint: otherFile
        ? `#${fragment} is in ${path.posix.basename(otherFile.source.file)}: link to ${path.posix.basename(otherFile.source.file)}#${fragment}`
        : suggestion
          ? `did you mean ${target.name}#${suggestion}?`
          : `link to ${target.name} alone to land on the section`,
    }));
  }
  return out;
}
