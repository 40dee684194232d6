import type { Root } from 'hast';
import type { Report } from '../../model/types.js';
import { lineBreakBlocks } from './block-whitespace.js';
import { unlinkMissingTargets } from './dangling-links.js';
import { renderSection } from './section.js';
import { createHtmlState } from './state.js';

/** The report's sections as one HTML tree, ready to serialise into the page's `main`. */
export function renderBody(report: Report): Root {
  const state = createHtmlState(report);
  const root: Root = { type: 'root', children: report.sections.map((section) => renderSection(section, state)) };
  return lineBreakBlocks(unlinkMissingTargets(root));
}
