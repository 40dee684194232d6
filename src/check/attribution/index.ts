import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { findKeyLearningMismatches } from './key-learnings.js';
import { findPoemsWithoutAuthor, findUnattributedLearnings, findUnattributedQuotes } from './missing.js';
import { findInconsistentPeople } from './people.js';

/** Every attribution rule: quotes, learnings and poems attributed; people and the summary consistent. */
export function checkAttribution(report: Report): Diagnostic[] {
  return [
    ...findUnattributedQuotes(report),
    ...findUnattributedLearnings(report),
    ...findPoemsWithoutAuthor(report),
    ...findInconsistentPeople(report),
    ...findKeyLearningMismatches(report),
  ];
}
