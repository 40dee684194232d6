import type { StructNode } from './types.js';

/**
 * Collects the tagged-PDF structure tree while the layout is built. Nodes get short ids in
 * creation order; the drawing layer attaches each to its parent when its first content is
 * drawn, so siblings follow reading order.
 */
export class StructureTree {
  private readonly nodes: StructNode[] = [];
  private readonly byId = new Map<string, StructNode>();

  /** Add a node of a standard structure type (`P`, `H2`, `L`, `Quote`…) under `parent`. */
  add(type: string, parent: string | null, extra: Pick<StructNode, 'scope' | 'elementId' | 'alt' | 'lang'> = {}): string {
    const id = `s${this.nodes.length + 1}`;
    const node: StructNode = { id, type, parent, ...extra };
    this.nodes.push(node);
    this.byId.set(id, node);
    return id;
  }

  /** The parent of a node (null at the root). */
  parentOf(id: string): string | null {
    return this.byId.get(id)?.parent ?? null;
  }

  /** The nodes in creation order. */
  list(): StructNode[] {
    return [...this.nodes];
  }
}
