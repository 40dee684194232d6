import { imageAssetPaths } from '../../model/image-names.js';
import type { LinkRecord, Report, Section } from '../../model/types.js';
import { directionOf } from '../../model/language.js';
import { HeadingLevels } from './heading-levels.js';

/** What rendering one page remembers while it walks the model. */
export interface HtmlState {
  report: Report;
  /** Link records by id, to know which links are the placeholders the checker reports. */
  linksById: ReadonlyMap<string, LinkRecord>;
  /** For each footnote id, the ids of its references in the order they were rendered. */
  footnoteReferences: Map<string, string[]>;
  /** The section being rendered, and its heading levels. */
  section?: Section;
  headings: HeadingLevels;
  /** Every id on the page so far: the model's anchors first, then the ids the renderer adds. */
  usedIds: Set<string>;
  /** Where each image file is published, by sha256 (`imageAssetPaths`). */
  imageAssets: ReadonlyMap<string, string>;
  /** The direction of the text around what is being rendered: the report's, a language block's, an element's own. */
  direction: 'ltr' | 'rtl';
}

/** A fresh state for rendering `report`. */
export function createHtmlState(report: Report): HtmlState {
  return {
    report,
    linksById: new Map(report.links.map((link) => [link.id, link])),
    footnoteReferences: new Map(),
    headings: new HeadingLevels(),
    usedIds: new Set(report.anchors),
    imageAssets: imageAssetPaths(report),
    direction: directionOf(report.meta.language),
  };
}

/**
 * Reserve an id the renderer adds (a footnote reference, a notes heading). The model's
 * anchors always win: a clash gets a numbered suffix instead of shadowing a content anchor.
 */
export function claimId(state: HtmlState, base: string): string {
  let id = base;
  for (let n = 2; state.usedIds.has(id); n++) id = `${base}-${n}`;
  state.usedIds.add(id);
  return id;
}
