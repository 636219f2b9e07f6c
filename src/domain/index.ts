// Public API of the pure domain core, shared by the PWA, the service worker and the server.
// Names exported here are a contract with the other parts of the tree: add, don't rename.

export {
  type AnswerKeyError,
  type AnswerKeyInput,
  type AnswerKeyParts,
  buildAnswerKey,
  GENERAL_NOTE_KEY,
  type InstanceLevel,
  instanceKey,
  type ParseAnswerKeyResult,
  parseAnswerKey,
} from "./answers/answer-key";
export {
  type AnswerError,
  type AnswerErrorCode,
  type ResolveKeyResult,
  resolveAnswerKey,
  type ValidateAnswerResult,
  validateAnswer,
  validateNoteKey,
} from "./answers/validate-answer";
export { type InstanceSets, instancesOf, respondentRole } from "./assessment/instances";
export {
  type AssessmentParseResult,
  parseAssessmentFile,
} from "./assessment/parse-assessment";
export {
  expectedRespondents,
  interviewMode,
  isCallTime,
  type RoleTally,
  roleTallies,
} from "./assessment/role-quotas";
export {
  type AnswerValue,
  ASSESSMENT_STATUSES,
  type AssessmentContent,
  type AssessmentFile,
  type AssessmentStatus,
  type EvidenceRef,
  type GeoPoint,
  isPhoto,
  type Product,
  type Respondent,
  type RespondentKind,
  type Visit,
} from "./assessment/types";
export { type BandSummary, bandFor, summariseBand } from "./banding/band-for";
export { BUILTIN_SCHEMES, DEFAULT_SCHEME_ID, OPINI_2022, OPINI_2025, ZONA_2021 } from "./banding/builtin";
export { type ParseBandingSchemeResult, parseBandingScheme } from "./banding/parse-scheme";
export {
  FOLLOW_UP_STATES,
  type FollowUpState,
  OVERSIGHT_KINDS,
  type OversightKind,
  type OversightProduct,
  qualifierGranted,
} from "./banding/qualifier";
export {
  type Band,
  type BandingScheme,
  QUALIFIER_RULES,
  type Qualifier,
  type QualifierRule,
  ZONE_COLOURS,
  type Zone,
  type ZonedBand,
} from "./banding/types";
export { ID_PATTERN, ID_RULE, type LocalText, type PathError } from "./common/validate";
export {
  type CompletenessResult,
  checkCompleteness,
  type Problem,
  type ProblemCode,
} from "./completeness/check-completeness";
export { convertToV2 } from "./instrument/convert-v1";
export {
  type IndicatorEntry,
  type InstrumentIndex,
  type Interpretation,
  indexInstrument,
  indicatorById,
  orderedIndicators,
} from "./instrument/instrument-index";
export { type ParseInstrumentResult, parseInstrument } from "./instrument/parse-instrument";
export {
  type GroupPathEntry,
  projectDimensions,
  treeIndicators,
  walkGroups,
} from "./instrument/project-tree";
export { type JsonValue, serialiseInstrument } from "./instrument/serialise-instrument";
export {
  type ChecklistScale,
  type Dimension,
  EVIDENCE_RULES,
  type EvidenceRule,
  type Group,
  INTERVIEW_MODES,
  type Indicator,
  type IndicatorSource,
  type Instrument,
  type InterviewMode,
  instrumentKey,
  isFormat2,
  LEVEL_IDS,
  type LevelId,
  type LevelSpec,
  MEDIA_PARTS,
  type MediaPart,
  type OptionScale,
  type RespondentRole,
  ROLE_SCOPES,
  type RoleScope,
  requiredCount,
  type Scale,
  type ScaleOption,
  SOURCE_KINDS,
  type SourceKind,
  type Subitem,
  type Variable,
  WEIGHT_PROVENANCES,
  type WeightProvenance,
} from "./instrument/types";
export {
  isLocusKind,
  isPemdaKind,
  LOCUS_KIND_NAMES_ID,
  LOCUS_KINDS,
  type LocusKind,
  locusCategory,
  parseLocusKind,
} from "./loci/locus-kinds";
export {
  type AnswerSlot,
  firstUnanswered,
  isSecondary,
  progressOfEntries,
  type SlotProgress,
  slotsOfIndicator,
} from "./outline/answer-slots";
export { flattenOutline, instrumentOutline, type OutlineNode } from "./outline/outline";
export { type Rankable, rankPemda } from "./results/rank";
export {
  type PemdaUnits,
  type RollUpInput,
  rollUpPemda,
  rollUpResults,
  scoreUnit,
} from "./results/roll-up";
export {
  type Shortfall,
  type ShortfallInstance,
  type ShortfallNote,
  unitShortfalls,
} from "./results/shortfalls";
export type {
  DimensionPoints,
  PemdaResult,
  ResultsAssessmentInput,
  ResultsBand,
  ResultsPemdaInput,
  ResultsRollUp,
  ResultsUnitInput,
  UnitResult,
  UnitResultStatus,
} from "./results/types";
export {
  type DrawSampleInput,
  type DrawSampleResult,
  drawSample,
  type SampleCandidate,
  type SampleMixEntry,
} from "./sampling/draw-sample";
export { SAMPLE_ALGORITHM } from "./sampling/prng";
export { newSeed } from "./sampling/seed";
export { type ProductCatalogueEntry, suggestProducts } from "./sampling/suggest-products";
export {
  computeDimensionScores,
  type DimensionScore,
  type DimensionScores,
  type GroupScore,
  type LocusInputs,
} from "./scoring/dimension-scores";
export { mean, pemdaScore, roundHalfUp } from "./scoring/round";
export { type ScoreResult, scoreAssessment } from "./scoring/score-assessment";
