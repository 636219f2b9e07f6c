/**
 * A locus's history (GET /loci/{id}/history, issue #19): per year its score and predicate — from
 * Patuh's own periods (with the units sampled that year, their scores, the best and worst) and
 * from imported published results — the national rank where the viewer may see it, and for units
 * assessed in two rounds the change per dimension.
 * Invariants: every score carries its own scheme's predicate; a year whose method (scheme or
 * instrument) differs from the previous one is marked and gets no delta (domain/history/trend);
 * a national rank appears only for a published round or a central-office viewer (the same rule as
 * national results). Access: supervisors and admins of the locus's office, and the central office.
 * Owns no table.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { LocalText } from "../../domain/common/validate";
import { type Predicate, predicateFor, publishedCategoryAgrees } from "../../domain/history/predicate";
import { bestAndWorst, type DimensionChange, dimensionChanges, markTrend } from "../../domain/history/trend";
import { isLocusKind, locusCategory } from "../../domain/loci/locus-kinds";
import type { UnitResult } from "../../domain/results/types";
import { canManageOffice } from "../auth/permissions";
import type { PublicUser } from "../db/queries/users";
import { loadPeriods } from "../db/sync-entities";
import { problem } from "../http/problems";
import { periodResults } from "../results/period-results";
import { isCentralUser } from "../rounds/central";
import { nationalRankOf } from "../rounds/national-results";
import { findRound } from "../rounds/rounds";
import type { InstrumentCache } from "../sync/instrument-cache";
import { loadSchemeRegistry } from "./scheme-registry";

export interface LocusInfo {
  pemdaId: string;
  code: string;
  name: string;
  kind: string;
  category: string;
  officeId: string;
  officeName: string;
}

export interface HistoryEntry {
  year: number;
  source: "patuh" | "published";
  periodId: string | null;
  roundId: string | null;
  schemeId: string;
  instrument: { id: string; version: number } | null;
  score: number | null;
  predicate: Predicate | null;
  /** Patuh: every sampled unit approved or the period closed; published rows are final. */
  final: boolean;
  /** Published rows: the category and rank as published (kept even when they disagree). */
  publishedCategory: string | null;
  publishedRank: number | null;
  categoryDisagrees: boolean;
  /** Patuh rounds: the national rank, when visible to the viewer. */
  nationalRank: { rank: number | null; categoryCount: number | null; published: boolean } | null;
  /** The method differs from the previous year's: not comparable, no delta. */
  methodChanged: boolean;
  delta: number | null;
  units: UnitResult[];
  best: { unitId: string; name: string; score: number | null } | null;
  worst: { unitId: string; name: string; score: number | null } | null;
}

export interface UnitChange {
  unitId: string;
  name: string;
  from: { year: number; score: number | null };
  to: { year: number; score: number | null };
  /** Null when the two years used different instruments (not comparable). */
  dimensions: DimensionChange[] | null;
}

export interface LocusHistory {
  locus: LocusInfo;
  entries: HistoryEntry[];
  unitChanges: UnitChange[];
  /** Names of the dimensions the entries' units refer to (latest instrument first wins). */
  dimensionNames: Record<string, LocalText>;
}

export async function findLocus(db: QueryExecutorProvider, pemdaId: string): Promise<LocusInfo | undefined> {
  const r = await sql<{
    id: string;
    code: string;
    name: string;
    kind: string;
    office_id: string;
    office_name: string;
  }>`
    select p.id, p.code, p.name, p.kind, p.office_id, o.name as office_name
    from pemda p join offices o on o.id = p.office_id where p.id = ${pemdaId}`.execute(db);
  const x = r.rows[0];
  if (x === undefined) return undefined;
  return {
    pemdaId: x.id,
    code: x.code,
    name: x.name,
    kind: x.kind,
    category: isLocusKind(x.kind) ? locusCategory(x.kind) : x.kind,
    officeId: x.office_id,
    officeName: x.office_name,
  };
}

/** The locus, if the user may read its history (else 404 / 403 as for results). */
export async function locusForViewer(
  db: QueryExecutorProvider,
  user: PublicUser,
  pemdaId: string,
): Promise<LocusInfo> {
  const locus = await findLocus(db, pemdaId);
  if (locus === undefined) throw problem("not_found");
  if (canManageOffice(user, locus.officeId)) return locus;
  if (user.role !== "assessor" && (await isCentralUser(db, user))) return locus;
  if (user.officeId === locus.officeId) throw problem("forbidden", { requiredRole: ["supervisor", "admin"] });
  throw problem("not_found");
}

export async function locusHistory(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  user: PublicUser,
  locus: LocusInfo,
  opts: { years?: number } = {},
): Promise<LocusHistory> {
  const schemes = await loadSchemeRegistry(db);
  const periodRows = await sql<{ id: string; round_id: string | null }>`
    select distinct p.id, p.round_id, p.year from periods p join assignments a on a.period_id = p.id
    join units u on u.id = a.unit_id where u.pemda_id = ${locus.pemdaId} order by p.year`.execute(db);
  const roundOf = new Map(periodRows.rows.map((p) => [p.id, p.round_id]));
  const periods = await loadPeriods(
    db,
    periodRows.rows.map((p) => p.id),
  );
  const raw: Omit<HistoryEntry, "methodChanged" | "delta">[] = [];
  const instrumentOf = new Map<string, string>();
  const dimensionNames: LocusHistory["dimensionNames"] = {};
  for (const period of periods) {
    const result = (await periodResults(db, instruments, period)).pemda.find(
      (p) => p.pemdaId === locus.pemdaId,
    );
    if (result === undefined) continue;
    const scheme = schemes.get(period.schemeId);
    const roundId = roundOf.get(period.id) ?? null;
    const round = roundId === null ? undefined : await findRound(db, roundId);
    const rank =
      round === undefined ? null : await nationalRankOf(db, instruments, round, user, locus.pemdaId);
    const instrument = await instruments.get(db, period.instrumentId, period.instrumentVersion);
    for (const d of instrument?.dimensions ?? []) dimensionNames[d.id] ??= d.name;
    instrumentOf.set(period.id, period.instrumentId);
    const bw = bestAndWorst(result.units);
    const brief = (u: UnitResult | undefined) =>
      u === undefined ? null : { unitId: u.unitId, name: u.name, score: u.score };
    raw.push({
      year: period.year,
      source: "patuh",
      periodId: period.id,
      roundId,
      schemeId: period.schemeId,
      instrument: { id: period.instrumentId, version: period.instrumentVersion },
      score: result.score,
      predicate: result.score === null || scheme === undefined ? null : predicateFor(result.score, scheme),
      final: result.final,
      publishedCategory: null,
      publishedRank: null,
      categoryDisagrees: false,
      nationalRank:
        rank === null || round === undefined
          ? null
          : { rank: rank.rank, categoryCount: rank.categoryCount, published: round.publishedAt !== null },
      units: [...result.units],
      best: brief(bw?.best),
      worst: brief(bw?.worst),
    });
  }
  const patuhYears = new Set(raw.map((e) => e.year));
  const published = await sql<{
    year: number;
    score: number;
    scheme_id: string;
    published_category: string | null;
    published_rank: number | null;
  }>`select year, score, scheme_id, published_category, published_rank from published_results
     where office_id = ${locus.officeId} and locus_code = ${locus.code} order by year`.execute(db);
  for (const p of published.rows) {
    // A year Patuh assessed itself shows Patuh's numbers; the imported figure of that year would
    // be a second point for one year on the chart.
    if (patuhYears.has(p.year)) continue;
    const scheme = schemes.get(p.scheme_id);
    const score = Number(p.score);
    const predicate = scheme === undefined ? null : predicateFor(score, scheme);
    raw.push({
      year: p.year,
      source: "published",
      periodId: null,
      roundId: null,
      schemeId: p.scheme_id,
      instrument: null,
      score,
      predicate,
      final: true,
      publishedCategory: p.published_category,
      publishedRank: p.published_rank,
      categoryDisagrees:
        p.published_category !== null &&
        predicate !== null &&
        !publishedCategoryAgrees(p.published_category, predicate),
      nationalRank: null,
      units: [],
      best: null,
      worst: null,
    });
  }
  const marked = markTrend(raw.map((e) => ({ ...e, instrumentId: e.instrument?.id ?? null })));
  let entries: HistoryEntry[] = marked.map(({ point, methodChanged, delta }) => {
    const { instrumentId: _drop, ...entry } = point;
    return { ...entry, methodChanged, delta };
  });
  if (opts.years !== undefined) entries = entries.slice(-opts.years);
  return { locus, entries, unitChanges: unitChanges(entries, instrumentOf), dimensionNames };
}

/** For each unit assessed in two or more Patuh years: the change between its last two. */
function unitChanges(entries: readonly HistoryEntry[], instrumentOf: Map<string, string>): UnitChange[] {
  const seen = new Map<string, { year: number; unit: UnitResult; instrumentId: string }[]>();
  for (const e of entries) {
    if (e.periodId === null) continue;
    for (const u of e.units) {
      if (u.score === null) continue;
      const list = seen.get(u.unitId) ?? [];
      list.push({ year: e.year, unit: u, instrumentId: instrumentOf.get(e.periodId) ?? "" });
      seen.set(u.unitId, list);
    }
  }
  const out: UnitChange[] = [];
  for (const list of seen.values()) {
    const to = list.at(-1);
    const from = list.at(-2);
    if (to === undefined || from === undefined) continue;
    out.push({
      unitId: to.unit.unitId,
      name: to.unit.name,
      from: { year: from.year, score: from.unit.score },
      to: { year: to.year, score: to.unit.score },
      dimensions: dimensionChanges(
        { instrumentId: from.instrumentId, dimensions: from.unit.dimensions },
        { instrumentId: to.instrumentId, dimensions: to.unit.dimensions },
      ),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
