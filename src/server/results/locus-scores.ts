/**
 * Per-assessment scores as results report them (issue #18): for a format-2 instrument with
 * secondary-data indicators the score takes the locus's recorded values; otherwise it is the score
 * cache's. Owns no table. Invariant: GET /assessments, GET /review-queue, GET /assessments/{id} and
 * GET /results show the same number for the same unit, because all of them end in the domain's
 * scoreAssessment/scoreUnit over the same state and the same locus values (the cache holds scores
 * without locus inputs, so it is bypassed exactly where the instrument has secondary data).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { scoreAssessment } from "../../domain/scoring/score-assessment";
import type { AssessmentState } from "../../domain/sync/protocol";
import { loadLocusInputs } from "../locusdata/store";
import type { InstrumentCache } from "../sync/instrument-cache";
import { loadContents, secondaryIndicatorIds, secondaryValuesOf } from "./locus-inputs";
import { type CachedScore, currentScores, type ScoreProbe, scoreState } from "./score-cache";

type Content = Omit<AssessmentState, "authors">;
type Instrument = Parameters<typeof scoreAssessment>[0];

/** One state scored with its locus's secondary values (when its instrument has any). */
export async function scoreWithLocusInputs(
  db: QueryExecutorProvider,
  instrument: Instrument,
  state: Content,
): Promise<ReturnType<typeof scoreState>> {
  if (secondaryIndicatorIds(instrument).length === 0) return scoreState(instrument, state);
  const inputs = await loadLocusInputs(db, state.periodId);
  const s = scoreAssessment(instrument, state, undefined, {
    secondary: secondaryValuesOf(inputs.get(state.pemdaId)),
  });
  return {
    revision: state.revision,
    total: s.total,
    dimensions: s.dimensions.map((d) => ({ id: d.id, points: d.points })),
    complete: s.complete,
    problems: s.problems,
  };
}

/**
 * The current score of every probed assessment, with locus inputs where they count (id → score;
 * absent when the instrument is unknown). Reads the cache first (and refreshes it), then rescores
 * from the stored state only the assessments of periods whose instrument has secondary data, so a
 * list of 2022–2024 checklists costs what it did.
 */
export async function currentScoresWithLocus(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  probes: readonly (ScoreProbe & { periodId: string })[],
): Promise<Map<string, CachedScore>> {
  const out = await currentScores(db, instruments, probes);
  const periodIds = [...new Set(probes.map((p) => p.periodId))];
  if (periodIds.length === 0) return out;
  const periods = await sql<{ id: string; instrument_id: string; instrument_version: number }>`
    select id, instrument_id, instrument_version from periods where id = any(${periodIds}::uuid[])`.execute(
    db,
  );
  const withSecondary = new Set<string>();
  for (const p of periods.rows) {
    const instrument = await instruments.get(db, p.instrument_id, p.instrument_version);
    if (secondaryIndicatorIds(instrument).length > 0) withSecondary.add(p.id);
  }
  if (withSecondary.size === 0) return out;
  const contents = await loadContents(
    db,
    probes.filter((p) => withSecondary.has(p.periodId)).map((p) => p.id),
  );
  const byPeriod = new Map<string, Content[]>();
  for (const state of contents.values()) {
    const list = byPeriod.get(state.periodId);
    if (list === undefined) byPeriod.set(state.periodId, [state]);
    else list.push(state);
  }
  for (const [periodId, states] of byPeriod) {
    const inputs = await loadLocusInputs(db, periodId);
    for (const state of states) {
      const instrument = await instruments.get(db, state.instrumentId, state.instrumentVersion);
      if (instrument === undefined) continue;
      const s = scoreAssessment(instrument, state, undefined, {
        secondary: secondaryValuesOf(inputs.get(state.pemdaId)),
      });
      out.set(state.id, {
        revision: state.revision,
        total: s.total,
        dimensions: s.dimensions.map((d) => ({ id: d.id, points: d.points })),
        complete: s.complete,
      });
    }
  }
  return out;
}
