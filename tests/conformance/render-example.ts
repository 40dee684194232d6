import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { readReport } from '../../src/read/report.js';
import { renderBody } from '../../src/render/html/body.js';

/** What the reader and the HTML renderer make of one example's Markdown, as one section's body. */
export interface RenderedExample {
  /** The section's content as HTML, without its title; absent when the reader refused it. */
  html?: string;
  diagnostics: Diagnostic[];
}

const FRONT_MATTER = '---\nid: example\ntitle: Example\n---\n';

/** Read `markdown` as the body of a one-section report and render it with the HTML renderer. */
export function renderExample(markdown: string): RenderedExample {
  const { report, diagnostics } = readReport({ dir: 'content', root: '/nonexistent/content', files: [{ path: 'content/example.md', text: FRONT_MATTER + markdown }] });
  if (!report) return { diagnostics };
  const section = renderBody(report).children.find((node): node is Element => node.type === 'element' && node.tagName === 'section');
  if (!section) return { diagnostics };
  // The section's own title is lwr's, not the example's.
  const body: ElementContent[] = section.children.filter((node) => !(node.type === 'element' && node.tagName === 'header') && !isSectionTitle(node));
  return { html: toHtml({ type: 'root', children: body }), diagnostics };
}

const isSectionTitle = (node: ElementContent) => node.type === 'element' && node.tagName === 'h2';
