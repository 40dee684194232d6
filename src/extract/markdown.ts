import { blocksText } from '../model/text.js';
import type { Block, Inline } from '../model/types.js';
import { namesMarkdownFile } from '../read/in-report-links.js';
import { classifyUrl } from '../model/link-kind.js';

/**
 * Model content back to Markdown, for pasting quotes elsewhere. Emphasis and web links are
 * kept; placeholder and in-report links (`#id`, `40-methods.md`) become their text (they lead
 * nowhere once pasted);
 * footnote markers and raw HTML are dropped. Text is escaped so it reads back as text.
 */

const escapeText = (value: string): string => value.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');

/** A line that would start a heading, quote, list, rule or setext underline is escaped at its start. */
const escapeLineStart = (line: string): string => line.replace(/^(\s*)(?:([#>+=-])|(\d+)([.)]))/, (_, space: string, mark?: string, digits?: string, dot?: string) => (mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`));

/** Emphasis markers must touch their text: surrounding spaces move outside them. */
function wrapIn(marker: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : inner;
}

function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^[` ]|[` ]$/.test(value) ? ` ${value} ` : value;
  return `${fence}${padded}${fence}`;
}

function link(inline: Extract<Inline, { type: 'link' }>): string {
  const text = inlinesToMarkdown(inline.children);
  const kind = classifyUrl(inline.url);
  // A link into the report (#id, or another content file) leads nowhere once pasted elsewhere.
  if (kind === 'placeholder' || kind === 'internal' || kind === 'unsafe' || namesMarkdownFile(inline.url)) return text;
  const url = inline.url.trim().replace(/[ ()<>]/g, (ch) => encodeURIComponent(ch));
  if (text === escapeText(inline.url.trim())) return `<${url}>`;
  const title = inline.title ? ` "${inline.title.replace(/["\\]/g, '\\$&')}"` : '';
  return `[${text}](${url}${title})`;
}

/** Inlines as Markdown; a hard break is a backslash at the end of the line. */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out += escapeText(inline.value.replace(/[ \t]*\n[ \t]*/g, ' '));
        break;
      case 'inlineCode':
        out += codeSpan(inline.value);
        break;
      case 'break':
        out += '\\\n';
        break;
      case 'strong':
        out += wrapIn('**', inlinesToMarkdown(inline.children));
        break;
      case 'emphasis':
        out += wrapIn('*', inlinesToMarkdown(inline.children));
        break;
      case 'delete':
        out += wrapIn('~~', inlinesToMarkdown(inline.children));
        break;
      case 'link':
        out += link(inline);
        break;
      case 'term':
      case 'language':
        out += inlinesToMarkdown(inline.children);
        break;
      case 'footnoteReference':
      case 'html':
        break;
    }
  }
  return out.split('\n').map(escapeLineStart).join('\n');
}

const indentLines = (text: string, first: string, rest: string): string => text.split('\n').map((line, i) => (line === '' ? '' : `${i === 0 ? first : rest}${line}`)).join('\n');

function blockToMarkdown(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesToMarkdown(block.children);
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.depth))} ${inlinesToMarkdown(block.children)}`;
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '- ';
          return indentLines(blocksToMarkdown(item.children), marker, ' '.repeat(marker.length));
        })
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...(block.value.match(/`+/g) ?? []).map((run) => run.length + 1)));
      return `${fence}${block.lang ?? ''}\n${block.value}\n${fence}`;
    }
    case 'quote': {
      const attribution = block.attribution ? `\n\n— ${inlinesToMarkdown(block.attribution.children)}` : '';
      return asBlockquote(`${blocksToMarkdown(block.children)}${attribution}`);
    }
    case 'thematicBreak':
      return '***';
    case 'language':
      return blocksToMarkdown(block.children);
    default:
      // Tables, raw HTML and the report's structures do not occur inside quotes; keep their words.
      return blocksText([block]).split('\n').map((line) => escapeLineStart(escapeText(line))).join('\n');
  }
}

/** Blocks as Markdown, separated by blank lines. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return blocks.map(blockToMarkdown).filter((text) => text !== '').join('\n\n');
}

/** Markdown text inside a blockquote: every line behind `> `, blank lines as `>`. */
export const asBlockquote = (markdown: string): string => markdown.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
