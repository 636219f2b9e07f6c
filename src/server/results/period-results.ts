/**
 * GET /results data: a period's sampled units (drawn or assigned, period-units.ts) with the current score of each
 * unit's assessment, rolled up by the domain (rollUpPemda over scoreUnit-equivalent unit results).
 * Owns no table; unit scores come from the score cache (score-cache.ts), which holds exactly
 * scoreAssessment's total and dimension points of the current revision — the numbers scoreUnit
 * computes — so results equal a fresh rollUpResults over the stored states (tested). Locus and unit
 * names (and codes) of a closed period are the ones it was closed with (masterdata/period-names.ts).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { BUILTIN_SCHEMES } from "../../domain/banding/builtin";
import { parseBandingScheme } from "../../domain/banding/parse-scheme";
import type { BandingScheme } from "../../domain/banding/types";
import type { LocalText } from "../../domain/common/validate";
import { rollUpPemda } from "../../domain/results/roll-up";
import type { PemdaResult, UnitResult } from "../../domain/results/types";
import type { AssessmentStatus, Period } from "../../domain/sync/protocol";
import { loadPeriods } from "../db/sync-entities";
import { loadLocusInputs } from "../locusdata/store";
import { frozenJoins, frozenPemdaCode, frozenPemdaName, frozenUnitName } from "../masterdata/period-names";
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
import { periodUnits } from "./period-units";
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

/** One sampled unit of the period (drawn or assigned, period-units.ts), with its pemda and latest assessment. */
export interface SampledUnit {
  periodId: string;
  pemdaId: string;
  pemdaName: string;
  pemdaCode: string;
  pemdaKind: string;
  unitId: string;
  unitName: string;
  /** Null while the drawn unit has no team yet (it reports "not_started"; period-units.ts). */
  assignmentId: string | null;
  assessmentId: string | null;
  status: AssessmentStatus | null;
  revision: number | null;
}

export async function sampledUnits(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  periodId: string,
): Promise<{ units: SampledUnit[]; scores: Map<string, CachedScore> }> {
  return sampledUnitsOf(db, instruments, [periodId]);
}

/**
 * The sampled units of several periods in ONE query (national results read a whole round this way,
 * not one query per office), ordered by period, then as one period's results are ordered.
 */
export async function sampledUnitsOf(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  periodIds: readonly string[],
): Promise<{ units: SampledUnit[]; scores: Map<string, CachedScore> }> {
  if (periodIds.length === 0) return { units: [], scores: new Map() };
  const r = await sql<
    {
      period_id: string;
      pemda_id: string;
      pemda_name: string;
      pemda_code: string;
      pemda_kind: string;
      unit_id: string;
      unit_name: string;
      assignment_id: string | null;
      assessment_id: string | null;
      status: AssessmentStatus | null;
      revision: number | null;
    } & ScoreColumns
  >`select a.period_id, pd.id as pemda_id, ${frozenPemdaName} as pemda_name, ${frozenPemdaCode} as pemda_code,
       pd.kind as pemda_kind, u.id as unit_id, ${frozenUnitName} as unit_name,
       a.id as assignment_id, x.id as assessment_id, x.status, x.revision, ${SCORE_COLUMNS}
     from ${periodUnits(periodIds)} a
     join units u on u.id = a.unit_id
     join pemda pd on pd.id = u.pemda_id
     ${frozenJoins}
     left join lateral (select s.id, s.status, s.revision from assessments s where s.assignment_id = a.id
                        order by s.updated_at desc, s.id limit 1) x on true
     left join assessment_scores sc on sc.assessment_id = x.id
     order by a.period_id, pemda_code, pemda_name, pd.id, unit_name, u.id, a.id`.execute(db);
  const probes: ScoreProbe[] = [];
  for (const row of r.rows) {
    if (row.assessment_id !== null && row.revision !== null)
      probes.push({ id: row.assessment_id, revision: row.revision, cached: cachedFromColumns(row) });
  }
  const scores = await currentScores(db, instruments, probes);
  const units = r.rows.map((row) => ({
    periodId: row.period_id,
    pemdaId: row.pemda_id,
    pemdaName: row.pemda_name,
    pemdaCode: row.pemda_code,
    pemdaKind: row.pemda_kind,
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
 * What screens and exports need to know of the period's banding scheme to lay out its results: a
 * scheme without zones (opini-2025) gets no zone column or colour, and shows its predicate with
 * the qualifier instead (issue #18 item 5).
 */
export interface SchemeSummary {
  id: string;
  name: LocalText;
  hasZones: boolean;
  hasQualifier: boolean;
  /** The scheme words units apart from loci ("Sangat Baik" …). */
  hasUnitLabels: boolean;
}

export function schemeSummary(scheme: BandingScheme): SchemeSummary {
  return {
    id: scheme.id,
    name: scheme.name,
    hasZones: scheme.bands.some((b) => b.zone !== undefined),
    hasQualifier: scheme.qualifier !== undefined,
    hasUnitLabels: scheme.bands.some((b) => b.unitLabel !== undefined),
  };
}

/**
 * A pemda's result; with a format-2 instrument that has secondary data, or a scheme with a
 * qualifier, also what its locus inputs were (which numbers came from secondary data, and whether
 * the follow-ups that decide the qualifier are recorded).
 */
export type PeriodPemdaResult = PemdaResult & { locusInputs?: LocusInputsSummary };

export interface PeriodResults {
  periodId: string;
  scheme: SchemeSummary;
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
  return rollUpPeriod(db, instruments, period, scheme, units, scores);
}

/**
 * The results of several periods banded with one scheme (a round's periods share it), read with
 * one units query in all; in the order of `periods`.
 */
export async function periodsResults(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  periods: readonly PeriodInfo[],
  scheme: BandingScheme,
): Promise<PeriodResults[]> {
  const { units, scores } = await sampledUnitsOf(
    db,
    instruments,
    periods.map((p) => p.id),
  );
  const byPeriod = new Map<string, SampledUnit[]>();
  for (const u of units) {
    const list = byPeriod.get(u.periodId);
    if (list === undefined) byPeriod.set(u.periodId, [u]);
    else list.push(u);
  }
  return Promise.all(
    periods.map((p) => rollUpPeriod(db, instruments, p, scheme, byPeriod.get(p.id) ?? [], scores)),
  );
}

async function rollUpPeriod(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
  scheme: BandingScheme,
  units: SampledUnit[],
  scores: Map<string, CachedScore>,
): Promise<PeriodResults> {
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
  return {
    periodId: period.id,
    scheme: schemeSummary(scheme),
    pemda: period.status === "closed" ? pemda.map(finalised) : pemda,
    units,
  };
}

/**
 * Closing a period makes its results final: the score stays the mean of the approved units (the
 * domain's rule), only `final` changes, so a closed round never reports "provisional".
 */
function finalised(p: PeriodPemdaResult): PeriodPemdaResult {
  return p.final ? p : { ...p, final: true };
}
