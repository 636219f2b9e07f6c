/**
 * Sync protocol v1: the types of everything a device and the central endpoint exchange
 * (shared/protocol.md is the contract; this module is its TypeScript spelling).
 *
 * Owns: mutation names and args, push/pull envelopes, patch ops, and the entity values a pull
 * carries (including the full server state of an assessment).
 * Invariant: these types describe the wire format exactly; a change here is a protocol change and
 * must bump PROTOCOL_VERSION. Pure: no DOM, no Node.
 */

export const PROTOCOL_VERSION = 1;

/** UUID minted by whoever creates the thing. */
export type Uuid = string;
/** ISO 8601 UTC timestamp, e.g. "2026-08-01T02:03:04Z" or with milliseconds. */
export type IsoTimestamp = string;
/** Calendar date "YYYY-MM-DD". */
export type IsoDate = string;

export type Role = "assessor" | "supervisor" | "admin";
export type AssessmentStatus = "draft" | "submitted" | "returned" | "approved";
export type VisitMode = "scheduled" | "unannounced";
export type RespondentKind = "official" | "user";
export type EvidenceMime = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";

export const EVIDENCE_MIMES: readonly EvidenceMime[] = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
];

/**
 * One answer value: the option number for `scale_0_3`, the option code for coded answers, the
 * ticked sub-item ids of a `checklist`, or null for "cleared".
 */
export type AnswerValue = number | string | readonly string[] | null;

export interface GeoLocation {
  lat: number;
  lon: number;
  accuracyM: number;
}

export interface Product {
  id: Uuid;
  name: string;
}

export type RespondentProfile = Record<string, string | number | boolean | null>;

export interface Respondent {
  id: Uuid;
  kind: RespondentKind;
  profile: RespondentProfile;
}

export interface EvidenceMeta {
  sha256: string;
  mime: EvidenceMime;
  bytes: number;
  width?: number;
  height?: number;
  takenAt: IsoTimestamp;
  location?: GeoLocation;
  caption?: string;
}

/** An evidence attachment in an assessment: a blob (by hash) attached to one answer key. */
export interface EvidenceRef extends EvidenceMeta {
  key: string;
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

export interface CreateVisit {
  date: IsoDate;
  startedAt?: IsoTimestamp;
  mode: VisitMode;
}

export interface CreateAssessmentArgs {
  assessmentId: Uuid;
  assignmentId: Uuid;
  unitId: Uuid;
  instrumentId: string;
  instrumentVersion: number;
  visit: CreateVisit;
}

export interface SetAnswerArgs {
  assessmentId: Uuid;
  key: string;
  value: AnswerValue;
  /** What the device believed the value was (null if none): drives conflict detection. */
  previous: AnswerValue;
}

export interface SetNoteArgs {
  assessmentId: Uuid;
  /** An answer key, or "general". */
  key: string;
  /** Empty text clears the note. */
  text: string;
  previous: string | null;
}

export interface PutProductArgs {
  assessmentId: Uuid;
  product: Product;
}

export interface RemoveProductArgs {
  assessmentId: Uuid;
  productId: Uuid;
}

export interface PutRespondentArgs {
  assessmentId: Uuid;
  respondent: Respondent;
}

export interface RemoveRespondentArgs {
  assessmentId: Uuid;
  respondentId: Uuid;
}

export interface AttachEvidenceArgs {
  assessmentId: Uuid;
  key: string;
  evidence: EvidenceMeta;
}

export interface DetachEvidenceArgs {
  assessmentId: Uuid;
  sha256: string;
  /** Extension (documented in docs/api.md): detach only from this key; omitted = from every key. */
  key?: string;
}

export interface SetVisitArgs {
  assessmentId: Uuid;
  visit: {
    date: IsoDate;
    startedAt: IsoTimestamp | null;
    endedAt: IsoTimestamp | null;
    location?: GeoLocation | null;
    team: Uuid[];
  };
}

export interface SubmitArgs {
  assessmentId: Uuid;
}

export interface MutationArgsMap {
  "assessment.create": CreateAssessmentArgs;
  "assessment.setAnswer": SetAnswerArgs;
  "assessment.setNote": SetNoteArgs;
  "assessment.putProduct": PutProductArgs;
  "assessment.removeProduct": RemoveProductArgs;
  "assessment.putRespondent": PutRespondentArgs;
  "assessment.removeRespondent": RemoveRespondentArgs;
  "assessment.attachEvidence": AttachEvidenceArgs;
  "assessment.detachEvidence": DetachEvidenceArgs;
  "assessment.setVisit": SetVisitArgs;
  "assessment.submit": SubmitArgs;
}

export type MutationName = keyof MutationArgsMap;

export const MUTATION_NAMES: readonly MutationName[] = [
  "assessment.create",
  "assessment.setAnswer",
  "assessment.setNote",
  "assessment.putProduct",
  "assessment.removeProduct",
  "assessment.putRespondent",
  "assessment.removeRespondent",
  "assessment.attachEvidence",
  "assessment.detachEvidence",
  "assessment.setVisit",
  "assessment.submit",
];

/** One numbered mutation of one client. `id` runs 1, 2, 3 … per clientId, with no gaps. */
export type Mutation = {
  [N in MutationName]: { id: number; name: N; args: MutationArgsMap[N]; at: IsoTimestamp };
}[MutationName];

export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>;

export interface PushRequest {
  clientId: Uuid;
  mutations: Mutation[];
}

export interface ProtocolError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type PushStatus = "applied" | "duplicate" | "rejected";

export interface PushResult {
  id: number;
  status: PushStatus;
  /** Present when status is "rejected". */
  error?: ProtocolError;
}

export interface PushResponse {
  lastMutationId: number;
  results: PushResult[];
}

// ---------------------------------------------------------------------------------------------
// Entities carried by pull
// ---------------------------------------------------------------------------------------------

export type EntityType = "period" | "instrument" | "pemda" | "unit" | "assignment" | "assessment" | "user";

export const ENTITY_TYPES: readonly EntityType[] = [
  "period",
  "instrument",
  "pemda",
  "unit",
  "assignment",
  "assessment",
  "user",
];

export interface Period {
  id: Uuid;
  officeId: string;
  name: string;
  year: number;
  instrumentId: string;
  instrumentVersion: number;
  /** Banding scheme id, e.g. "opini-2022". */
  schemeId: string;
  status: "open" | "closed";
}

/** An instrument version; `definition` is the instrument JSON as loaded (parsed by the domain). */
export interface InstrumentRecord {
  id: string;
  version: number;
  definition: unknown;
}

export interface Pemda {
  id: Uuid;
  officeId: string;
  /** BPS code, e.g. "6101". */
  code: string;
  name: string;
  /** provinsi / kabupaten / kota */
  kind: string;
}

export interface Unit {
  id: Uuid;
  pemdaId: Uuid;
  name: string;
  /** Unit kind from the demo/planning catalogue (e.g. "disdukcapil", "puskesmas"). */
  kind: string;
  suggestedProducts: string[];
}

export interface Assignment {
  id: Uuid;
  periodId: Uuid;
  unitId: Uuid;
  pemdaId: Uuid;
  /** User ids of the team. */
  team: Uuid[];
  plannedDate: IsoDate | null;
  /**
   * Service products the supervisor suggests for this visit (planning). Optional for compatibility:
   * absent (an older server, or a device's stored row from before) means none.
   */
  suggestedProducts?: string[];
}

export interface PublicUser {
  id: Uuid;
  username: string;
  name: string;
  role: Role;
  officeId: string;
}

export interface Visit {
  date: IsoDate;
  startedAt: IsoTimestamp | null;
  endedAt: IsoTimestamp | null;
  mode: VisitMode;
  location?: GeoLocation | null;
  team: Uuid[];
}

/** Who wrote a value, from which device, and when (device time). */
export interface Authorship {
  by: Uuid;
  clientId: Uuid;
  at: IsoTimestamp;
}

export interface ConflictValue extends Authorship {
  value: AnswerValue;
}

/**
 * Two (or more) clients wrote one key without seeing each other's value. `values` holds every
 * competing value in arrival order; the last one is the current value. Cleared when someone writes
 * the key again with the current value as `previous`.
 */
export interface Conflict {
  kind: "answer" | "note";
  key: string;
  values: ConflictValue[];
  detectedAt: IsoTimestamp;
}

export interface ReviewComment {
  /** An answer key, or "general" for the overall comment. */
  key: string;
  text: string;
  by: Uuid;
  at: IsoTimestamp;
  decision?: "approve" | "return";
  revision: number;
}

export interface AssessmentState {
  id: Uuid;
  assignmentId: Uuid;
  unitId: Uuid;
  pemdaId: Uuid;
  periodId: Uuid;
  instrumentId: string;
  instrumentVersion: number;
  status: AssessmentStatus;
  visit: Visit;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  products: Product[];
  respondents: Respondent[];
  evidence: EvidenceRef[];
  conflicts: Conflict[];
  reviewComments: ReviewComment[];
  /** Last writer of each answer / note key: the input of conflict detection. */
  authors: { answers: Record<string, Authorship>; notes: Record<string, Authorship> };
  createdBy: Uuid;
  createdAt: IsoTimestamp;
  submittedAt: IsoTimestamp | null;
  /** +1 for every applied mutation or review decision. */
  revision: number;
  updatedAt: IsoTimestamp;
}

export interface EntityValueMap {
  period: Period;
  instrument: InstrumentRecord;
  pemda: Pemda;
  unit: Unit;
  assignment: Assignment;
  assessment: AssessmentState;
  user: PublicUser;
}

export type PatchOp =
  | { [T in EntityType]: { op: "put"; type: T; value: EntityValueMap[T] } }[EntityType]
  | { op: "del"; type: EntityType; id: string };

export interface PullRejection {
  mutationId: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface PullResponse {
  cursor: string;
  reset: boolean;
  lastMutationId: number;
  patch: PatchOp[];
  rejections: PullRejection[];
}

/** Instrument ids: `${id}@${version}` is the entity id of an instrument record in patches. */
export function instrumentEntityId(id: string, version: number): string {
  return `${id}@${version}`;
}
