// The format-2 group tree seen through format-1 eyes, and the tree walks scoring needs.
// Projection: every leaf group (one holding indicators) becomes a "variable"; its parent group (or
// itself, when it is a top-level leaf) becomes a "dimension". A dimension's weight is its effective
// share of the 100 points (product of the normalised weights on its path), so screens that show
// "Dimensi Input · Bobot 17.5" stay right. The projection is for display and navigation only: the
// score of a format-2 instrument is computed on the tree itself (scoring/tree-scores.ts).
import type { Dimension, Group, Indicator, Variable, WeightProvenance } from "./types";

export interface GroupPathEntry {
  readonly group: Group;
  /** Effective share of the total (points): top-level weight, then × weight / Σ sibling weights. */
  readonly share: number;
  /** "inferred" when any weight on the path from the top is inferred. */
  readonly provenance: WeightProvenance;
  readonly depth: number;
  readonly parent: Group | null;
}

/** Every group in tree order (pre-order) with its effective share. */
export function walkGroups(groups: readonly Group[]): GroupPathEntry[] {
  const out: GroupPathEntry[] = [];
  const visit = (
    list: readonly Group[],
    parentShare: number | null,
    parentProv: WeightProvenance,
    depth: number,
    parent: Group | null,
  ) => {
    const sum = list.reduce((n, g) => n + g.weight, 0);
    for (const group of list) {
      const share = parentShare === null ? group.weight : (parentShare * group.weight) / sum;
      const provenance: WeightProvenance =
        parentProv === "inferred" || group.weightProvenance === "inferred" ? "inferred" : "sourced";
      out.push({ group, share, provenance, depth, parent });
      if (group.groups !== undefined) visit(group.groups, share, provenance, depth + 1, group);
    }
  };
  visit(groups, null, "sourced", 0, null);
  return out;
}

export function treeIndicators(groups: readonly Group[]): Indicator[] {
  const out: Indicator[] = [];
  for (const { group } of walkGroups(groups))
    if (group.indicators !== undefined) out.push(...group.indicators);
  return out;
}

export function projectDimensions(groups: readonly Group[]): Dimension[] {
  const entries = walkGroups(groups);
  const byGroup = new Map(entries.map((e) => [e.group, e]));
  const dims = new Map<Group, { dimension: Dimension; variables: Variable[] }>();
  const order: Group[] = [];
  for (const entry of entries) {
    const leaf = entry.group;
    if (leaf.indicators === undefined) continue;
    const owner = entry.parent ?? leaf;
    let dim = dims.get(owner);
    if (dim === undefined) {
      const ownerEntry = byGroup.get(owner) ?? entry;
      const variables: Variable[] = [];
      dim = {
        variables,
        dimension: {
          id: owner.id,
          name: owner.name,
          weight: ownerEntry.share,
          weightProvenance: ownerEntry.provenance,
          ...(owner.provenance === undefined ? {} : { provenance: owner.provenance }),
          variables,
        },
      };
      dims.set(owner, dim);
      order.push(owner);
    }
    dim.variables.push({
      id: leaf.id,
      name: leaf.name,
      // A top-level leaf is its own only variable: its weight inside itself is 1.
      weight: owner === leaf ? 1 : leaf.weight,
      weightProvenance: leaf.weightProvenance,
      ...(leaf.provenance === undefined ? {} : { provenance: leaf.provenance }),
      ...(leaf.method === undefined ? {} : { method: leaf.method }),
      indicators: leaf.indicators,
    });
  }
  return order.map((g) => dims.get(g)?.dimension).filter((d): d is Dimension => d !== undefined);
}
