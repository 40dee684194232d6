import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { LinkRecord, Report } from '../../model/types.js';
import { LINK_SCHEMES, schemeOf } from '../../model/url-schemes.js';
import { contentFileLink } from '../../read/in-report-links.js';
import { didYouMean } from '../../model/suggest.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/** What the relative-file rules need from outside the model; injected so checks stay pure. */
export interface FileAccess {
  /** The content folder relative links are resolved against. */
  contentRoot: string;
  /** Whether a file or folder exists; without it, relative links are not checked for existence. */
  fileExists?: (absOrRelPath: string) => boolean;
  /** Names in a folder, for did-you-mean suggestions; optional. */
  listFiles?: (absOrRelDir: string) => string[];
}

/** A link with a placeholder target (`#` or empty): its real target was lost. */
export function findPlaceholderLinks(report: Report): Diagnostic[] {
  return report.links
    .filter((link) => link.kind === 'placeholder')
    .map((link) =>
      ruleDiagnostic('link-placeholder', `link "${link.text}" has a placeholder target "${link.url}"`, link.source, {
        url: link.url,
        hint: 'put the real address in the link, or remove the link and keep its text',
      }),
    );
}

/** A link using javascript:, data: or vbscript:, which would run or embed code in the reader's browser. */
export function findUnsafeSchemeLinks(report: Report): Diagnostic[] {
  return report.links
    .filter((link) => link.kind === 'unsafe')
    .map((link) =>
      ruleDiagnostic('link-unsafe-scheme', `link "${link.text}" uses an unsafe scheme`, link.source, {
        url: link.url,
        hint: 'link to an https:// address or a #section instead',
      }),
    );
}

/**
 * A link whose scheme lwr does not publish (model/url-schemes.ts): its text is kept, and the
 * editor is told. `file:` links are reported as paths outside the content folder instead.
 */
export function findUnknownSchemeLinks(report: Report): Diagnostic[] {
  return report.links
    .filter((link) => link.kind === 'unknown' && !/^file:/i.test(link.url.trim()))
    .map((link) =>
      ruleDiagnostic('link-scheme-unknown', `link "${link.text}" uses the scheme "${schemeOf(link.url)}:", which lwr does not publish as a link; its text is kept`, link.source, {
        url: link.url,
        hint: `lwr links ${LINK_SCHEMES.join(', ')} addresses; use one of these, or write the address as plain text`,
      }),
    );
}

/** A `#fragment` that names no anchor in the report, with the closest anchor as a suggestion. */
export function findMissingFragments(report: Report): Diagnostic[] {
  const anchors = new Set(report.anchors);
  const suggestions = new Map<string, string | undefined>(); // a missing fragment is often linked many times
  const out: Diagnostic[] = [];
  for (const link of report.links) {
    if (link.kind !== 'internal') continue;
    const fragment = decodeFragment(link.url.trim().slice(1));
    if (anchors.has(fragment)) continue;
    if (!suggestions.has(fragment)) suggestions.set(fragment, didYouMean(fragment, report.anchors));
    const suggestion = suggestions.get(fragment);
    out.push(
      ruleDiagnostic('link-fragment-missing', `#${fragment} names no section, heading or id in the report`, link.source, {
        url: link.url,
        hint: suggestion ? `did you mean #${suggestion}?` : 'lwr model lists every anchor in "anchors"',
      }),
    );
  }
  return out;
}

/**
 * Relative and absolute paths: one that leads outside the content folder is an error and is
 * never looked at; one inside it must name an existing file (when `fileExists` is given).
 * `file:` URLs (an unknown scheme) are treated as paths outside the content folder.
 */
export function findBadRelativeLinks(report: Report, files: FileAccess): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root = path.resolve(files.contentRoot);
  for (const link of report.links) {
    const target = localPath(link);
    if (target === undefined) continue;
    const resolved = path.resolve(root, target);
    const inside = path.relative(root, resolved);
    if (link.kind === 'unknown' || inside.startsWith('..') || path.isAbsolute(inside)) {
      out.push(
        ruleDiagnostic('link-path-escapes', `link "${link.text}" leads outside the content folder`, link.source, {
          url: link.url,
          hint: 'link to a file inside the content folder, by a path relative to it',
        }),
      );
      continue;
    }
    // Links to Markdown files are resolved to sections by the reader; findUnresolvedContentFileLinks says why one did not.
    if (contentFileLink(link.url, files.contentRoot)) continue;
    if (!files.fileExists || inside === '' || files.fileExists(path.join(files.contentRoot, inside))) continue;
    const suggestion = suggestFile(inside, report, files);
    out.push(
      ruleDiagnostic('link-file-missing', `link "${link.text}" points to ${inside.split(path.sep).join('/')}, which does not exist`, link.source, {
        url: link.url,
        ...(suggestion ? { hint: `did you mean ${suggestion}?` } : {}),
      }),
    );
  }
  return out;
}

/** The filesystem path a relative, absolute or file: link names, or undefined for other links. */
function localPath(link: LinkRecord): string | undefined {
  const url = link.url.trim();
  if (link.kind === 'unknown') {
    return /^file:/i.test(url) ? decodePath(url.replace(/^file:(\/\/[^/]*)?/i, '')) : undefined;
  }
  if (link.kind !== 'relative' || url.startsWith('//')) return undefined;
  const withoutQuery = url.replace(/[?#].*$/s, '');
  return decodePath(withoutQuery).replace(/\\/g, '/');
}

function suggestFile(inside: string, report: Report, files: FileAccess): string | undefined {
  const dir = path.dirname(inside);
  const candidates = new Set<string>();
  const known = report.sections.map((s) => path.basename(s.source.file));
  if (dir === '.') known.forEach((name) => candidates.add(name));
  if (files.listFiles) {
    try {
      files.listFiles(path.join(files.contentRoot, dir)).forEach((name) => candidates.add(name));
    } catch {
      // A missing folder has nothing to suggest.
    }
  }
  const name = didYouMean(path.basename(inside), candidates);
  return name === undefined ? undefined : dir === '.' ? name : `${dir.split(path.sep).join('/')}/${name}`;
}

const decodeFragment = (fragment: string): string => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/** Percent-decode a path so `%2e%2e/` is seen as `../`; a malformed escape is kept as written. */
const decodePath = (p: string): string => decodeFragment(p);
