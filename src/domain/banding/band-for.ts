// bandFor: the band a score falls in. Bounds are inclusive at the lower end (methodology §3.8) and the
// score must already be rounded to 2 decimals: 87.995 unrounded is not 88.00.
import type { Band, BandingScheme } from "./types";

export function bandFor<B extends Band>(score: number, scheme: BandingScheme<B>): B | null {
  if (!Number.isFinite(score)) return null;
  // The greatest min ≤ score, not "the first match": a hand-built, unvalidated scheme listed in
  // another order still gets the right band.
  let best: B | null = null;
  for (const band of scheme.bands) {
    if (band.min <= score && (best === null || band.min > best.min)) best = band;
  }
  return best;
}

/** The flat form used in results (`{category, label, zone}`), in Indonesian. */
export interface BandSummary {
  readonly category: string;
  readonly label: string;
  /** Null in a scheme without zones. */
  readonly zone: string | null;
  readonly colour: string | null;
}

export function summariseBand(band: Band): BandSummary {
  return {
    category: band.category,
    label: band.label.id,
    zone: band.zone?.label.id ?? null,
    colour: band.zone?.colour ?? null,
  };
}
