// The national round and history endpoints (docs/api-national.md, issue #19) for the staff screens:
// rounds and their progress per office, national results, a locus's years, the history import.
// Every answer is checked with valibot before a screen sees it (a server of another version answers
// "bad_response" instead of half-rendering). Numbers, ranks and predicates are the server's.
import * as v from "valibot";
import { ApiError, apiRequest } from "./http";

const NUM = v.number();
const NULL_NUM = v.nullable(v.number());
const LOCAL_TEXT = v.object({ id: v.string(), en: v.optional(v.string()) });

const Timetable = v.object({
  planningUntil: v.optional(v.string()),
  fieldworkUntil: v.optional(v.string()),
  reviewUntil: v.optional(v.string()),
  publicationOn: v.optional(v.string()),
});
export type Timetable = v.InferOutput<typeof Timetable>;

const Round = v.object({
  id: v.string(),
  year: NUM,
  name: v.string(),
  instrumentId: v.string(),
  instrumentVersion: NUM,
  schemeId: v.string(),
  timetable: Timetable,
  publishedAt: v.nullable(v.string()),
  periodCount: NUM,
  final: v.boolean(),
});
export type Round = v.InferOutput<typeof Round>;

const OfficeProgress = v.object({
  officeId: v.string(),
  officeName: v.string(),
  joined: v.boolean(),
  periodId: v.nullable(v.string()),
  periodStatus: v.nullable(v.picklist(["open", "closed"])),
  loci: NUM,
  units: NUM,
  notStarted: NUM,
  draft: NUM,
  submitted: NUM,
  returned: NUM,
  approved: NUM,
});
export type OfficeProgress = v.InferOutput<typeof OfficeProgress>;

const RoundDetail = v.object({ round: Round, central: v.boolean(), offices: v.array(OfficeProgress) });
export type RoundDetail = v.InferOutput<typeof RoundDetail>;

const Band = v.nullable(
  v.object({
    category: v.string(),
    label: v.string(),
    zone: v.nullable(v.string()),
    predicate: v.optional(v.string()),
  }),
);

const NationalLocus = v.object({
  pemdaId: v.string(),
  code: v.string(),
  name: v.string(),
  kind: v.string(),
  category: v.string(),
  officeId: v.string(),
  officeName: v.string(),
  periodId: v.string(),
  score: NULL_NUM,
  band: Band,
  final: v.boolean(),
  rank: NULL_NUM,
  categoryCount: NULL_NUM,
});
export type NationalLocus = v.InferOutput<typeof NationalLocus>;

const NationalResults = v.object({
  roundId: v.string(),
  year: NUM,
  schemeId: v.string(),
  provisional: v.boolean(),
  published: v.boolean(),
  national: v.boolean(),
  categories: v.array(v.object({ category: v.string(), count: NUM })),
  distribution: v.array(v.object({ category: v.nullable(v.string()), count: NUM })),
  loci: v.array(NationalLocus),
});
export type NationalResults = v.InferOutput<typeof NationalResults>;

const Predicate = v.nullable(
  v.object({
    category: v.string(),
    label: v.string(),
    zone: v.nullable(v.string()),
    colour: v.nullable(v.string()),
    words: v.string(),
  }),
);
const DIMENSIONS = v.array(v.object({ id: v.string(), points: NUM }));
const BriefUnit = v.nullable(v.object({ unitId: v.string(), name: v.string(), score: NULL_NUM }));

const HistoryEntry = v.object({
  year: NUM,
  source: v.picklist(["patuh", "published"]),
  periodId: v.nullable(v.string()),
  roundId: v.nullable(v.string()),
  schemeId: v.string(),
  instrument: v.nullable(v.object({ id: v.string(), version: NUM })),
  score: NULL_NUM,
  predicate: Predicate,
  final: v.boolean(),
  publishedCategory: v.nullable(v.string()),
  publishedRank: NULL_NUM,
  categoryDisagrees: v.boolean(),
  nationalRank: v.nullable(v.object({ rank: NULL_NUM, categoryCount: NULL_NUM, published: v.boolean() })),
  methodChanged: v.boolean(),
  delta: NULL_NUM,
  units: v.array(
    v.object({
      unitId: v.string(),
      name: v.string(),
      score: NULL_NUM,
      dimensions: DIMENSIONS,
      status: v.string(),
    }),
  ),
  best: BriefUnit,
  worst: BriefUnit,
});
export type HistoryEntry = v.InferOutput<typeof HistoryEntry>;

const LocusHistory = v.object({
  locus: v.object({
    pemdaId: v.string(),
    code: v.string(),
    name: v.string(),
    kind: v.string(),
    category: v.string(),
    officeId: v.string(),
    officeName: v.string(),
  }),
  entries: v.array(HistoryEntry),
  unitChanges: v.array(
    v.object({
      unitId: v.string(),
      name: v.string(),
      from: v.object({ year: NUM, score: NULL_NUM }),
      to: v.object({ year: NUM, score: NULL_NUM }),
      dimensions: v.nullable(v.array(v.object({ id: v.string(), before: NUM, after: NUM, change: NUM }))),
    }),
  ),
  dimensionNames: v.record(v.string(), LOCAL_TEXT),
});
export type LocusHistory = v.InferOutput<typeof LocusHistory>;

const SheetProblem = v.object({
  code: v.string(),
  message: v.string(),
  at: v.optional(v.object({ sheet: v.string(), row: NUM, column: v.string() })),
  sheet: v.optional(v.string()),
});
const HistoryReport = v.object({
  rows: NUM,
  imported: NUM,
  errors: v.array(SheetProblem),
  warnings: v.array(SheetProblem),
});
export type HistoryReport = v.InferOutput<typeof HistoryReport>;

/** The rapor's additions (GET /results/rapor, issue #19); absent from an older server. */
export const RaporHistory = {
  trend: v.optional(
    v.array(
      v.object({
        year: NUM,
        source: v.picklist(["patuh", "published"]),
        schemeId: v.string(),
        score: NULL_NUM,
        predicate: v.nullable(v.string()),
        methodChanged: v.boolean(),
        delta: NULL_NUM,
      }),
    ),
    [],
  ),
  nationalRank: v.optional(
    v.nullable(
      v.object({ rank: NULL_NUM, categoryCount: NULL_NUM, category: v.string(), published: v.boolean() }),
    ),
    null,
  ),
};
const RaporHistorySchema = v.object(RaporHistory);
export type RaporHistory = v.InferOutput<typeof RaporHistorySchema>;
export type RaporTrendPoint = RaporHistory["trend"][number];

function check<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const r = v.safeParse(schema, body);
  if (!r.success) throw new ApiError("bad_response", 200, v.summarize(r.issues));
  return r.output;
}

async function call<T extends v.GenericSchema>(
  schema: T,
  method: string,
  path: string,
  json?: unknown,
): Promise<v.InferOutput<T>> {
  return check(schema, (await apiRequest(method, path, json)).body);
}

const id = (x: string) => encodeURIComponent(x);
const query = (params: Record<string, string | undefined>) => {
  const defined = Object.entries(params).filter(
    (e): e is [string, string] => e[1] !== undefined && e[1] !== "",
  );
  return defined.length === 0 ? "" : `?${new URLSearchParams(defined).toString()}`;
};

export interface NewRound {
  year: number;
  name: string;
  instrumentId: string;
  instrumentVersion: number;
  schemeId: string;
  timetable: Timetable;
}

export interface NationalFilter {
  officeId?: string;
  category?: string;
}

export const nationalApi = {
  rounds: () => call(v.object({ central: v.boolean(), rounds: v.array(Round) }), "GET", "/rounds"),
  round: (roundId: string) => call(RoundDetail, "GET", `/rounds/${id(roundId)}`),
  createRound: (input: NewRound) =>
    call(v.object({ round: Round }), "POST", "/rounds", input).then((b) => b.round),
  join: (roundId: string, officeId: string, periodId?: string) =>
    call(
      v.object({ periodId: v.string(), created: v.boolean() }),
      "POST",
      `/rounds/${id(roundId)}/offices`,
      periodId === undefined ? { officeId } : { officeId, periodId },
    ),
  publish: (roundId: string) =>
    call(v.object({ round: Round }), "POST", `/rounds/${id(roundId)}/publish`).then((b) => b.round),
  markCentral: (officeId: string) =>
    call(v.object({ centralOfficeId: v.string() }), "PUT", "/admin/central-office", { officeId }),
  results: (roundId: string, filter: NationalFilter) =>
    call(NationalResults, "GET", `/rounds/${id(roundId)}/results${query({ ...filter })}`),
  locusHistory: (pemdaId: string) => call(LocusHistory, "GET", `/loci/${id(pemdaId)}/history`),
};

export const nationalXlsxUrl = (roundId: string, filter: NationalFilter) =>
  `/api/v1/rounds/${id(roundId)}/results.xlsx${query({ ...filter })}`;

export const historyExportUrl = (officeId: string | undefined, format: "csv" | "xlsx") =>
  `/api/v1/admin/history/export${query({ officeId, format })}`;

/**
 * Uploads a history file (raw body). Resolves with the report for a 200, and also for a 400
 * invalid_history_file (the report then lists the errors; nothing was written); rejects with an
 * ApiError otherwise (413, 403, network…).
 */
export async function uploadHistory(
  file: Blob,
  options: { officeId?: string; dryRun: boolean },
): Promise<HistoryReport> {
  let response: Response;
  try {
    response = await fetch(
      `/api/v1/admin/history/import${query({ officeId: options.officeId, dryRun: options.dryRun ? "true" : undefined })}`,
      {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/octet-stream" },
        credentials: "same-origin",
        cache: "no-store",
        body: file,
        signal: AbortSignal.timeout(120_000),
      },
    );
  } catch (error) {
    throw new ApiError("network", 0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return check(HistoryReport, body);
  const error = (body as { error?: { code?: unknown; details?: unknown } } | undefined)?.error;
  if (error?.code === "invalid_history_file") return check(HistoryReport, error.details);
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  throw new ApiError(code, response.status, "");
}
