/**
 * Results fed by the locus inputs of the 2025 method (migration 013, locusdata/store.ts): a
 * format-2 instrument's secondary-data indicators take the value the office recorded for the locus,
 * and the scheme's qualifier is decided from the locus's recorded follow-ups.
 * Invariant: a unit score here is exactly the domain's scoreUnit with the locus's values, the
 * number the device computes from the same inputs; the score cache (score-cache.ts) holds scores
 * without locus inputs, so periods whose instrument has secondary data are scored from the stored
 * states instead of the cache.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AnswerValue } from "../../domain/assessment/types";
import type { FollowUpState } from "../../domain/banding/qualifier";
import type { BandingScheme } from "../../domain/banding/types";
import { indexInstrument } from "../../domain/instrument/instrument-index";
import type { Instrument } from "../../domain/instrument/types";
import { scoreUnit } from "../../domain/results/roll-up";
import type { UnitResult } from "../../domain/results/types";
import type { AssessmentState } from "../../domain/sync/protocol";
import type { LocusInputsRecord } from "../locusdata/store";

/** What results say about a locus's inputs, beside its score (docs/api-review.md). */
export interface LocusInputsSummary {
  /** Secondary values used for every unit of the locus, with their cited source. */
  secondary: { indicatorId: string; value: AnswerValue; source: string }[];
  /** Secondary-data indicators of the instrument with no value recorded (they count as unanswered). */
  secondaryMissing: string[];
  /** Follow-ups of oversight products: recorded or not, and how many in each state. */
  followUps: { recorded: boolean; products: number; full: number; partial: number; none: number };
}

export function secondaryIndicatorIds(instrument: Instrument | undefined): string[] {
  if (instrument === undefined) return [];
  return indexInstrument(instrument)
    .ordered.filter((e) => e.indicator.source?.kind === "secondary")
    .map((e) => e.indicator.id);
}

export function summariseInputs(
  ids: readonly string[],
  record: LocusInputsRecord | undefined,
): LocusInputsSummary {
  const secondary = (record?.secondary ?? [])
    .filter((v) => ids.includes(v.indicatorId))
    .map((v) => ({ indicatorId: v.indicatorId, value: v.value, source: v.source }));
  const have = new Set(secondary.map((v) => v.indicatorId));
  const products = record?.oversight.products ?? [];
  const count = (s: FollowUpState) => products.filter((p) => p.state === s).length;
  return {
    secondary,
    secondaryMissing: ids.filter((id) => !have.has(id)),
    followUps: {
      recorded: record?.oversight.recorded === true,
      products: products.length,
      full: count("full"),
      partial: count("partial"),
      none: count("none"),
    },
  };
}

/** The follow-up states for the qualifier rule: null while the office has not recorded them. */
export function followUpsOf(record: LocusInputsRecord | undefined): { state: FollowUpState }[] | null {
  if (record === undefined || !record.oversight.recorded) return null;
  return record.oversight.products.map((p) => ({ state: p.state }));
}

export function secondaryValuesOf(record: LocusInputsRecord | undefined): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const v of record?.secondary ?? []) out[v.indicatorId] = v.value;
  return out;
}

/** Assessment contents by id (the state without its authorship map, which scoring never reads). */
export async function loadContents(
  db: QueryExecutorProvider,
  ids: readonly string[],
): Promise<Map<string, Omit<AssessmentState, "authors">>> {
  const out = new Map<string, Omit<AssessmentState, "authors">>();
  for (let i = 0; i < ids.length; i += 250) {
    const batch = ids.slice(i, i + 250);
    const r = await sql<{ state: Omit<AssessmentState, "authors"> }>`
      select state - 'authors' as state from assessments where id = any(${batch}::uuid[])`.execute(db);
    for (const { state } of r.rows) out.set(state.id, state);
  }
  return out;
}

/** One unit scored with its locus's secondary values (scoreUnit, with the scheme's unit wording). */
export function scoreWithLocus(
  instrument: Instrument,
  unit: {
    unitId: string;
    name: string;
    status: AssessmentState["status"];
    state: Omit<AssessmentState, "authors">;
  },
  secondary: Record<string, AnswerValue>,
  scheme: BandingScheme,
): UnitResult {
  return scoreUnit(
    instrument,
    { unitId: unit.unitId, name: unit.name, assessment: { status: unit.status, content: unit.state } },
    { secondary },
    scheme,
  );
}
