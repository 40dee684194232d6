import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Diagnostic } from '../../model/diagnostic.js';
import { sanitiseElement } from '../../model/raw-html-policy.js';
import type { SourcePosition } from '../../model/types.js';
import { schemePolicy } from '../../model/url-schemes.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';
import type { RawHtmlPiece } from './raw-html-pieces.js';

/** Images, media and form controls: unwrapping one leaves nothing of it. */
const EMBEDDED = new Set(['img', 'image', 'input', 'video', 'audio', 'picture', 'canvas', 'source', 'track', 'area', 'button', 'meter', 'progress', 'link', 'meta', 'base', 'param', 'frame', 'frameset', 'applet', 'keygen']);
/** Attributes that hold a URL a reader's browser would follow or load. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'data'];

/**
 * Raw HTML the HTML edition removes (src/model/raw-html-policy.ts), reported where it was
 * written: elements removed with their content (`<script>`, `<style>`, `<iframe>`…), images,
 * media and form controls, event handlers, and link targets with an unsafe or unknown scheme.
 * Nothing raw HTML holds is dropped without a word. The pieces are rawHtmlWithElements'.
 */
export function findRemovedHtml(pieces: readonly RawHtmlPiece[]): Diagnostic[] {
  return pieces.flatMap(({ html, at }) => removedIn(html, at));
}

function removedIn(html: string, at: SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const position = positionIn(node, at);
      const tag = `<${node.tagName}>`;
      const verdict = sanitiseElement(node);
      if (verdict === 'drop') {
        out.push(ruleDiagnostic('html-removed', `${tag} is removed from the HTML edition, with its content`, position, { hint: 'raw HTML may not run code, embed other pages or restyle the page; write the content in Markdown' }));
        continue; // what it holds goes with it
      }
      if (verdict === 'unwrap' && EMBEDDED.has(node.tagName)) {
        out.push(ruleDiagnostic('html-removed', `${tag} is removed from the HTML edition`, position, { hint: node.tagName === 'img' ? 'use a Markdown image: ![what it shows](file)' : 'raw HTML may not add images, media or form controls' }));
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name)) {
          out.push(ruleDiagnostic('html-removed', `the event handler ${name.toLowerCase()} on ${tag} is removed from the HTML edition`, position, { hint: 'the page runs no scripts' }));
        } else if (URL_ATTRIBUTES.includes(name) && typeof value === 'string' && ['unsafe', 'unknown'].includes(schemePolicy(value)) && verdict !== 'unwrap') {
          out.push(ruleDiagnostic('html-removed', `the link target "${value.trim().slice(0, 60)}" on ${tag} is removed from the HTML edition`, position, { url: value, hint: 'link to an https:// address, a #section or a file in the content folder' }));
        }
      }
      visit(node.children);
    }
  };
  visit((fromHtml(html, { fragment: true }) as Root).children);
  return out;
}

/** The file position of an element parsed from a piece of raw HTML that starts at `at`. */
function positionIn(element: Element, at: SourcePosition): SourcePosition {
  const start = element.position?.start;
  if (!start) return at;
  return { file: at.file, line: at.line + start.line - 1, column: start.line === 1 ? at.column + start.column - 1 : start.column };
}
