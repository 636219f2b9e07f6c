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
  readonly zone: Zone;
}

export interface BandingScheme {
  readonly id: string;
  readonly name: LocalText;
  /** Ordered from the highest `min` to the lowest; the last one has min 0. */
  readonly bands: readonly Band[];
}
