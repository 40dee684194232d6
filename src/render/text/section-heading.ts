import type { Section } from '../../model/types.js';

/** The heading a section is listed and set under: a learning carries its number. */
export const sectionHeading = (section: Section): string => (section.learning ? `Learning ${section.learning.number}: ${section.title}` : section.title);
