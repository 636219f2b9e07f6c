// The results roll-up (methodology.md §3.6–3.8, protocol.md `GET /results`), in three composable
// steps so callers and tests can enter at any level:
//   scoreUnit     — one sampled unit → its score, dimension points and status;
//   rollUpPemda   — unit results (however obtained) → pemda score, band and `final`;
//   rollUpResults — the whole period.
// Only approved units count toward a pemda's score: submitted/returned/draft scores are shown per
// unit (the supervisor follows progress) but never move the pemda score, so a provisional score
// only changes when a supervisor approves something.
import { bandFor, summariseBand } from "../banding/band-for";
import { type FollowUpState, qualifierGranted } from "../banding/qualifier";
import type { BandingScheme } from "../banding/types";
import { indexInstrument } from "../instrument/instrument-index";
import type { Instrument } from "../instrument/types";
import type { LocusInputs } from "../scoring/dimension-scores";
import { computeDimensionScores } from "../scoring/dimension-scores";
import { pemdaScore } from "../scoring/round";
import type {
  PemdaResult,
  ResultsBand,
  ResultsPemdaInput,
  ResultsRollUp,
  ResultsUnitInput,
  UnitResult,
} from "./types";

export interface RollUpInput {
  /** The period's banding scheme. */
  readonly scheme: BandingScheme;
  /**
   * The period's instrument: every assessment of the period is scored against it. A period has one
   * instrument version and submit rejects content of another (completeness: instrument_mismatch),
   * so a mismatch here is a data error; it is scored anyway rather than hidden from the table.
   */
  readonly instrument: Instrument;
  readonly pemda: readonly ResultsPemdaInput[];
}

/**
 * One unit's result. The score and points are computeDimensionScores' total and points — the very
 * numbers scoreAssessment reports — without its completeness check, which results do not show and
 * which costs three times the scoring itself (the roll-up must stay fast for a whole country).
 */
export function scoreUnit(
  instrument: Instrument,
  unit: ResultsUnitInput,
  locus?: LocusInputs,
  scheme?: BandingScheme,
): UnitResult {
  const assessment = unit.assessment ?? null;
  if (assessment === null) {
    return { unitId: unit.unitId, name: unit.name, score: null, dimensions: [], status: "not_started" };
  }
  const scores = computeDimensionScores(instrument, assessment.content, locus);
  const secondary = scores.dimensions.filter((d) => d.secondary === true).map((d) => d.id);
  const result: UnitResult = {
    unitId: unit.unitId,
    name: unit.name,
    score: scores.total,
    dimensions: scores.dimensions.map((d) => ({ id: d.id, points: d.points })),
    status: assessment.status,
    ...(secondary.length > 0 ? { secondary } : {}),
  };
  if (scheme === undefined || !scheme.bands.some((b) => b.unitLabel !== undefined)) return result;
  const band = bandFor(scores.total, scheme);
  const unitBand =
    band === null ? null : { category: band.category, label: (band.unitLabel ?? band.label).id };
  return { ...result, unitBand };
}

function flatBand(
  score: number | null,
  scheme: BandingScheme,
  followUps: readonly { readonly state: FollowUpState }[] | null | undefined,
): ResultsBand | null {
  if (score === null) return null;
  const band = bandFor(score, scheme);
  if (band === null) return null;
  const { category, label, zone } = summariseBand(band);
  if (scheme.qualifier === undefined) return { category, label, zone };
  const granted = qualifierGranted(scheme.qualifier.rule, followUps);
  const qualifier = granted === true ? scheme.qualifier.label.id : null;
  return {
    category,
    label,
    zone,
    qualifier,
    qualifierDecided: granted !== null,
    predicate: qualifier === null ? label : `${label} ${qualifier}`,
  };
}

export interface PemdaUnits {
  readonly pemdaId: string;
  readonly name: string;
  readonly units: readonly UnitResult[];
  readonly followUps?: readonly { readonly state: FollowUpState }[] | null;
}

/** A pemda's score, band and finality from its unit results (methodology §3.7–3.8). */
export function rollUpPemda(pemda: PemdaUnits, scheme: BandingScheme): PemdaResult {
  const approved: number[] = [];
  for (const unit of pemda.units) {
    if (unit.status === "approved" && unit.score !== null) approved.push(unit.score);
  }
  const score = pemdaScore(approved);
  return {
    pemdaId: pemda.pemdaId,
    name: pemda.name,
    score,
    band: flatBand(score, scheme, pemda.followUps),
    // A pemda without sampled units has nothing to be final about: it is not reported as final.
    final: pemda.units.length > 0 && pemda.units.every((u) => u.status === "approved"),
    units: pemda.units,
  };
}

/** The whole period, pemda and units in input order (see rankPemda for a ranking). */
export function rollUpResults(input: RollUpInput): ResultsRollUp {
  // Build (or fetch) the instrument's lookup tables once up front; every unit below reuses them
  // through indexInstrument's per-instrument cache instead of walking the instrument again.
  indexInstrument(input.instrument);
  return {
    pemda: input.pemda.map((p) =>
      rollUpPemda(
        {
          pemdaId: p.pemdaId,
          name: p.name,
          units: p.units.map((u) =>
            scoreUnit(
              input.instrument,
              u,
              p.secondary === undefined ? undefined : { secondary: p.secondary },
              input.scheme,
            ),
          ),
          followUps: p.followUps ?? null,
        },
        input.scheme,
      ),
    ),
  };
}
