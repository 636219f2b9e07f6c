// scoreAssessment: the score of one unit as the server reports it (protocol.md `score`) and the device
// previews it: total, per-dimension breakdown, completeness and, given a scheme, the band.
import type { AssessmentContent } from "../assessment/types";
import { bandFor } from "../banding/band-for";
import type { Band, BandingScheme } from "../banding/types";
import { checkCompleteness, type Problem } from "../completeness/check-completeness";
import type { Instrument } from "../instrument/types";
import {
  computeDimensionScores,
  type DimensionScore,
  type GroupScore,
  type LocusInputs,
} from "./dimension-scores";

export interface ScoreResult {
  /** Unit score: Σ unrounded dimension points, rounded half-up to 2 decimals once. */
  readonly total: number;
  readonly exactTotal: number;
  readonly dimensions: readonly DimensionScore[];
  /** True when checkCompleteness finds no problem (answers, quotas, photos, notes, values). */
  readonly complete: boolean;
  readonly problems: readonly Problem[];
  /** The band of `total` in the given scheme; null without a scheme. */
  readonly band: Band | null;
  /** Format 2: the top-level groups (the 70 % dimensions and the 30 % public trust). */
  readonly composite?: readonly GroupScore[];
}

export function scoreAssessment(
  instrument: Instrument,
  content: AssessmentContent,
  scheme?: BandingScheme,
  /** Format 2: what the locus contributes (secondary data), when known; without it they count 0. */
  locus?: LocusInputs,
): ScoreResult {
  const scores = computeDimensionScores(instrument, content, locus);
  const { complete, problems } = checkCompleteness(instrument, content, scores);
  return {
    total: scores.total,
    exactTotal: scores.exactTotal,
    dimensions: scores.dimensions,
    complete,
    problems,
    band: scheme === undefined ? null : bandFor(scores.total, scheme),
    ...(scores.composite === undefined ? {} : { composite: scores.composite }),
  };
}
