// Scoring of a format-2 instrument (methodology §3 on a tree, §7): the same steps as format 1, with
// groups of any depth in place of dimension → variable.
//   instance value, indicator value: as §3.1–3.2; a secondary-data indicator takes the value the office
//     recorded for the locus (LocusInputs.secondary), the same for every unit of the locus;
//   group value: weighted mean of its children that have a value; a child group without a value is
//     skipped (ifEmpty "skip", like a format-1 variable) or counts 0 (ifEmpty "zero", like a format-1
//     dimension); a group none of whose children has a real value has no value;
//   points of a top-level group = weight × value (0 without a value); unit score = Σ points, rounded
//     half-up to 2 decimals once. The 2025 method's "70 % dimensions + 30 % trust" is two top-level
//     groups weighing 70 and 30.
// A format-1 instrument converted to format 2 (convert-v1.ts) scores identically: tested as a property.
import { baseKeyOf, instanceIdsFor, instancesOf } from "../assessment/instances";
import type { AssessmentContent } from "../assessment/types";
import { indexInstrument } from "../instrument/instrument-index";
import { walkGroups } from "../instrument/project-tree";
import type { Group, Instrument } from "../instrument/types";
import {
  type DimensionScore,
  type DimensionScores,
  type GroupScore,
  instanceValue,
  type LocusInputs,
} from "./dimension-scores";
import { mean, roundHalfUp } from "./round";

interface GroupValue {
  /** null: nothing under the group has a value. */
  readonly value: number | null;
}

export function computeTreeScores(
  instrument: Instrument & { readonly groups: readonly Group[] },
  content: AssessmentContent,
  locus?: LocusInputs,
): DimensionScores {
  const index = indexInstrument(instrument);
  const instances = instancesOf(content, instrument);
  const indicatorValues = new Map<string, number | null>();
  const secondaryOnly = new Set<string>();
  for (const entry of index.ordered) {
    const { indicator } = entry;
    if (indicator.source?.kind === "secondary") {
      secondaryOnly.add(indicator.id);
      const recorded = locus?.secondary;
      const value =
        recorded !== undefined && Object.hasOwn(recorded, indicator.id) ? recorded[indicator.id] : null;
      const meaning = entry.interpret(value);
      indicatorValues.set(indicator.id, meaning.status === "scored" ? meaning.value : null);
      continue;
    }
    const values: number[] = [];
    for (const id of instanceIdsFor(indicator, instances)) {
      const v = instanceValue(entry, content, baseKeyOf(indicator, id));
      if (v !== null) values.push(v);
    }
    indicatorValues.set(indicator.id, mean(values));
  }
  const groupValues = new Map<Group, GroupValue>();
  const groupValue = (group: Group): number | null => {
    const known = groupValues.get(group);
    if (known !== undefined) return known.value;
    let weightSum = 0;
    let sum = 0;
    let anyValue = false;
    if (group.indicators !== undefined) {
      for (const ind of group.indicators) {
        const v = indicatorValues.get(ind.id) ?? null;
        if (v === null) continue;
        anyValue = true;
        weightSum += ind.weight;
        sum += ind.weight * v;
      }
    } else {
      for (const child of group.groups ?? []) {
        const v = groupValue(child);
        if (v === null && child.ifEmpty === "skip") continue;
        if (v !== null) anyValue = true;
        weightSum += child.weight;
        sum += child.weight * (v ?? 0);
      }
    }
    const value = !anyValue || weightSum === 0 ? null : sum / weightSum;
    groupValues.set(group, { value });
    return value;
  };
  let exactTotal = 0;
  const composite = instrument.groups.map((group): GroupScore => {
    const value = groupValue(group);
    const exactPoints = value === null ? 0 : group.weight * value;
    exactTotal += exactPoints;
    return {
      id: group.id,
      name: group.name,
      weight: group.weight,
      value,
      exactPoints,
      points: roundHalfUp(exactPoints, 2),
    };
  });
  const shares = new Map(walkGroups(instrument.groups).map((e) => [e.group.id, e]));
  const dimensions = instrument.dimensions.map((dimension): DimensionScore => {
    const entry = shares.get(dimension.id);
    const value = entry === undefined ? null : groupValue(entry.group);
    // Display points: the dimension's share of the 100 × its value (its contribution whenever the
    // groups above it do not re-weight, which is the case for every shipped instrument).
    const exactPoints = value === null ? 0 : dimension.weight * value;
    const secondary = dimension.variables.every((v) => v.indicators.every((i) => secondaryOnly.has(i.id)));
    return {
      id: dimension.id,
      weight: dimension.weight,
      value,
      exactPoints,
      points: roundHalfUp(exactPoints, 2),
      ...(secondary ? { secondary: true } : {}),
    };
  });
  return { dimensions, exactTotal, total: roundHalfUp(exactTotal, 2), composite };
}
