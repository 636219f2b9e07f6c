// The scoring contract of methodology.md §3, steps 1–6. Pure arithmetic on unrounded values; the only
// rounding is of the final sum (and of per-dimension points for display, never summed).
import { answerAt, baseKeyOf, instanceIdsFor, instancesOf, partKeyOf } from "../assessment/instances";
import type { AnswerValue, AssessmentContent } from "../assessment/types";
import type { LocalText } from "../common/validate";
import { type IndicatorEntry, indexInstrument } from "../instrument/instrument-index";
import { type Instrument, isFormat2 } from "../instrument/types";
import { mean, roundHalfUp } from "./round";
import { computeTreeScores } from "./tree-scores";

export interface DimensionScore {
  readonly id: string;
  readonly weight: number;
  /** Weighted mean of its variables' values, 0..1; null while nothing in it has a value. */
  readonly value: number | null;
  /** weight × value, unrounded: what the total is summed from. */
  readonly exactPoints: number;
  /** exactPoints rounded half-up to 2 decimals, for display only (never summed). */
  readonly points: number;
  /** Format 2: true when every indicator under it is secondary data (valued per locus by the office). */
  readonly secondary?: boolean;
}

/** Format 2: a top-level group of the tree (e.g. the 70 % dimensions and the 30 % public trust). */
export interface GroupScore {
  readonly id: string;
  readonly name: LocalText;
  readonly weight: number;
  readonly value: number | null;
  readonly exactPoints: number;
  readonly points: number;
}

/** What a locus contributes to every unit's score in a period (format 2): secondary data values. */
export interface LocusInputs {
  /** Indicator id → the value the office recorded for the locus (an answer on the indicator's scale). */
  readonly secondary?: Readonly<Record<string, AnswerValue>>;
}

export interface DimensionScores {
  readonly dimensions: readonly DimensionScore[];
  /** Σ exactPoints, unrounded. */
  readonly exactTotal: number;
  /** The unit score: exactTotal rounded half-up to 2 decimals, once. */
  readonly total: number;
  /** Format 2: the top-level groups (the composite), in instrument order. */
  readonly composite?: readonly GroupScore[];
}

/** Step 1: an instance's value; with media parts, the mean of the parts that have a value. */
export function instanceValue(
  entry: IndicatorEntry,
  content: AssessmentContent,
  baseKey: string,
): number | null {
  const media = entry.indicator.media;
  if (media === undefined) {
    const meaning = entry.interpret(answerAt(content, baseKey));
    return meaning.status === "scored" ? meaning.value : null;
  }
  const parts: number[] = [];
  for (const part of media) {
    const meaning = entry.interpret(answerAt(content, partKeyOf(baseKey, part)));
    if (meaning.status === "scored") parts.push(meaning.value);
  }
  return mean(parts);
}

export function weightedMean(pairs: readonly (readonly [number, number | null])[]): number | null {
  let weightSum = 0;
  let sum = 0;
  for (const [weight, value] of pairs) {
    if (value === null) continue;
    weightSum += weight;
    sum += weight * value;
  }
  return weightSum === 0 ? null : sum / weightSum;
}

export function computeDimensionScores(
  instrument: Instrument,
  content: AssessmentContent,
  locus?: LocusInputs,
): DimensionScores {
  if (isFormat2(instrument)) return computeTreeScores(instrument, content, locus);
  const index = indexInstrument(instrument);
  const instances = instancesOf(content);
  // Step 2: indicator value = mean over its instances (products, officials, users, or the unit).
  const indicatorValues = new Map<string, number | null>();
  for (const entry of index.ordered) {
    const values: number[] = [];
    for (const id of instanceIdsFor(entry.indicator, instances)) {
      const v = instanceValue(entry, content, baseKeyOf(entry.indicator, id));
      if (v !== null) values.push(v);
    }
    indicatorValues.set(entry.indicator.id, mean(values));
  }
  let exactTotal = 0;
  const dimensions = instrument.dimensions.map((dimension): DimensionScore => {
    // Steps 3–4: weighted means over the parts that have a value.
    const value = weightedMean(
      dimension.variables.map((variable) => [
        variable.weight,
        weightedMean(variable.indicators.map((ind) => [ind.weight, indicatorValues.get(ind.id) ?? null])),
      ]),
    );
    // Step 5: a dimension without a value gives 0 points (completeness reports it).
    const exactPoints = value === null ? 0 : dimension.weight * value;
    exactTotal += exactPoints;
    return {
      id: dimension.id,
      weight: dimension.weight,
      value,
      exactPoints,
      points: roundHalfUp(exactPoints, 2),
    };
  });
  // Step 6: round the sum of unrounded points, once.
  return { dimensions, exactTotal, total: roundHalfUp(exactTotal, 2) };
}
