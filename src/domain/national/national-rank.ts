// National ranking of a round (issue #19): every locus of the round ranked within its category
// (provinsi, kota, kabupaten, and the other locus kinds), as the Kantor Pusat publishes it.
// Ties share a rank and the next rank skips ("1, 2, 2, 4": standard competition ranking, how
// published tables list equal scores); a locus without a score (nothing approved yet) has no rank
// but counts in its category's number of loci. Pure: the server, exports and tests share it.
import { bandFor } from "../banding/band-for";
import type { BandingScheme } from "../banding/types";

export interface NationalRankable {
  readonly id: string;
  readonly category: string;
  /** Already rounded to 2 decimals; null when the locus has no score yet. */
  readonly score: number | null;
}

export interface NationalRank {
  /** 1-based competition rank within the category; null without a score. */
  readonly rank: number | null;
  /** Loci of the category in the round (with or without a score). */
  readonly categoryCount: number;
}

/** Rank of each locus id within its category. */
export function rankWithinCategories(loci: readonly NationalRankable[]): Map<string, NationalRank> {
  const byCategory = new Map<string, NationalRankable[]>();
  for (const l of loci) {
    const list = byCategory.get(l.category) ?? [];
    list.push(l);
    byCategory.set(l.category, list);
  }
  const out = new Map<string, NationalRank>();
  for (const list of byCategory.values()) {
    const scores = list
      .flatMap((l) => (l.score === null || !Number.isFinite(l.score) ? [] : [l.score]))
      .sort((a, b) => b - a);
    for (const l of list) {
      out.set(l.id, {
        rank: l.score === null || !Number.isFinite(l.score) ? null : 1 + countAbove(scores, l.score),
        categoryCount: list.length,
      });
    }
  }
  return out;
}

/** How many of the descending `sorted` scores are strictly greater than `score` (binary search). */
function countAbove(sorted: readonly number[], score: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Number.NEGATIVE_INFINITY) > score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface BandCount {
  /** The band's category ("A".."E", "Hijau"..); null for loci without a score. */
  readonly category: string | null;
  readonly count: number;
}

/**
 * Loci per band of the scheme, in the scheme's order (best first), every band listed even when
 * empty (a published line reads "A 337, B 157, C 70, D 14, E 9"); loci without a score last.
 */
export function bandDistribution(scores: readonly (number | null)[], scheme: BandingScheme): BandCount[] {
  const counts = new Map<string, number>(scheme.bands.map((b) => [b.category, 0]));
  let none = 0;
  for (const s of scores) {
    const band = s === null ? null : bandFor(s, scheme);
    if (band === null) none++;
    else counts.set(band.category, (counts.get(band.category) ?? 0) + 1);
  }
  const out: BandCount[] = scheme.bands.map((b) => ({
    category: b.category,
    count: counts.get(b.category) ?? 0,
  }));
  if (none > 0) out.push({ category: null, count: none });
  return out;
}
