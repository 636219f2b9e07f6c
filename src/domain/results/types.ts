// Input and output of the results roll-up. The output types are exactly the `pemda` part of the
// protocol's `GET /api/v1/results` body (protocol.md § Review and results); the server adds
// `periodId`. Exports (XLSX/CSV, rapor) read the same objects, so every number has one source.
import type { AssessmentContent, AssessmentStatus } from "../assessment/types";

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
}

/** The protocol's flat band: category, Indonesian label (opini/predicate) and Indonesian zone name. */
export interface ResultsBand {
  readonly category: string;
  readonly label: string;
  readonly zone: string;
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
