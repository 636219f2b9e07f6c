/**
 * The assessment score cache (table assessment_scores, migration 003).
 *
 * Owns: assessment_scores. Invariant: a cache row is used only when its `revision` equals the
 * assessment's current revision; any other row is stale and is recomputed here, from the stored
 * state, with the domain's scoreAssessment (the same total and dimension points scoreUnit and the
 * device report). Writers of assessments never touch the cache; readers that find a stale or
 * missing row refresh it. So a served score is always the score of the current state.
 */
import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import { scoreAssessment } from "../../domain/scoring/score-assessment";
import type { AssessmentState } from "../../domain/sync/protocol";
import type { InstrumentCache } from "../sync/instrument-cache";

export interface CachedScore {
  revision: number;
  total: number;
  dimensions: { id: string; points: number }[];
  complete: boolean;
}

/** What a listing query reads per assessment: its revision and whatever cache row it has. */
export interface ScoreProbe {
  id: string;
  revision: number;
  cached: CachedScore | null;
}

const BATCH = 250;

/** Cache columns as returned by `left join assessment_scores sc`; null when no row. */
export interface ScoreColumns {
  score_revision: number | null;
  score_total: number | null;
  score_dimensions: { id: string; points: number }[] | null;
  score_complete: boolean | null;
}

export const SCORE_COLUMNS = sql`sc.revision as score_revision, sc.total as score_total,
  sc.dimensions as score_dimensions, sc.complete as score_complete`;

export function cachedFromColumns(row: ScoreColumns): CachedScore | null {
  if (row.score_revision === null || row.score_total === null || row.score_dimensions === null) return null;
  return {
    revision: row.score_revision,
    total: Number(row.score_total),
    dimensions: row.score_dimensions,
    complete: row.score_complete === true,
  };
}

/** Scores of one state, as cached (and as GET /assessments/{id} reports them). */
export function scoreState(
  instrument: Parameters<typeof scoreAssessment>[0],
  state: Omit<AssessmentState, "authors">,
): CachedScore & { problems: ReturnType<typeof scoreAssessment>["problems"] } {
  const s = scoreAssessment(instrument, state);
  return {
    revision: state.revision,
    total: s.total,
    dimensions: s.dimensions.map((d) => ({ id: d.id, points: d.points })),
    complete: s.complete,
    problems: s.problems,
  };
}

/**
 * The current score of every probed assessment (id → score; absent when its instrument is
 * unknown). Fresh cache rows are used as they are; the others are scored from the stored state and
 * written back.
 */
export async function currentScores(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  probes: readonly ScoreProbe[],
): Promise<Map<string, CachedScore>> {
  const out = new Map<string, CachedScore>();
  const stale: string[] = [];
  for (const p of probes) {
    if (p.cached !== null && p.cached.revision === p.revision) out.set(p.id, p.cached);
    else stale.push(p.id);
  }
  for (let i = 0; i < stale.length; i += BATCH) {
    const ids = stale.slice(i, i + BATCH);
    // Scoring reads the content only; the per-key authorship map is most of the rest of the bytes.
    const r = await sql<{ state: Omit<AssessmentState, "authors"> }>`
      select state - 'authors' as state from assessments where id = any(${ids}::uuid[])`.execute(db);
    const rows: RawBuilder<unknown>[] = [];
    for (const { state } of r.rows) {
      const instrument = await instruments.get(db, state.instrumentId, state.instrumentVersion);
      if (instrument === undefined) continue;
      const s = scoreState(instrument, state);
      out.set(state.id, s);
      rows.push(
        sql`(${state.id}::uuid, ${s.revision}::integer, ${state.instrumentId}::text,
             ${state.instrumentVersion}::integer, ${s.total}::double precision,
             ${JSON.stringify(s.dimensions)}::jsonb, ${s.complete}::boolean)`,
      );
    }
    if (rows.length === 0) continue;
    // Concurrent refreshers may race; each writes a (revision, score) pair read from one state, so
    // whichever wins is consistent, and an older revision is simply stale again next time.
    await sql`insert into assessment_scores (assessment_id, revision, instrument_id, instrument_version, total,
                                             dimensions, complete)
              values ${sql.join(rows)}
              on conflict (assessment_id) do update set revision = excluded.revision,
                instrument_id = excluded.instrument_id, instrument_version = excluded.instrument_version,
                total = excluded.total, dimensions = excluded.dimensions, complete = excluded.complete,
                computed_at = now()
              where assessment_scores.revision is distinct from excluded.revision`.execute(db);
  }
  return out;
}
