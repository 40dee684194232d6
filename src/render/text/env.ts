import type { HeadingNesting } from '../../model/heading-nesting.js';
import type { Block } from '../../model/types.js';
import type { LinkReferences } from './links.js';
import type { TextStyle } from './options.js';

/** What every block renderer of the text edition receives besides its block and width. */
export interface TextEnv {
  style: TextStyle;
  links: LinkReferences;
  /** Title of the section being rendered (a poem does not repeat it). */
  sectionTitle: string;
  /** How deep the section's headings nest, as every edition reads it. */
  headings: HeadingNesting;
  /** Render nested blocks at a width; passed in so that block renderers need not import the dispatcher. */
  blocks: (blocks: readonly Block[], width: number) => string[];
}
