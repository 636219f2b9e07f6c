// A locus's trend over the years (issue #19), and a unit's change between two rounds.
// Invariant: numbers computed under different methods (another banding scheme or another
// instrument) are never compared silently: an entry whose method differs from the previous one
// gets no delta and is marked `methodChanged`, so the screen draws a break and says why.

export interface TrendPoint {
  readonly year: number;
  readonly score: number | null;
  readonly schemeId: string;
  /** Instrument id (without version) when known; imported published rows have none. */
  readonly instrumentId: string | null;
}

export interface MarkedTrendPoint<T extends TrendPoint> {
  readonly point: T;
  /** Differs in scheme (or, when both are known, in instrument) from the previous point. */
  readonly methodChanged: boolean;
  /** score − previous score, only between two scored points of the same method (2 decimals). */
  readonly delta: number | null;
}

export function sameMethod(a: TrendPoint, b: TrendPoint): boolean {
  if (a.schemeId !== b.schemeId) return false;
  return a.instrumentId === null || b.instrumentId === null || a.instrumentId === b.instrumentId;
}

/** Points ordered by year, each marked against the previous one. */
export function markTrend<T extends TrendPoint>(points: readonly T[]): MarkedTrendPoint<T>[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  return sorted.map((point, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const methodChanged = prev !== undefined && !sameMethod(prev, point);
    const delta =
      prev !== undefined && !methodChanged && prev.score !== null && point.score !== null
        ? Math.round((point.score - prev.score) * 100) / 100
        : null;
    return { point, methodChanged, delta };
  });
}

export interface DimensionChange {
  readonly id: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/**
 * Per-dimension change of a unit assessed in two rounds. Only dimensions present in both (same
 * instrument family) are compared; null when the instruments differ (another method).
 */
export function dimensionChanges(
  before: { instrumentId: string; dimensions: readonly { id: string; points: number }[] },
  after: { instrumentId: string; dimensions: readonly { id: string; points: number }[] },
): DimensionChange[] | null {
  if (before.instrumentId !== after.instrumentId) return null;
  const old = new Map(before.dimensions.map((d) => [d.id, d.points]));
  return after.dimensions.flatMap((d) => {
    const b = old.get(d.id);
    return b === undefined
      ? []
      : [{ id: d.id, before: b, after: d.points, change: Math.round((d.points - b) * 100) / 100 }];
  });
}

/** The best and worst scored units (by score, then name), or null when none is scored. */
export function bestAndWorst<T extends { name: string; score: number | null }>(
  units: readonly T[],
): { best: T; worst: T } | null {
  const scored = units.filter((u) => u.score !== null);
  if (scored.length === 0) return null;
  const sorted = [...scored].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  return best === undefined || worst === undefined ? null : { best, worst };
}
