// The 2025 qualifier ("Tanpa Maladministrasi", methodology §7): decided per locus and period by the
// recorded follow-up of the Ombudsman's oversight products, never by the score.
// Invariant: with nothing recorded the qualifier is undecided (null), not granted: an office that has
// not yet entered the follow-ups must not publish a qualifier by default. An explicit empty record
// ("no oversight products for this locus") grants it under both rules.
import type { QualifierRule } from "./types";

export const OVERSIGHT_KINDS = ["tindakan_korektif", "saran", "rekomendasi"] as const;
export type OversightKind = (typeof OVERSIGHT_KINDS)[number];

export const FOLLOW_UP_STATES = ["full", "partial", "none"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** One Ombudsman oversight product addressed to the locus, with its follow-up state. */
export interface OversightProduct {
  readonly kind: OversightKind;
  /** The product's reference number as issued. */
  readonly number: string;
  /** ISO date of issue. */
  readonly date: string;
  readonly state: FollowUpState;
  /** Where the follow-up is evidenced (letter number, link); free text. */
  readonly evidence?: string;
}

/** true: granted; false: not granted; null: undecided (follow-ups not recorded). */
export function qualifierGranted(
  rule: QualifierRule,
  products: readonly { readonly state: FollowUpState }[] | null | undefined,
): boolean | null {
  if (products === null || products === undefined) return null;
  if (rule === "all_full") return products.every((p) => p.state === "full");
  return products.every((p) => p.state !== "none");
}
