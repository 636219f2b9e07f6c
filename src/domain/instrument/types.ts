// The instrument model: what `parseInstrument` returns and `serialiseInstrument` writes back.
// It mirrors the JSON file field for field (so parse → serialise → parse is the identity), with two
// normalisations: a missing `evidence` becomes "none", and `noteRequiredWhen` is always a list.
// Format 2 (methodology §7, docs/instrument-v2.md) adds a weighted group tree (`groups`), respondent
// roles and indicator sources; its `dimensions` are a derived display projection of the tree (see
// project-tree.ts) so screens written for format 1 keep working. Scoring of format 2 reads `groups`.
import type { LocalText } from "../common/validate";

export type { LocalText };

export const LEVEL_IDS = ["unit", "product", "official", "user"] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export const MEDIA_PARTS = ["physical", "electronic"] as const;
export type MediaPart = (typeof MEDIA_PARTS)[number];

export const EVIDENCE_RULES = ["none", "optional", "document", "photo_required"] as const;
export type EvidenceRule = (typeof EVIDENCE_RULES)[number];

export interface LevelSpec {
  readonly label: LocalText;
  /** Minimum number of instances (products: 2 in the default instrument). */
  readonly min?: number;
  /** Interview quota (officials 4, users 5); completeness treats it as the required count. */
  readonly quota?: number;
}

export interface ScaleOption {
  /** Raw value; `null` means the answer is excluded from scoring (na, no_answer). */
  readonly value: number | null;
  /** Coded scales are answered by code (`yes`, `never`…); uncoded ones by the number itself. */
  readonly code?: string;
  readonly label: LocalText;
}

export interface OptionScale {
  readonly kind: "options";
  /** Normalised value = option value / max. */
  readonly max: number;
  readonly options: readonly ScaleOption[];
  readonly note?: string;
}

export interface ChecklistScale {
  readonly kind: "checklist";
  readonly note?: string;
}

export type Scale = OptionScale | ChecklistScale;

/** Whether every weight is published (sourced) or our own split (inferred); the UI marks inferred ones. */
export const WEIGHT_PROVENANCES = ["sourced", "inferred"] as const;
export type WeightProvenance = (typeof WEIGHT_PROVENANCES)[number];

export const SOURCE_KINDS = ["observation", "interview", "document", "secondary"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where an indicator's answer comes from (format 2). Observation and document items are answered per
 * unit or per sampled product; interview items once per respondent of the named role; secondary data
 * once per locus and period by the office, and every unit of the locus takes that value.
 */
export type IndicatorSource =
  | { readonly kind: "observation"; readonly per: "unit" | "product" }
  | { readonly kind: "document"; readonly per: "unit" | "product" }
  | { readonly kind: "interview"; readonly role: string }
  | { readonly kind: "secondary"; readonly providers: readonly string[] };

export const INTERVIEW_MODES = ["on_site", "phone"] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const ROLE_SCOPES = ["unit", "locus"] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/** A respondent group (format 2): who is interviewed, how many, and how. */
export interface RespondentRole {
  readonly id: string;
  readonly label: LocalText;
  /** Which respondent list of an assessment holds them. */
  readonly kind: "official" | "user";
  /** Interviews needed: per unit (scope unit) or shared by the locus's units (scope locus). */
  readonly quota: number;
  readonly scope: RoleScope;
  /** For scope locus: interviews each unit's checklist needs at least (default 1). */
  readonly minPerUnit?: number;
  /** Allowed modes; a phone interview records its call time instead of a photo. */
  readonly modes: readonly InterviewMode[];
  readonly provenance?: string;
}

/** A weighted group of the format-2 tree: either sub-groups or indicators, never both. */
export interface Group {
  readonly id: string;
  readonly name: LocalText;
  readonly weight: number;
  readonly weightProvenance: WeightProvenance;
  /** Citation or note about the group (text source). */
  readonly provenance?: string;
  readonly method?: string;
  /**
   * What a group without a value counts as in its parent's weighted mean: "skip" (re-weight over the
   * siblings that have one, as format-1 variables) or "zero" (as format-1 dimensions: 0 points).
   * Top-level groups always count zero.
   */
  readonly ifEmpty: "skip" | "zero";
  readonly groups?: readonly Group[];
  readonly indicators?: readonly Indicator[];
}

export interface Subitem {
  readonly id: string;
  readonly label: LocalText;
}

export interface Indicator {
  readonly id: string;
  readonly level: LevelId;
  readonly question: LocalText;
  /** Name of a scale in `instrument.scales`. */
  readonly answer: string;
  readonly evidence: EvidenceRule;
  readonly weight: number;
  readonly provenance?: string;
  readonly media?: readonly MediaPart[];
  readonly subitems?: readonly Subitem[];
  /** Codes (coded scales) or option values (uncoded scales) whose answer requires a note. */
  readonly noteRequiredWhen?: readonly (string | number)[];
  /** Format 2: where the answer comes from (level and media are derived from it). */
  readonly source?: IndicatorSource;
  /** Format 2: provenance of this indicator's weight. */
  readonly weightProvenance?: WeightProvenance;
}

export interface Variable {
  readonly id: string;
  readonly name: LocalText;
  readonly weight: number;
  readonly provenance?: string;
  readonly weightProvenance?: string;
  readonly method?: string;
  readonly indicators: readonly Indicator[];
}

export interface Dimension {
  readonly id: string;
  readonly name: LocalText;
  /** Dimension weights sum to 100: points = weight × dimension value. */
  readonly weight: number;
  readonly provenance?: string;
  readonly weightProvenance?: string;
  readonly variables: readonly Variable[];
}

export interface Instrument {
  readonly id: string;
  readonly version: number;
  readonly title: LocalText;
  readonly levels: Readonly<Partial<Record<LevelId, LevelSpec>>>;
  readonly scales: Readonly<Record<string, Scale>>;
  /** Format 1: the file's dimensions. Format 2: the display projection of `groups`. */
  readonly dimensions: readonly Dimension[];
  /** 2 for the group-tree format; absent for format 1. */
  readonly format?: 2;
  /** Format 2: the weighted tree; top-level weights sum to 100 (points). */
  readonly groups?: readonly Group[];
  /** Format 2: respondent roles. */
  readonly roles?: readonly RespondentRole[];
}

export function isFormat2(instrument: Instrument): instrument is Instrument & {
  readonly format: 2;
  readonly groups: readonly Group[];
  readonly roles: readonly RespondentRole[];
} {
  return instrument.format === 2 && instrument.groups !== undefined && instrument.roles !== undefined;
}

/** The stable name of one instrument version, e.g. `ori-kepatuhan-2023@1`. */
export function instrumentKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** How many instances of a level an assessment needs (unit: always 1). */
export function requiredCount(instrument: Instrument, level: LevelId): number {
  if (level === "unit") return 1;
  const spec = instrument.levels[level];
  if (spec === undefined) return 0;
  return Math.max(spec.min ?? 0, spec.quota ?? 0);
}
