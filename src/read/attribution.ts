/** The parts of an attribution such as "J, Peer worker & poet, Salford". */
export interface AttributionParts {
  person?: string;
  role?: string;
  place?: string;
}

/** A leading em dash, or `--`, marks a blockquote's last paragraph as its attribution. */
export const ATTRIBUTION_DASH = /^\s*(?:—|--)\s*/;

const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * Split an attribution into person, role and place, where it has them:
 * "Name, Role, Place"; "Name, Role" or "Role, Place"; "Role in Place"; "Name".
 */
export function parseAttribution(text: string): AttributionParts {
  const parts = text.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 3) return { person: parts[0]!, role: parts.slice(1, -1).join(', '), place: parts.at(-1)! };
  if (parts.length === 2) {
    return NAME.test(parts[0]!) && !/\s+in\s+/.test(parts[1]!) ? { person: parts[0]!, role: parts[1]! } : { role: parts[0]!, place: parts[1]! };
  }
  const only = parts[0] ?? '';
  const inPlace = /^(.+?)\s+in\s+(.+)$/.exec(only);
  if (inPlace) return { role: inPlace[1]!, place: inPlace[2]! };
  return NAME.test(only) ? { person: only } : only ? { role: only } : {};
}
