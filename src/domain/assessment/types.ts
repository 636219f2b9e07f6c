// The content of one assessment (lembar penilaian): what scoring and completeness read, what a
// device edits through mutations, and — with the header fields of AssessmentFile — the shape of the
// per-assessment export. Documented for humans in docs/assessment-file.md; keep the two in step.

/**
 * A stored answer: the option's number (`scale_0_3`), the option's code (`yes`, `na`, `never`…),
 * the ticked sub-item ids (`checklist`), or null (cleared).
 */
export type AnswerValue = number | string | readonly string[] | null;

export interface Product {
  readonly id: string;
  readonly name: string;
}

export type RespondentKind = "official" | "user";

export interface Respondent {
  readonly id: string;
  readonly kind: RespondentKind;
  /** Free-form short profile (name, position, age group…); JSON values only. */
  readonly profile: Readonly<Record<string, unknown>>;
}

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
  readonly accuracyM?: number;
}

export interface EvidenceRef {
  /** Answer key the evidence belongs to (or an instance key without media part). */
  readonly key: string;
  /** Lower-case hex SHA-256 of the blob: the content address. */
  readonly sha256: string;
  /** `image/jpeg`, `image/png`, `image/webp` count as photos; `application/pdf` as a document. */
  readonly mime: string;
  readonly bytes: number;
  readonly width?: number;
  readonly height?: number;
  readonly takenAt: string;
  readonly location?: GeoPoint;
  readonly caption?: string;
}

export interface AssessmentContent {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  /** Answer key → value. Keys of instances that no longer exist are kept but ignored. */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Answer key (or "general") → note text. */
  readonly notes: Readonly<Record<string, string>>;
  readonly products: readonly Product[];
  readonly respondents: readonly Respondent[];
  readonly evidence: readonly EvidenceRef[];
}

export const ASSESSMENT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface Visit {
  readonly date: string;
  readonly mode?: "scheduled" | "unannounced";
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly location?: GeoPoint;
  readonly team?: readonly string[];
}

/** The per-assessment export: header + content. */
export interface AssessmentFile extends AssessmentContent {
  readonly id: string;
  readonly unitId: string;
  readonly status: AssessmentStatus;
  readonly visit: Visit | null;
}

export function isPhoto(evidence: EvidenceRef): boolean {
  return typeof evidence.mime === "string" && evidence.mime.startsWith("image/");
}
