/**
 * GET /results data: a period's sampled units (its assignments) with the current score of each
 * unit's assessment, rolled up by the domain (rollUpPemda over scoreUnit-equivalent unit results).
 * Owns no table; unit scores come from the score cache (score-cache.ts), which holds exactly
 * scoreAssessment's total and dimension points of the current revision — the numbers scoreUnit
 * computes — so results equal a fresh rollUpResults over the stored states (tested).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { BUILTIN_SCHEMES } from "../../domain/banding/builtin";
import { parseBandingScheme } from "../../domain/banding/parse-scheme";
import type { BandingScheme } from "../../domain/banding/types";
import { rollUpPemda } from "../../domain/results/roll-up";
import type { PemdaResult, UnitResult } from "../../domain/results/types";
import type { AssessmentStatus, Period } from "../../domain/sync/protocol";
import { loadPeriods } from "../db/sync-entities";
import { loadLocusInputs } from "../locusdata/store";
import type { InstrumentCache } from "../sync/instrument-cache";
import {
  followUpsOf,
  type LocusInputsSummary,
  loadContents,
  scoreWithLocus,
  secondaryIndicatorIds,
  secondaryValuesOf,
  summariseInputs,
} from "./locus-inputs";
import {
  type CachedScore,
  cachedFromColumns,
  currentScores,
  SCORE_COLUMNS,
  type ScoreColumns,
  type ScoreProbe,
} from "./score-cache";

/**
 * What results and exports need of a period: the sync protocol's Period. Its status matters: a
 * `closed` period's results are final for every pemda (closing the round ends the review).
 */
export type PeriodInfo = Period;

export async function findPeriodInfo(db: QueryExecutorProvider, id: string): Promise<PeriodInfo | undefined> {
  const [period] = await loadPeriods(db, [id]);
  return period;
}

/** The published schemes by id; otherwise the stored definition. */
export async function resolveScheme(
  db: QueryExecutorProvider,
  id: string,
): Promise<BandingScheme | undefined> {
  const builtin = BUILTIN_SCHEMES[id];
  if (builtin !== undefined) return builtin;
  const r = await sql<{
    definition: unknown;
  }>`select definition from banding_schemes where id = ${id}`.execute(db);
  const row = r.rows[0];
  if (row === undefined) return undefined;
  const parsed = parseBandingScheme(row.definition);
  return parsed.ok ? parsed.scheme : undefined;
}

/** One sampled unit of the period, with its pemda and (latest) assessment. */
export interface SampledUnit {
  pemdaId: string;
  pemdaName: string;
  pemdaCode: string;
  unitId: string;
  unitName: string;
  assignmentId: string;
  assessmentId: string | null;
  status: AssessmentStatus | null;
  revision: number | null;
}

export async function sampledUnits(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  periodId: string,
): Promise<{ units: SampledUnit[]; scores: Map<string, CachedScore> }> {
  const r = await sql<
    {
      pemda_id: string;
      pemda_name: string;
      pemda_code: string;
      unit_id: string;
      unit_name: string;
      assignment_id: string;
      assessment_id: string | null;
      status: AssessmentStatus | null;
      revision: number | null;
    } & ScoreColumns
  >`select pd.id as pemda_id, pd.name as pemda_name, pd.code as pemda_code, u.id as unit_id, u.name as unit_name,
       a.id as assignment_id, x.id as assessment_id, x.status, x.revision, ${SCORE_COLUMNS}
     from assignments a
     join units u on u.id = a.unit_id
     join pemda pd on pd.id = u.pemda_id
     left join lateral (select s.id, s.status, s.revision from assessments s where s.assignment_id = a.id
                        order by s.updated_at desc, s.id limit 1) x on true
     left join assessment_scores sc on sc.assessment_id = x.id
     where a.period_id = ${periodId}
     order by pd.code, pd.name, pd.id, u.name, u.id, a.id`.execute(db);
  const probes: ScoreProbe[] = [];
  for (const row of r.rows) {
    if (row.assessment_id !== null && row.revision !== null)
      probes.push({ id: row.assessment_id, revision: row.revision, cached: cachedFromColumns(row) });
  }
  const scores = await currentScores(db, instruments, probes);
  const units = r.rows.map((row) => ({
    pemdaId: row.pemda_id,
    pemdaName: row.pemda_name,
    pemdaCode: row.pemda_code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    assignmentId: row.assignment_id,
    assessmentId: row.assessment_id,
    status: row.status,
    revision: row.revision,
  }));
  return { units, scores };
}

/**
 * A pemda's result; with a format-2 instrument that has secondary data, or a scheme with a
 * qualifier, also what its locus inputs were (which numbers came from secondary data, and whether
 * the follow-ups that decide the qualifier are recorded).
 */
export type PeriodPemdaResult = PemdaResult & { locusInputs?: LocusInputsSummary };

export interface PeriodResults {
  periodId: string;
  pemda: PeriodPemdaResult[];
  /** Units in result order with their pemda code (exports need it). */
  units: SampledUnit[];
}

export async function periodResults(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
): Promise<PeriodResults> {
  const scheme = await resolveScheme(db, period.schemeId);
  if (scheme === undefined)
    throw new Error(`banding scheme ${period.schemeId} of period ${period.id} is unknown`);
  const { units, scores } = await sampledUnits(db, instruments, period.id);
  const instrument = await instruments.get(db, period.instrumentId, period.instrumentVersion);
  const secondaryIds = secondaryIndicatorIds(instrument);
  const usesInputs = secondaryIds.length > 0 || scheme.qualifier !== undefined;
  const inputs = usesInputs ? await loadLocusInputs(db, period.id) : new Map();
  // Units of an instrument with secondary data are scored here with their locus's values (the cache
  // holds scores without them); every other period reads the cache as before.
  const contents =
    instrument !== undefined && secondaryIds.length > 0
      ? await loadContents(
          db,
          units.flatMap((u) => (u.assessmentId === null ? [] : [u.assessmentId])),
        )
      : null;
  const byPemda = new Map<string, { pemdaId: string; name: string; units: UnitResult[] }>();
  for (const u of units) {
    let group = byPemda.get(u.pemdaId);
    if (group === undefined) {
      group = { pemdaId: u.pemdaId, name: u.pemdaName, units: [] };
      byPemda.set(u.pemdaId, group);
    }
    if (u.assessmentId === null || u.status === null) {
      group.units.push({
        unitId: u.unitId,
        name: u.unitName,
        score: null,
        dimensions: [],
        status: "not_started",
      });
      continue;
    }
    const state = contents?.get(u.assessmentId);
    if (instrument !== undefined && state !== undefined) {
      const secondary = secondaryValuesOf(inputs.get(u.pemdaId));
      group.units.push(
        scoreWithLocus(
          instrument,
          { unitId: u.unitId, name: u.unitName, status: u.status, state },
          secondary,
          scheme,
        ),
      );
      continue;
    }
    const score = scores.get(u.assessmentId);
    group.units.push({
      unitId: u.unitId,
      name: u.unitName,
      score: score?.total ?? null,
      dimensions: score?.dimensions ?? [],
      status: u.status,
    });
  }
  const pemda = [...byPemda.values()].map((p): PeriodPemdaResult => {
    const record = inputs.get(p.pemdaId);
    const result = rollUpPemda({ ...p, followUps: followUpsOf(record) }, scheme);
    return usesInputs ? { ...result, locusInputs: summariseInputs(secondaryIds, record) } : result;
  });
  return { periodId: period.id, pemda: period.status === "closed" ? pemda.map(finalised) : pemda, units };
}

/**
 * Closing a period makes its results final: the score stays the mean of the approved units (the
 * domain's rule), only `final` changes, so a closed round never reports "provisional".
 */
function finalised(p: PeriodPemdaResult): PeriodPemdaResult {
  return p.final ? p : { ...p, final: true };
}
