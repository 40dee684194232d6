import type { Severity } from '../model/diagnostic.js';

/** Every rule lwr knows, in one list: id, family, default severity, one line of description. */
export interface RuleInfo {
  id: string;
  family: 'content' | 'links' | 'attribution' | 'images' | 'fonts' | 'build';
  severity: Severity;
  description: string;
}

export const RULES = [
  // content: reading the files (problems here are fatal: exit 2)
  { id: 'content-missing', family: 'content', severity: 'error', description: 'The content folder is missing, empty or unreadable.' },
  { id: 'file-encoding', family: 'content', severity: 'error', description: 'A file is not valid UTF-8 or contains NUL bytes.' },
  { id: 'file-outside-content', family: 'content', severity: 'error', description: 'A symlink leads outside the content folder.' },
  { id: 'file-empty', family: 'content', severity: 'error', description: 'A content file is empty.' },
  { id: 'front-matter-language', family: 'content', severity: 'error', description: 'Front matter is not YAML (executable front matter such as ---js is refused).' },
  { id: 'front-matter-yaml', family: 'content', severity: 'error', description: 'Front matter is not valid YAML.' },
  { id: 'front-matter-shape', family: 'content', severity: 'error', description: 'Front matter is not a mapping of keys to values.' },
  { id: 'front-matter-field', family: 'content', severity: 'error', description: 'A front-matter field has the wrong type or value (a learning without a number, an id that is not kebab-case), or a key is a misspelling of one lwr reads (with a did-you-mean).' },
  { id: 'front-matter-key-unknown', family: 'content', severity: 'warning', description: 'A front-matter key means nothing to lwr and is ignored; keys other tools write, such as layout or weight, are accepted quietly.' },
  { id: 'title-missing', family: 'content', severity: 'warning', description: 'A file has neither a title in front matter nor a # heading, so its title comes from the file name.' },
  { id: 'heading-level-one', family: 'content', severity: 'warning', description: 'A # heading inside a section\'s body: the section\'s title is its only level-one heading.' },
  { id: 'config-invalid', family: 'content', severity: 'error', description: 'report.yaml or lwr.config.yaml is not valid YAML, is missing a field, has a wrong type, or an unknown key.' },
  { id: 'duplicate-id', family: 'content', severity: 'error', description: 'Two sections, or two headings, claim the same id.' },
  { id: 'directive-shape', family: 'content', severity: 'error', description: 'A container directive (:::comparison, :::forces…) does not have the shape it needs.' },
  { id: 'content-too-deep', family: 'content', severity: 'error', description: 'Blockquotes or lists nest deeper than lwr reads safely (256 levels).' },
  { id: 'edition-section-missing', family: 'content', severity: 'error', description: 'An edition names a section that does not exist.' },
  { id: 'rule-unknown', family: 'content', severity: 'warning', description: '`rules:` (report.yaml, lwr.config.yaml), an lwr.config.yaml ignore or an lwr-ignore comment names a rule lwr does not know.' },
  { id: 'check-usage', family: 'content', severity: 'error', description: 'lwr check was given something it cannot use: a file outside the content folder or missing, or a --include/--exclude pattern that is not a regular expression.' },
  { id: 'html-removed', family: 'content', severity: 'warning', description: 'Raw HTML that the HTML edition removes: <script>, <style>, <iframe> and other elements with their content, images and form controls, event handlers, unsafe link targets.' },
  { id: 'table-cells-ignored', family: 'content', severity: 'warning', description: 'A table row has more cells than the header row; GFM does not show the extra cells.' },
  // links
  { id: 'link-placeholder', family: 'links', severity: 'error', description: 'A link has a placeholder target (# or empty).' },
  { id: 'link-fragment-missing', family: 'links', severity: 'error', description: 'A #fragment (or file.md#fragment) names no section, heading or id in the report (or in that file).' },
  { id: 'link-file-missing', family: 'links', severity: 'error', description: 'A relative link points to a file that does not exist, or to a Markdown file that is not a section of the report.' },
  { id: 'link-target-draft', family: 'links', severity: 'warning', description: 'A link points to a draft (draft: true), which every edition leaves out; the link is published as its text.' },
  { id: 'link-path-escapes', family: 'links', severity: 'error', description: 'A relative or absolute path leads outside the content folder.' },
  { id: 'link-unsafe-scheme', family: 'links', severity: 'error', description: 'A link uses javascript:, data: or vbscript:.' },
  { id: 'link-scheme-unknown', family: 'links', severity: 'warning', description: 'A link uses a scheme lwr does not publish as a link (only http, https, mailto, tel, irc, ircs, ftp, ftps, xmpp); its text is kept.' },
  { id: 'link-text-not-descriptive', family: 'links', severity: 'warning', description: 'Link text such as "here" or "click here" does not describe its target (WCAG 2.4.4).' },
  { id: 'link-lost', family: 'links', severity: 'warning', description: 'A "Read more … here" sentence has no link, so its link was lost (heuristic: a clause opening with read, find out, learn, explore, listen, watch, download, discover, visit or view, and the sentence ending in "here"; or "Click here").' },
  { id: 'id-reserved', family: 'links', severity: 'error', description: 'A section, heading or other anchor id is one the HTML page uses itself (main, contents-title): links to it would land on the page\'s own element.' },
  { id: 'footnote-undefined', family: 'links', severity: 'error', description: 'A footnote is referenced but never defined.' },
  { id: 'footnote-unused', family: 'links', severity: 'warning', description: 'A footnote is defined but never referenced.' },
  { id: 'link-external-broken', family: 'links', severity: 'error', description: 'An external link answers with a status that is not accepted (--accept), or not at all (--external).' },
  { id: 'link-external-redirect', family: 'links', severity: 'info', description: 'An external link redirects; the report shows where it ends.' },
  { id: 'link-external-redirect-loop', family: 'links', severity: 'error', description: 'An external link redirects in a loop or too many times.' },
  { id: 'link-external-fragment', family: 'links', severity: 'error', description: 'An external link\'s #fragment is not an id in the target page.' },
  { id: 'link-external-unverifiable', family: 'links', severity: 'warning', description: 'A host refused an automated check (a bot wall), kept rate-limiting it, or the link ran out of its time (--link-deadline); the link could not be verified.' },
  { id: 'link-external-redirect-refused', family: 'links', severity: 'error', description: 'An external link redirects from a public address into a loopback, private or link-local one (or to an address --exclude-private/--exclude-link-local/--exclude-loopback skips); the redirect is not followed.' },
  { id: 'link-external-offline', family: 'links', severity: 'error', description: 'The network is unreachable (no host name resolves): said once, and the external links are not checked.' },
  // attribution
  { id: 'quote-unattributed', family: 'attribution', severity: 'error', description: 'A quote has no attribution.' },
  { id: 'attribution-attributes', family: 'attribution', severity: 'error', description: 'The {person="" role="…" place="…"} list on an attribution line cannot be read or names an unknown key.' },
  { id: 'learning-unattributed', family: 'attribution', severity: 'error', description: 'A learning says nothing about where it comes from.' },
  { id: 'poem-no-author', family: 'attribution', severity: 'error', description: 'A poem has no author.' },
  { id: 'person-inconsistent', family: 'attribution', severity: 'warning', description: 'The same person is written two ways across the report ("J" and "J."; an initial and a fuller name sharing a role word, such as "J" and "J, Ahmed", both "poet"), or with conflicting places or roles.' },
  { id: 'key-learnings-mismatch', family: 'attribution', severity: 'warning', description: 'The "three big things" summary does not agree with the learnings\' titles.' },
  // images: figures and images, their files (read once by the loader) and their alt text
  { id: 'image-missing', family: 'images', severity: 'error', description: 'An image names a file that does not exist in the content folder (or has no address).' },
  { id: 'image-remote', family: 'images', severity: 'error', description: 'An image is on another site (https://…): lwr never downloads it, the PDF cannot include it, and the HTML page\'s security policy blocks it.' },
  { id: 'image-outside-content', family: 'images', severity: 'error', description: 'An image path leads outside the content folder (.., an absolute path, file:, a symlink out, another scheme); it is never read.' },
  { id: 'image-format-unsupported', family: 'images', severity: 'error', description: 'An image is GIF, WebP, TIFF, HEIC or another format lwr does not publish; convert it to PNG or JPEG.' },
  { id: 'image-unreadable', family: 'images', severity: 'error', description: 'An image file is empty, truncated, damaged, or not an image (an SVG without a size or not well-formed).' },
  { id: 'image-unsafe-svg', family: 'images', severity: 'error', description: 'An SVG has script, event handlers, a DOCTYPE, or references to other files; it is not published.' },
  { id: 'image-over-limit', family: 'images', severity: 'error', description: 'An image is larger than lwr reads safely (50 megapixels, 50 MB, an interlaced PNG of over 32 MB decoded, or an SVG of 50,000 elements): a decompression bomb is refused from its header.' },
  { id: 'image-alt-missing', family: 'images', severity: 'error', description: 'A figure\'s image has no alt text (WCAG 1.1.1); only an image inside a line of text may be decorative (empty alt).' },
  { id: 'image-too-large', family: 'images', severity: 'warning', description: 'An image file is over 5 MB: readers download it with the page.' },
  { id: 'image-low-resolution', family: 'images', severity: 'warning', description: 'A figure\'s raster image would print below 150 dpi at its size in the PDF.' },
  { id: 'image-extension-mismatch', family: 'images', severity: 'warning', description: 'An image file\'s name says one format and its bytes another (photo.png that is a JPEG); lwr publishes it by its bytes.' },
  // fonts
  { id: 'font-missing-glyph', family: 'fonts', severity: 'error', description: "A character no font has a glyph for (neither lwr's fonts, nor the report's fonts:, nor the system's): the PDF would print it as an empty box." },
  // build: lwr build's own verification of its output against the model
  { id: 'edition-incomplete', family: 'build', severity: 'error', description: "An edition's output is missing a quote, learning, footnote or poem that its model has." },
  { id: 'edition-text-order', family: 'build', severity: 'warning', description: "The PDF draws every word of a quote, learning, footnote or poem in right-to-left script, but pdftotext reads them back in another order than they are written." },
  { id: 'build-usage', family: 'build', severity: 'error', description: 'lwr build was asked for an edition or format the report does not define.' },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

/** The families `lwr check` can run on their own. */
export type CheckFamily = 'links' | 'attribution' | 'images' | 'fonts';
export const CHECK_FAMILIES: readonly CheckFamily[] = ['links', 'attribution', 'images', 'fonts'];

const byId = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

/** Look a rule up by id; undefined for an unknown id. */
export const ruleInfo = (id: string): RuleInfo | undefined => byId.get(id);

/** Every rule id, for did-you-mean suggestions. */
export const ruleIds = (): string[] => [...byId.keys()];
