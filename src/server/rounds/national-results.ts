/**
 * National results of a round (issue #19): every locus of every joined period with its score,
 * predicate and finality (the per-period roll-up, results/period-results.ts, so the numbers are
 * those each office sees), ranked within its category across offices (domain/national).
 * Invariant (office scoping): before publication only users of the central office get other
 * offices' loci or any national rank; anyone else gets their own office's loci only, without rank
 * or category count, and other offices' periods are not even read. After publication every
 * supervisor and admin sees the whole published table. Owns no table.
 */
import type { QueryExecutorProvider } from "kysely";
import { sql } from "kysely";
import { isLocusKind, LOCUS_KINDS, locusCategory } from "../../domain/loci/locus-kinds";
import { type BandCount, bandDistribution, rankWithinCategories } from "../../domain/national/national-rank";
import type { ResultsBand } from "../../domain/results/types";
import type { PublicUser } from "../db/queries/users";
import { loadPeriods } from "../db/sync-entities";
import { periodsResults, resolveScheme } from "../results/period-results";
import type { InstrumentCache } from "../sync/instrument-cache";
import { isCentralUser } from "./central";
import type { Round } from "./rounds";

export interface NationalLocus {
  pemdaId: string;
  code: string;
  name: string;
  /** The locus kind as stored (pemda.kind). */
  kind: string;
  /** Ranking category (domain/loci locusCategory; an unknown kind is its own category). */
  category: string;
  officeId: string;
  officeName: string;
  periodId: string;
  score: number | null;
  band: ResultsBand | null;
  final: boolean;
  /** Competition rank within the category; null without a score or when ranks are not visible. */
  rank: number | null;
  /** Loci of the category in the round; null when ranks are not visible. */
  categoryCount: number | null;
}

export interface NationalResults {
  roundId: string;
  year: number;
  schemeId: string;
  /** Not every joined period is closed yet: scores and ranks may still move. */
  provisional: boolean;
  published: boolean;
  /** The viewer sees every office and the national ranks (central office, or published round). */
  national: boolean;
  categories: { category: string; count: number }[];
  distribution: BandCount[];
  loci: NationalLocus[];
}

export interface NationalFilter {
  officeId?: string;
  category?: string;
}

function categoryOf(kind: string): string {
  return isLocusKind(kind) ? locusCategory(kind) : kind;
}

const ORDER = new Map<string, number>(LOCUS_KINDS.map((k, i) => [k, i]));

function compareLoci(a: NationalLocus, b: NationalLocus): number {
  const ca = ORDER.get(a.category) ?? ORDER.size;
  const cb = ORDER.get(b.category) ?? ORDER.size;
  if (ca !== cb) return ca - cb;
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.pemdaId < b.pemdaId ? -1 : 1;
}

export async function nationalResults(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  round: Round,
  user: PublicUser,
  filter: NationalFilter,
): Promise<NationalResults> {
  const central = await isCentralUser(db, user);
  const published = round.publishedAt !== null;
  const national = central || published;
  const scheme = await resolveScheme(db, round.schemeId);
  if (scheme === undefined)
    throw new Error(`banding scheme ${round.schemeId} of round ${round.id} is unknown`);
  const joined = await sql<{ id: string; office_id: string; office_name: string }>`
    select p.id, p.office_id, o.name as office_name from periods p join offices o on o.id = p.office_id
    where p.round_id = ${round.id} and (${national} or p.office_id = ${user.officeId})
    order by p.office_id`.execute(db);
  // The whole round in a fixed number of queries, whatever the number of offices: the periods, then
  // every sampled unit of every period (with its pemda and cached score) in one query.
  const periods = await loadPeriods(
    db,
    joined.rows.map((p) => p.id),
  );
  const officeOf = new Map(joined.rows.map((p) => [p.id, p]));
  const all = await periodsResults(db, instruments, periods, scheme);
  const loci: NationalLocus[] = [];
  for (const results of all) {
    const office = officeOf.get(results.periodId);
    if (office === undefined) continue;
    const info = new Map<string, { code: string; kind: string }>();
    for (const u of results.units) info.set(u.pemdaId, { code: u.pemdaCode, kind: u.pemdaKind });
    for (const p of results.pemda) {
      const kind = info.get(p.pemdaId)?.kind ?? "";
      loci.push({
        pemdaId: p.pemdaId,
        code: info.get(p.pemdaId)?.code ?? "",
        name: p.name,
        kind,
        category: categoryOf(kind),
        officeId: office.office_id,
        officeName: office.office_name,
        periodId: results.periodId,
        score: p.score,
        band: p.band,
        final: p.final,
        rank: null,
        categoryCount: null,
      });
    }
  }
  const counts = new Map<string, number>();
  for (const l of loci) counts.set(l.category, (counts.get(l.category) ?? 0) + 1);
  const ranked: NationalLocus[] = national
    ? (() => {
        const ranks = rankWithinCategories(
          loci.map((l) => ({ id: l.pemdaId, category: l.category, score: l.score })),
        );
        return loci.map((l) => {
          const r = ranks.get(l.pemdaId);
          return { ...l, rank: r?.rank ?? null, categoryCount: r?.categoryCount ?? null };
        });
      })()
    : loci;
  const shown = ranked
    .filter((l) => filter.officeId === undefined || l.officeId === filter.officeId)
    .filter((l) => filter.category === undefined || l.category === filter.category)
    .sort(compareLoci);
  return {
    roundId: round.id,
    year: round.year,
    schemeId: round.schemeId,
    provisional: !round.final,
    published,
    national,
    categories: [...counts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => (ORDER.get(a.category) ?? ORDER.size) - (ORDER.get(b.category) ?? ORDER.size)),
    distribution: bandDistribution(
      shown.map((l) => l.score),
      scheme,
    ),
    loci: shown,
  };
}

/** The national rank of one locus in a round, as `viewer` may see it (null when hidden). */
export async function nationalRankOf(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  round: Round,
  user: PublicUser,
  pemdaId: string,
): Promise<{ rank: number | null; categoryCount: number | null; category: string } | null> {
  const results = await nationalResults(db, instruments, round, user, {});
  const locus = results.loci.find((l) => l.pemdaId === pemdaId);
  if (locus === undefined || !results.national) return null;
  return { rank: locus.rank, categoryCount: locus.categoryCount, category: locus.category };
}
