// Input and output of the results roll-up. The output types are exactly the `pemda` part of the
// protocol's `GET /api/v1/results` body (protocol.md § Review and results); the server adds
// `periodId`. Exports (XLSX/CSV, rapor) read the same objects, so every number has one source.
import type { AnswerValue, AssessmentContent, AssessmentStatus } from "../assessment/types";
import type { FollowUpState } from "../banding/qualifier";

/** A sampled unit that has no assessment yet reports "not_started" (not a stored status). */
export type UnitResultStatus = AssessmentStatus | "not_started";

export interface ResultsAssessmentInput {
  readonly status: AssessmentStatus;
  readonly content: AssessmentContent;
}

export interface ResultsUnitInput {
  readonly unitId: string;
  readonly name: string;
  /** The unit's assessment in this period; absent or null while nobody has started it. */
  readonly assessment?: ResultsAssessmentInput | null;
}

export interface ResultsPemdaInput {
  readonly pemdaId: string;
  readonly name: string;
  /** Every sampled unit of the pemda in the period, assessed or not (they decide `final`). */
  readonly units: readonly ResultsUnitInput[];
  /** Format 2: the secondary data the office recorded for this locus in the period. */
  readonly secondary?: Readonly<Record<string, AnswerValue>>;
  /**
   * Follow-up states of the locus's oversight products, for the scheme's qualifier; null/absent while
   * the office has not recorded them (the qualifier is then undecided).
   */
  readonly followUps?: readonly { readonly state: FollowUpState }[] | null;
}

export interface DimensionPoints {
  readonly id: string;
  /** Rounded half-up to 2 decimals, for display; the unit score is not their sum (methodology §3.6). */
  readonly points: number;
}

export interface UnitResult {
  readonly unitId: string;
  readonly name: string;
  /** The unit score of its assessment whatever the status; null when not started. */
  readonly score: number | null;
  /** Instrument order; empty when not started. */
  readonly dimensions: readonly DimensionPoints[];
  readonly status: UnitResultStatus;
  /** Schemes with unit wording (2025): the unit's band, e.g. {category "B", label "Baik"}. */
  readonly unitBand?: { readonly category: string; readonly label: string } | null;
  /** Format 2: ids of the dimensions whose numbers come from secondary data (valued per locus). */
  readonly secondary?: readonly string[];
}

/** The protocol's flat band: category, Indonesian label (opini/predicate) and Indonesian zone name. */
export interface ResultsBand {
  readonly category: string;
  readonly label: string;
  /** Null when the scheme has no zones (2025). */
  readonly zone: string | null;
  /**
   * Only with a scheme that has a qualifier: its label when granted, null when not granted or
   * undecided (`qualifierDecided` tells which), and the full predicate ("Kualitas Sedang Tanpa
   * Maladministrasi").
   */
  readonly qualifier?: string | null;
  readonly qualifierDecided?: boolean;
  readonly predicate?: string;
}

export interface PemdaResult {
  readonly pemdaId: string;
  readonly name: string;
  /** Mean of the approved units' scores, rounded half-up to 2 decimals; null with none approved. */
  readonly score: number | null;
  readonly band: ResultsBand | null;
  /** True when the pemda has sampled units and every one of them is approved. */
  readonly final: boolean;
  readonly units: readonly UnitResult[];
}

export interface ResultsRollUp {
  readonly pemda: readonly PemdaResult[];
}
