import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ForcesBlock } from '../../model/types.js';
import { renderBlocks } from './blocks.js';
import { headingElement } from './heading-levels.js';
import type { HtmlState } from './state.js';

/** The three forces (or their possibilities): each force a titled panel with its id as anchor. */
export function renderForces(forces: ForcesBlock, state: HtmlState): ElementContent {
  const level = state.headings.forStructureHeading();
  return h(
    `div.forces.forces-${forces.variant}`,
    forces.forces.map((force) =>
      h('div.force', { id: force.id }, [headingElement(level, { className: ['force-name'] }, [{ type: 'text', value: force.name }]), ...renderBlocks(force.children, state)]),
    ),
  );
}
