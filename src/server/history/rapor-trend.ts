/**
 * What the rapor adds from the history (issue #19): the locus's last rounds (score, predicate in
 * its own scheme, method change) and its national rank in the rapor's round when the viewer may
 * see it (published round, or the central office). Owns no table.
 */
import type { QueryExecutorProvider } from "kysely";
import type { PublicUser } from "../db/queries/users";
import type { InstrumentCache } from "../sync/instrument-cache";
import { findLocus, type HistoryEntry, locusHistory } from "./locus-history";

export interface RaporTrendPoint {
  year: number;
  source: HistoryEntry["source"];
  schemeId: string;
  score: number | null;
  predicate: string | null;
  methodChanged: boolean;
  delta: number | null;
}

export interface RaporHistory {
  trend: RaporTrendPoint[];
  nationalRank: {
    rank: number | null;
    categoryCount: number | null;
    category: string;
    published: boolean;
  } | null;
}

const LAST_ROUNDS = 5;

export async function raporHistory(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  user: PublicUser,
  periodId: string,
  pemdaId: string,
): Promise<RaporHistory> {
  const locus = await findLocus(db, pemdaId);
  if (locus === undefined) return { trend: [], nationalRank: null };
  const history = await locusHistory(db, instruments, user, locus, { years: LAST_ROUNDS });
  const current = history.entries.find((e) => e.periodId === periodId);
  return {
    trend: history.entries.map((e) => ({
      year: e.year,
      source: e.source,
      schemeId: e.schemeId,
      score: e.score,
      predicate: e.predicate?.words ?? null,
      methodChanged: e.methodChanged,
      delta: e.delta,
    })),
    nationalRank:
      current?.nationalRank == null ? null : { ...current.nationalRank, category: locus.category },
  };
}
