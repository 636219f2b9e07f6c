// Banding schemes are data (methodology.md §4): bands change almost every year and the 2025 ones are
// not public yet, so an admin defines them as JSON. These types are exactly that JSON shape.
import type { LocalText } from "../common/validate";

/** Named colours of the published zones; anything else is a `#rrggbb` hex colour. */
export const ZONE_COLOURS = ["hijau", "kuning", "merah"] as const;

export interface Zone {
  readonly label: LocalText;
  /** "hijau" | "kuning" | "merah" | "#rrggbb" */
  readonly colour: string;
}

export interface Band {
  /** Short category name shown with the score: "A".."E" for opini, "Hijau".. for zona-2021. */
  readonly category: string;
  /** Inclusive lower bound on the (already rounded) score. */
  readonly min: number;
  /** The opini or predicate, e.g. "Kualitas Sedang" / "Kepatuhan Tinggi". */
  readonly label: LocalText;
  /** Absent in schemes without colour zones (the 2025 method). */
  readonly zone?: Zone;
  /** How a unit (not a locus) in this band is worded, e.g. "Sangat Baik" (2025). */
  readonly unitLabel?: LocalText;
  /** "sourced" when the cut is published, "inferred" when it is our reading (methodology §7). */
  readonly provenance?: string;
}

/** Which recorded follow-ups of Ombudsman oversight products grant the qualifier. */
export const QUALIFIER_RULES = ["all_full", "none_ignored"] as const;
export type QualifierRule = (typeof QUALIFIER_RULES)[number];

/** A predicate addition decided by follow-ups, never by the score ("Tanpa Maladministrasi"). */
export interface Qualifier {
  readonly label: LocalText;
  /**
   * all_full: every recorded oversight product is followed up fully (default, methodology §7);
   * none_ignored: none is left without any follow-up (partial counts).
   */
  readonly rule: QualifierRule;
}

/** A band of a zoned scheme (opini-2022, zona-2021). */
export type ZonedBand = Band & { readonly zone: Zone };

export interface BandingScheme<B extends Band = Band> {
  readonly id: string;
  readonly name: LocalText;
  /** Ordered from the highest `min` to the lowest; the last one has min 0. */
  readonly bands: readonly B[];
  readonly qualifier?: Qualifier;
  /** Where the scheme comes from (e.g. "inferred: 2025 cuts not published, all published scores fit"). */
  readonly provenance?: string;
}
