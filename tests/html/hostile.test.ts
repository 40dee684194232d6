import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/types.js';
import { fixtureReport, pageOf, paragraph, parsePage, renderFirstEdition, reportOf, squash, textOf } from './support.js';

// Content written to attack the page (tests/fixtures/html/hostile/content): raw HTML with
// scripts, frames, handlers and dangerous URLs, and text that looks like Liquid syntax.

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'input', 'button', 'base', 'frame', 'template'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'data', 'cite', 'poster', 'srcSet', 'xLinkHref'];

/** The scheme a browser would read from a URL: whitespace and control characters inside it are ignored. */
const schemeOf = (url: string) => /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[1]?.toLowerCase();

/** Every way `page` could run code or reach the network beyond its own stylesheet, fonts and icon. */
function attacks(page: Root): string[] {
  const found: string[] = [];
  for (const element of selectAll('*', page)) {
    const where = `<${element.tagName}>`;
    if (FORBIDDEN_ELEMENTS.includes(element.tagName)) found.push(`${where} element`);
    if (element.tagName === 'meta' && element.properties.httpEquiv && String(element.properties.httpEquiv).toLowerCase().includes('refresh')) found.push('meta refresh');
    if (element.tagName === 'link' && !['assets/fonts/fonts.css', 'assets/lwr.css', 'assets/favicon.svg'].includes(String(element.properties.href))) found.push(`${where} to ${element.properties.href}`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${where} handler ${name}`);
      if (name === 'style') found.push(`${where} style attribute`);
      if (URL_ATTRIBUTES.includes(name)) {
        const url = String(value);
        const scheme = schemeOf(url);
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${where} ${name}=${url}`);
        // A Markdown image on another site keeps its address (lwr check reports it), and the
        // page's security policy (img-src 'self') stops the browser from asking for it.
        const blockedImage = element.tagName === 'img' && name === 'src' && imagesOnlyFromSelf(page);
        if (/tracker\.example/.test(url) && !blockedImage) found.push(`${where} ${name} reaches ${url}`);
      }
    }
  }
  return found;
}

/** Whether the page's Content-Security-Policy lets images come only from the page's own folder. */
function imagesOnlyFromSelf(page: Root): boolean {
  const policy = selectAll('meta', page).find((m) => String(m.properties.httpEquiv).toLowerCase() === 'content-security-policy');
  return /(^|;)\s*img-src 'self'\s*(;|$)/.test(String(policy?.properties.content ?? ''));
}

let page: Root;
let html: string;

beforeAll(async () => {
  html = pageOf(await renderFirstEdition(fixtureReport('hostile')));
  page = parsePage(html);
});

describe('hostile HTML in the content', () => {
  it('leaves no script, frame, object, style, handler or dangerous URL in the page', () => {
    expect(attacks(page)).toEqual([]);
  });

  it('keeps the readable text the attacks were wrapped around', () => {
    const text = textOf(page);
    for (const words of ['styled words', 'mixed case', 'all entities', 'A paragraph inside a div with a handler.', 'Summary text']) {
      expect(text).toContain(words);
    }
    // The remote image is not dropped: it keeps its alt text, which the browser shows when the policy blocks it.
    expect(selectAll('img[alt="an image"]', page)).toHaveLength(1);
  });

  it('keeps a safe link written as inline HTML, around its text', () => {
    const links = selectAll('a[href="https://example.org/safe"]', page);
    expect(links.map(textOf)).toEqual(['a safe link']);
  });

  it('shows a Markdown link with a dangerous target as its text, not as a link', () => {
    const removed = selectAll('.link-removed', page).map(textOf);
    expect(removed).toEqual(['mixed case', 'spaced', 'data', 'vbscript', 'file']);
  });

  it('keeps ids out of content HTML, so no content can shadow the report’s anchors', () => {
    expect(selectAll('main div[id]', page)).toEqual([]);
  });
});

describe('text that looks like template syntax', () => {
  it('is printed as written, in the body, the quote, its attribution and the metadata', () => {
    const text = textOf(page);
    expect(text).toContain('Template syntax printed as written: {{ 6 | times: 7 }}, {% if true %}yes{% endif %}, {{ body | raw }} and {% include \'page\' %}.');
    expect(text).toContain('“A quote with {{ template }} syntax.”');
    expect(text).toContain('{{ person }}, {% role %}, Salford');
    expect(text).toContain('Raw HTML {{ title }}');
    expect(textOf(selectAll('h1', page)[0] as Element)).toBe('{{ 6 | times: 7 }} Hostile {% raw %} <script>alert(\'subtitle\')</script>');
    expect(textOf(selectAll('title', page)[0] as Element)).toContain('{{ 6 | times: 7 }} Hostile {% raw %}');
    expect(textOf(page)).not.toContain('42');
  });
});

describe('any content at all', () => {
  // Pieces an attacker (or an unlucky editor) might combine, in any order and casing.
  const piece = fc.constantFrom(
    '<script>', '</script>', 'alert(1)', '<img src=x onerror=alert(1)>', '<a href="', 'javascript:', 'JaVaScRiPt:', '&#106;avascript:',
    'data:text/html,', 'vbscript:', '">', '</a>', '<iframe src="//x">', '<style>', '</style>', '<svg onload=alert(1)>', ' onclick="x"',
    '{{ body | raw }}', '{% include "page" %}', '{{', '}}', '{%', '%}', '<!--', '-->', '<', '>', '&', '"', "'", 'text', ' ', '\n',
  );
  const fragment = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('as inline or block HTML never brings code or a foreign request into the page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { minLength: 1, maxLength: 4 }), fragment, async (inlineHtml, blockHtml) => {
        const inlines: Inline[] = inlineHtml.flatMap((value) => [{ type: 'html' as const, value }, { type: 'text' as const, value: ' words ' }]);
        const report = reportOf([paragraph(...inlines), { type: 'html', value: blockHtml, source: { file: 'x.md', line: 1, column: 1 } }]);
        const rendered = parsePage(pageOf(await renderFirstEdition(report)));
        expect(attacks(rendered)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('as text is printed exactly as written, markup and template syntax included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 10 }).map((p) => p.join('')), async (value) => {
        fc.pre(squash(value).length > 0);
        const report = reportOf([paragraph({ type: 'text', value })], { title: value });
        const rendered = parsePage(pageOf(await renderFirstEdition(report)));
        const main = selectAll('main p', rendered).map(textOf);
        expect(main).toEqual([squash(value)]);
        expect(textOf(selectAll('h1', rendered)[0] as Element)).toBe(squash(value));
      }),
      { numRuns: 150 },
    );
  });
});
