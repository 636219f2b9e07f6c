// The instrument model: what `parseInstrument` returns and `serialiseInstrument` writes back.
// It mirrors the JSON file field for field (so parse → serialise → parse is the identity), with two
// normalisations: a missing `evidence` becomes "none", and `noteRequiredWhen` is always a list.
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
  readonly dimensions: readonly Dimension[];
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
