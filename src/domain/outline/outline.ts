// The instrument as a navigable outline: the group tree of a format-2 instrument (any depth), or
// Dimensi → Variabel for format 1, each node with its share of the 100 points, whether that share
// rests on an inferred weight, whether it is secondary data only, and its indicator entries in
// instrument order. Pure data for the checklist's grouped navigation (headings, a table of contents,
// progress per node, "next unanswered"): the UI renders it and never walks the instrument itself.
// Invariant: the concatenation of every leaf's entries, in outline order, is
// indexInstrument(instrument).ordered — no indicator missing, none twice.
import { type IndicatorEntry, indexInstrument } from "../instrument/instrument-index";
import { walkGroups } from "../instrument/project-tree";
import { type Instrument, isFormat2, type LocalText, type WeightProvenance } from "../instrument/types";

export interface OutlineNode {
  readonly id: string;
  readonly name: LocalText;
  /** 0 for a top-level group / dimension. */
  readonly depth: number;
  /** Effective share of the unit score's 100 points. */
  readonly share: number;
  /** "inferred" when a weight on the path from the top is not published (format 2); else "sourced". */
  readonly provenance: WeightProvenance;
  /** Every indicator under the node is secondary data (valued per locus by the office). */
  readonly secondary: boolean;
  readonly children: readonly OutlineNode[];
  /** Indicators directly in this node (leaves only). */
  readonly entries: readonly IndicatorEntry[];
  /** Every indicator under this node, in instrument order. */
  readonly allEntries: readonly IndicatorEntry[];
}

const cache = new WeakMap<Instrument, readonly OutlineNode[]>();

export function instrumentOutline(instrument: Instrument): readonly OutlineNode[] {
  const cached = cache.get(instrument);
  if (cached !== undefined) return cached;
  const outline = isFormat2(instrument) ? treeOutline(instrument) : flatOutline(instrument);
  cache.set(instrument, outline);
  return outline;
}

/** Every node in pre-order (handy for a table of contents or a lookup by id). */
export function flattenOutline(nodes: readonly OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (list: readonly OutlineNode[]) => {
    for (const node of list) {
      out.push(node);
      visit(node.children);
    }
  };
  visit(nodes);
  return out;
}

function node(base: Omit<OutlineNode, "allEntries" | "secondary">): OutlineNode {
  const allEntries = [...base.entries, ...base.children.flatMap((c) => c.allEntries)].sort(
    (a, b) => a.position - b.position,
  );
  const secondary =
    allEntries.length > 0 && allEntries.every((e) => e.indicator.source?.kind === "secondary");
  return { ...base, allEntries, secondary };
}

function treeOutline(instrument: Instrument & { readonly groups: NonNullable<Instrument["groups"]> }) {
  const index = indexInstrument(instrument);
  const walked = walkGroups(instrument.groups);
  const byGroup = new Map(walked.map((e) => [e.group, e]));
  const build = (group: (typeof walked)[number]["group"]): OutlineNode => {
    const entry = byGroup.get(group);
    const entries = (group.indicators ?? [])
      .map((ind) => index.byId.get(ind.id))
      .filter((e): e is IndicatorEntry => e !== undefined);
    return node({
      id: group.id,
      name: group.name,
      depth: entry?.depth ?? 0,
      share: entry?.share ?? group.weight,
      provenance: entry?.provenance ?? group.weightProvenance,
      children: (group.groups ?? []).map(build),
      entries,
    });
  };
  return instrument.groups.map(build);
}

function flatOutline(instrument: Instrument): OutlineNode[] {
  const index = indexInstrument(instrument);
  return instrument.dimensions.map((dimension) => {
    const sum = dimension.variables.reduce((n, v) => n + v.weight, 0);
    const children = dimension.variables.map((variable) =>
      node({
        id: variable.id,
        name: variable.name,
        depth: 1,
        share: sum === 0 ? 0 : (dimension.weight * variable.weight) / sum,
        provenance: "sourced",
        children: [],
        entries: index.ordered.filter((e) => e.variable === variable),
      }),
    );
    return node({
      id: dimension.id,
      name: dimension.name,
      depth: 0,
      share: dimension.weight,
      provenance: "sourced",
      children,
      entries: [],
    });
  });
}
