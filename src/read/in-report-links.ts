import path from 'node:path';
import { sectionAnchors } from '../model/anchors.js';
import type { InReportTarget, LinkRecord, Section } from '../model/types.js';
import { walkSectionInlines } from '../model/walk.js';
import { classifyUrl } from '../model/link-kind.js';
import { githubSlug, slugify } from './slug.js';

/** A link's URL read as a path to a Markdown file: its content-relative name and its fragment. */
export interface ContentFileLink {
  /** Path relative to the content folder, with forward slashes (`40-methods.md`). */
  name: string;
  /** The decoded `#fragment`, when there is one. */
  fragment?: string;
}

/**
 * The Markdown file a relative link names, or undefined when it names none (a web address,
 * `#id`, a `.csv`, or a path that leaves the content folder, which `link-path-escapes` reports).
 */
export function contentFileLink(url: string, contentRoot: string): ContentFileLink | undefined {
  if (classifyUrl(url) !== 'relative') return undefined;
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return undefined;
  const [, rawPath = '', rawFragment] = /^([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/s.exec(trimmed) ?? [];
  const written = decode(rawPath).replace(/\\/g, '/');
  if (!/\.md$/i.test(written)) return undefined;
  const root = path.resolve(contentRoot);
  const inside = path.relative(root, path.resolve(root, written));
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  const link: ContentFileLink = { name: inside.split(path.sep).join('/') };
  if (rawFragment) link.fragment = decode(rawFragment);
  return link;
}

/** A URL that names a Markdown file: never published as a link unless it resolved. */
export const namesMarkdownFile = (url: string): boolean => contentFileLink(url, '/') !== undefined;

/** Which section each anchor belongs to. */
export function anchorOwners(sections: readonly Section[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const section of sections) for (const anchor of sectionAnchors(section)) owners.set(anchor, section.id);
  return owners;
}

/** The section read from each content file, by the file's name inside the content folder. */
export function sectionsByFileName(sections: readonly Section[]): Map<string, Section> {
  return new Map(sections.map((s) => [path.posix.basename(s.source.file), s]));
}

/**
 * Where a link to a content file lands: the section itself, or the anchor its fragment names
 * inside that section. Fragments are looked up in the report's anchors (so every id the
 * report sets works, aliases included); a fragment that spells the section's title as a
 * heading slug (the `#` heading a file started with) lands on the section.
 */
export function resolveContentFileLink(link: ContentFileLink, files: ReadonlyMap<string, Section>, anchors: ReadonlySet<string>, owners: ReadonlyMap<string, string>): InReportTarget | undefined {
  const section = files.get(link.name);
  if (!section) return undefined;
  const fragment = link.fragment;
  if (fragment === undefined || fragment === '' || fragment === section.id || fragment === githubSlug(section.title) || fragment === slugify(section.title)) return { anchor: section.id, sectionId: section.id };
  if (!anchors.has(fragment)) return undefined;
  // An anchor lwr cannot place (an alias) is taken to be where the link says it is.
  const owner = owners.get(fragment) ?? section.id;
  return owner === section.id ? { anchor: fragment, sectionId: owner } : undefined;
}

/**
 * Resolve every link that lands inside the report (`#id`, and links to content files that
 * are sections) and record the target on the link's record and on the link itself.
 * Links that do not resolve keep no target; `lwr check` says why.
 */
export function resolveInReportLinks(sections: readonly Section[], links: readonly LinkRecord[], allAnchors: readonly string[], contentRoot: string): void {
  const anchors = new Set(allAnchors);
  const owners = anchorOwners(sections);
  const files = sectionsByFileName(sections);
  const targets = new Map<string, InReportTarget>();
  for (const record of links) {
    const target = record.kind === 'internal' ? internalTarget(record.url, owners) : resolveFile(record.url);
    if (!target) continue;
    record.target = target;
    targets.set(record.id, target);
  }
  for (const section of sections) {
    walkSectionInlines(section, (inline) => {
      if (inline.type !== 'link') return;
      const target = targets.get(inline.linkId);
      if (target) inline.target = target;
    });
  }

  function resolveFile(url: string): InReportTarget | undefined {
    const link = contentFileLink(url, contentRoot);
    return link ? resolveContentFileLink(link, files, anchors, owners) : undefined;
  }
}

function internalTarget(url: string, owners: ReadonlyMap<string, string>): InReportTarget | undefined {
  const anchor = decode(url.trim().slice(1));
  const sectionId = owners.get(anchor);
  return sectionId === undefined ? undefined : { anchor, sectionId };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
