// The supervisor screens' calls to the central endpoint (docs/api.md § Review, results and exports;
// docs/api-review.md). Every response is checked with valibot before a screen sees it: a server of
// another version answers "bad_response" instead of half-rendering. Numbers (scores, points, bands)
// are the server's (domain scoring); nothing here recomputes them.
import * as v from "valibot";
import { parseInstrument } from "../../domain/instrument/parse-instrument";
import type { Instrument } from "../../domain/instrument/types";
import type { AssessmentState } from "../../domain/sync/protocol";
import { ApiError, apiRequest } from "./http";
import { RaporHistory } from "./national-api";

const STATUS = v.picklist(["draft", "submitted", "returned", "approved"]);
const UNIT_STATUS = v.picklist(["draft", "submitted", "returned", "approved", "not_started"]);
const NUM = v.number();
const NULL_NUM = v.nullable(v.number());
const LOCAL_TEXT = v.object({ id: v.string(), en: v.optional(v.string()) });
const DIMENSIONS = v.array(v.object({ id: v.string(), points: NUM }));
// zone is null and qualifier/predicate are present with a 2025-style scheme (no zones, qualifier).
const BAND = v.nullable(
  v.object({
    category: v.string(),
    label: v.string(),
    zone: v.nullable(v.string()),
    qualifier: v.optional(v.nullable(v.string())),
    qualifierDecided: v.optional(v.boolean()),
    predicate: v.optional(v.string()),
  }),
);

const PeriodSchema = v.object({
  id: v.string(),
  officeId: v.string(),
  year: NUM,
  name: v.string(),
  instrumentId: v.string(),
  instrumentVersion: NUM,
  schemeId: v.string(),
  status: v.picklist(["open", "closed"]),
});
export type Period = v.InferOutput<typeof PeriodSchema>;

const COUNTS = {
  sampled: NUM,
  visited: NUM,
  draft: NUM,
  submitted: NUM,
  returned: NUM,
  approved: NUM,
};
const ProgressSchema = v.object({
  periodId: v.string(),
  totals: v.object(COUNTS),
  pemda: v.array(
    v.object({
      pemdaId: v.string(),
      name: v.string(),
      code: v.string(),
      ...COUNTS,
      units: v.array(
        v.object({
          unitId: v.string(),
          name: v.string(),
          // null: a drawn unit with no team yet (API since issue #18)
          assignmentId: v.nullable(v.string()),
          plannedDate: v.nullable(v.string()),
          assessmentId: v.nullable(v.string()),
          status: UNIT_STATUS,
          revision: NULL_NUM,
          updatedAt: v.nullable(v.string()),
          submittedAt: v.nullable(v.string()),
          conflicts: NUM,
          team: v.array(v.object({ id: v.string(), name: v.string() })),
        }),
      ),
    }),
  ),
});
export type Progress = v.InferOutput<typeof ProgressSchema>;
export type ProgressPemda = Progress["pemda"][number];
export type ProgressUnit = ProgressPemda["units"][number];
export type UnitStatus = v.InferOutput<typeof UNIT_STATUS>;

const HistorySchema = v.object({
  seq: NUM,
  revision: NUM,
  userId: v.string(),
  clientId: v.nullable(v.string()),
  mutationId: NULL_NUM,
  action: v.string(),
  key: v.string(),
  old: v.unknown(),
  new: v.unknown(),
  at: v.string(),
  recordedAt: v.string(),
});
export type HistoryEntry = v.InferOutput<typeof HistorySchema>;

const SinceReturnSchema = v.object({
  returnedAt: v.string(),
  returnedBy: v.string(),
  revision: NUM,
  changes: v.array(
    v.object({
      key: v.string(),
      kind: v.string(),
      itemKey: v.string(),
      old: v.unknown(),
      new: v.unknown(),
      added: v.optional(v.boolean()),
      by: v.array(v.string()),
      at: v.string(),
    }),
  ),
});
export type SinceReturn = v.InferOutput<typeof SinceReturnSchema>;
export type SinceReturnChange = SinceReturn["changes"][number];

// The state itself is the pull's assessment value (domain types); only the fields the screen
// relies on are checked here, the rest passes through as the protocol types describe it.
const DetailSchema = v.looseObject({
  id: v.string(),
  periodId: v.string(),
  pemdaId: v.string(),
  unitId: v.string(),
  status: STATUS,
  revision: NUM,
  answers: v.record(v.string(), v.unknown()),
  notes: v.record(v.string(), v.string()),
  products: v.array(v.object({ id: v.string(), name: v.string() })),
  respondents: v.array(v.looseObject({ id: v.string(), kind: v.picklist(["official", "user"]) })),
  evidence: v.array(v.looseObject({ key: v.string(), sha256: v.string(), mime: v.string() })),
  conflicts: v.array(v.looseObject({ key: v.string(), kind: v.string() })),
  visit: v.looseObject({ date: v.string(), team: v.array(v.string()) }),
  history: v.array(HistorySchema),
  /** Per attached photo, its file's own capture time against the attach time (issue #16); older servers omit it. */
  evidenceChecks: v.optional(
    v.array(
      v.object({
        key: v.string(),
        sha256: v.string(),
        capturedAt: v.nullable(v.string()),
        gapHours: v.nullable(NUM),
        mismatch: v.boolean(),
      }),
    ),
    [],
  ),
  score: v.nullable(
    v.object({ total: NUM, dimensions: DIMENSIONS, complete: v.boolean(), problems: v.array(v.unknown()) }),
  ),
  reviews: v.array(
    v.object({
      decision: v.picklist(["approve", "return", "undo_approval"]),
      by: v.string(),
      at: v.string(),
      revision: NUM,
      comment: v.string(),
      itemComments: v.array(v.object({ key: v.string(), text: v.string() })),
    }),
  ),
  users: v.array(v.object({ id: v.string(), name: v.string(), username: v.string() })),
  // Since issue #20; an older server leaves it out.
  sinceReturn: v.optional(v.nullable(SinceReturnSchema), null),
  context: v.object({
    unitName: v.nullable(v.string()),
    pemdaName: v.nullable(v.string()),
    periodName: v.nullable(v.string()),
  }),
});
type DetailExtras = Pick<
  v.InferOutput<typeof DetailSchema>,
  "history" | "score" | "reviews" | "users" | "context" | "sinceReturn" | "evidenceChecks"
>;
export type AssessmentDetail = AssessmentState & DetailExtras;

// The period's banding scheme as results need it (issue #18): no zones → no zone column or colour.
// An older server leaves it out; schemeOf() then reads it off the bands.
const SchemeSummarySchema = v.object({
  id: v.string(),
  name: LOCAL_TEXT,
  hasZones: v.boolean(),
  hasQualifier: v.boolean(),
  hasUnitLabels: v.boolean(),
});
export type SchemeSummary = v.InferOutput<typeof SchemeSummarySchema>;

const ResultsSchema = v.object({
  periodId: v.string(),
  scheme: v.optional(SchemeSummarySchema),
  pemda: v.array(
    v.object({
      pemdaId: v.string(),
      name: v.string(),
      score: NULL_NUM,
      band: BAND,
      final: v.boolean(),
      units: v.array(
        v.object({
          unitId: v.string(),
          name: v.string(),
          score: NULL_NUM,
          dimensions: DIMENSIONS,
          status: UNIT_STATUS,
          unitBand: v.optional(v.nullable(v.object({ category: v.string(), label: v.string() }))),
        }),
      ),
    }),
  ),
});
export type Results = v.InferOutput<typeof ResultsSchema>;
export type PemdaResult = Results["pemda"][number];

// The rapor's letterhead, approvals and failed-item observations (issue #20); optional so a client
// that meets an older server still shows the rapor without them.
const LetterheadSchema = v.object({
  officeId: v.string(),
  officeName: v.string(),
  lines: v.array(v.string()),
  address: v.string(),
  isDefault: v.boolean(),
  logoUrl: v.nullable(v.string()),
  logoMime: v.nullable(v.string()),
  logoBytes: v.nullable(NUM),
  updatedAt: v.nullable(v.string()),
});
export type Letterhead = v.InferOutput<typeof LetterheadSchema>;

const ApprovalSchema = v.object({
  unitId: v.string(),
  unitName: v.string(),
  approverId: v.string(),
  approverName: v.string(),
  approverRole: v.string(),
  approvedAt: v.string(),
  revision: NUM,
});

const ObservationSchema = v.object({
  key: v.string(),
  subject: v.nullable(v.object({ kind: v.string(), label: v.string() })),
  value: NULL_NUM,
  answers: v.array(v.object({ part: v.nullable(v.string()), text: LOCAL_TEXT })),
  notes: v.array(v.string()),
  photoCount: NUM,
  photos: v.array(v.object({ sha256: v.string(), mime: v.string() })),
});
export type RaporObservation = v.InferOutput<typeof ObservationSchema>;

const RaporSchema = v.object({
  // The locus's last rounds and national rank (issue #19; absent from an older server).
  ...RaporHistory,
  period: PeriodSchema,
  scheme: v.optional(SchemeSummarySchema),
  letterhead: v.optional(v.nullable(LetterheadSchema), null),
  printedAt: v.optional(v.nullable(v.string()), null),
  approvals: v.optional(v.array(ApprovalSchema), []),
  pemda: v.object({ pemdaId: v.string(), name: v.string(), score: NULL_NUM, band: BAND, final: v.boolean() }),
  dimensions: v.array(v.object({ id: v.string(), name: LOCAL_TEXT, weight: NUM })),
  variables: v.array(v.object({ id: v.string(), name: LOCAL_TEXT })),
  units: v.array(
    v.object({
      unitId: v.string(),
      name: v.string(),
      status: UNIT_STATUS,
      assessmentId: v.nullable(v.string()),
      score: NULL_NUM,
      dimensions: DIMENSIONS,
      generalNote: v.nullable(v.string()),
      subjects: v.array(v.object({ id: v.string(), kind: v.string(), label: v.string() })),
      shortfalls: v.array(
        v.object({
          indicatorId: v.string(),
          dimensionId: v.string(),
          variableId: v.string(),
          question: LOCAL_TEXT,
          value: NUM,
          instances: v.array(v.object({ key: v.string(), value: NULL_NUM })),
          notes: v.array(v.object({ key: v.string(), text: v.string() })),
          observations: v.optional(v.array(ObservationSchema), []),
        }),
      ),
    }),
  ),
});
export type Rapor = v.InferOutput<typeof RaporSchema>;

const ReviewAnswerSchema = v.object({ id: v.string(), status: STATUS, revision: NUM });

function check<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const r = v.safeParse(schema, body);
  if (!r.success) throw new ApiError("bad_response", 200, v.summarize(r.issues));
  return r.output;
}

async function get<T extends v.GenericSchema>(schema: T, path: string): Promise<v.InferOutput<T>> {
  return check(schema, (await apiRequest("GET", path)).body);
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export async function fetchPeriods(): Promise<Period[]> {
  return (await get(v.object({ periods: v.array(PeriodSchema) }), "/periods")).periods;
}

export const fetchProgress = (periodId: string) => get(ProgressSchema, `/progress?${q({ periodId })}`);

export async function fetchAssessment(id: string): Promise<AssessmentDetail> {
  // The checked fields are exact; the others are the protocol's AssessmentState as sent.
  return (await get(DetailSchema, `/assessments/${encodeURIComponent(id)}`)) as unknown as AssessmentDetail;
}

async function instrumentAt(path: string): Promise<Instrument> {
  const body = await get(v.object({ definition: v.unknown() }), path);
  const parsed = parseInstrument(body.definition);
  if (!parsed.ok) throw new ApiError("bad_response", 200, "instrument does not parse");
  return parsed.instrument;
}

export const fetchAssessmentInstrument = (id: string) =>
  instrumentAt(`/assessments/${encodeURIComponent(id)}/instrument`);
export const fetchPeriodInstrument = (id: string) =>
  instrumentAt(`/periods/${encodeURIComponent(id)}/instrument`);

export const fetchResults = (periodId: string) => get(ResultsSchema, `/results?${q({ periodId })}`);

/** The scheme summary the server sent, or one read off the bands (an older server). */
export function schemeOf(data: { scheme?: SchemeSummary | undefined; pemda: unknown }): SchemeSummary {
  if (data.scheme) return data.scheme;
  const pemda = (Array.isArray(data.pemda) ? data.pemda : [data.pemda]) as {
    band: v.InferOutput<typeof BAND>;
  }[];
  const bands = pemda.flatMap((p) => (p.band ? [p.band] : []));
  return {
    id: "",
    name: { id: "" },
    // With no band to read (nothing scored yet) keep the zone column: the v1 layout.
    hasZones: bands.length === 0 || bands.some((b) => b.zone !== null),
    hasQualifier: bands.some((b) => b.qualifierDecided !== undefined),
    hasUnitLabels: false,
  };
}

export const fetchRapor = (periodId: string, pemdaId: string) =>
  get(RaporSchema, `/results/rapor?${q({ periodId, pemdaId })}`);

export interface ReviewDecisionBody {
  decision: "approve" | "return" | "undo_approval";
  comment: string;
  itemComments: { key: string; text: string }[];
  revision: number;
}

export async function postReview(id: string, body: ReviewDecisionBody) {
  return check(
    ReviewAnswerSchema,
    (await apiRequest("POST", `/assessments/${encodeURIComponent(id)}/review`, body)).body,
  );
}

export const evidenceUrl = (sha256: string) => `/api/v1/evidence/${encodeURIComponent(sha256)}`;
/** A small JPEG (≤ 240 px) of a JPEG photo, made by the server once (issue #20). */
export const thumbnailUrl = (sha256: string) => `/api/v1/evidence/${encodeURIComponent(sha256)}/thumbnail`;
export const reportXlsxUrl = (periodId: string) => `/api/v1/exports/report.xlsx?${q({ periodId })}`;
export const reportCsvUrl = (periodId: string, table: string, separator: string) =>
  `/api/v1/exports/report.csv?${q({ periodId, table, separator })}`;
export const resultsXlsxUrl = (periodId: string) => `/api/v1/exports/results.xlsx?${q({ periodId })}`;
export const resultsCsvUrl = (periodId: string) => `/api/v1/exports/results.csv?${q({ periodId })}`;
export const evidenceZipUrl = (assessmentId: string) => `/api/v1/exports/evidence.zip?${q({ assessmentId })}`;
/** The people's evidence archive of a period, or of one pemda in it (issue #20). */
export const evidenceArchiveUrl = (periodId: string, pemdaId = "") =>
  `/api/v1/exports/evidence.zip?${q(pemdaId === "" ? { periodId } : { periodId, pemdaId })}`;

const QueueSchema = v.object({
  items: v.array(
    v.object({
      assessmentId: v.string(),
      revision: NUM,
      submittedAt: v.nullable(v.string()),
      resubmitted: v.boolean(),
      conflicts: NUM,
      // Since issue #18 (a server before it sends none): the unit score as results show it.
      score: v.optional(v.nullable(NUM), null),
      period: v.object({ id: v.string(), name: v.string(), year: NUM }),
      pemda: v.object({ id: v.string(), name: v.string(), code: v.string() }),
      unit: v.object({ id: v.string(), name: v.string() }),
      team: v.array(v.object({ id: v.string(), name: v.string() })),
    }),
  ),
});
export type QueueItem = v.InferOutput<typeof QueueSchema>["items"][number];

/** Submitted checklists across every open period the user manages (GET /review-queue). */
export async function fetchReviewQueue(): Promise<QueueItem[]> {
  return (await get(QueueSchema, "/review-queue")).items;
}
