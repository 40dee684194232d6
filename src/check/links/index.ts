import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { findUnresolvedContentFileLinks } from './content-file-links.js';
import { findFootnoteProblems } from './footnotes.js';
import { findVagueLinkTexts } from './link-text.js';
import { findBadRelativeLinks, findMissingFragments, findPlaceholderLinks, findUnknownSchemeLinks, findUnsafeSchemeLinks, type FileAccess } from './link-targets.js';
import { findLostLinks } from './lost-links.js';

export type { FileAccess } from './link-targets.js';

/** Every offline link rule: targets, link text, lost links and footnotes. */
export function checkLinks(report: Report, files: FileAccess): Diagnostic[] {
  return [
    ...findPlaceholderLinks(report),
    ...findUnsafeSchemeLinks(report),
    ...findUnknownSchemeLinks(report),
    ...findMissingFragments(report),
    ...findBadRelativeLinks(report, files),
    ...findUnresolvedContentFileLinks(report, files.contentRoot),
    ...findVagueLinkTexts(report),
    ...findLostLinks(report),
    ...findFootnoteProblems(report),
  ];
}
