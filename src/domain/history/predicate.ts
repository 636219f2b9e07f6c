// The predicate of a score under a named banding scheme, in the words results are published with
// (zona, kategori, opini), and whether a published category agrees with it. Every historical score
// is read with ITS OWN scheme: a 2021 zona-2021 score is "Kuning", never re-banded with opini-2022.
import { bandFor, summariseBand } from "../banding/band-for";
import type { BandingScheme } from "../banding/types";

export interface Predicate {
  /** "A".."E" for opini schemes, "Hijau".. for zona-2021. */
  readonly category: string;
  /** The opini or predicate, e.g. "Kualitas Sedang", "Kepatuhan Tinggi". */
  readonly label: string;
  /** The zone's Indonesian name ("Hijau", "Kuning", "Merah"); null under a scheme without zones (2025). */
  readonly zone: string | null;
  readonly colour: string | null;
  /** One line in Indonesian, e.g. "C – Kualitas Sedang (Zona Kuning)" or "Zona Kuning – Kepatuhan Sedang". */
  readonly words: string;
}

export function predicateFor(score: number, scheme: BandingScheme): Predicate | null {
  const band = bandFor(score, scheme);
  if (band === null) return null;
  const s = summariseBand(band);
  // A zone scheme's category is the zone itself: do not say the zone twice.
  const words =
    s.zone === null
      ? `${s.category} – ${s.label}`
      : s.category === s.zone
        ? `Zona ${s.zone} – ${s.label}`
        : `${s.category} – ${s.label} (Zona ${s.zone})`;
  return { category: s.category, label: s.label, zone: s.zone, colour: s.colour, words };
}

function norm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^(zona|kategori|opini) /, "");
}

/**
 * Whether a published category (as an office wrote it: "C", "Kualitas Sedang", "Zona Kuning",
 * "kuning") names the derived predicate. Matching the category, the label or (for zone schemes)
 * the zone counts as agreement.
 */
export function publishedCategoryAgrees(published: string, predicate: Predicate): boolean {
  const p = norm(published);
  if (p === "") return true;
  if (p === norm(predicate.category) || p === norm(predicate.label)) return true;
  return predicate.zone !== null && predicate.category === predicate.zone && p === norm(predicate.zone);
}
