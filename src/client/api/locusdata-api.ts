// The secondary-data / follow-up endpoints (docs/api-review.md § Secondary data and follow-ups) and
// the instrument-workbook endpoints (docs/api-admin.md § Instrument workbooks) for their screens.
// Every answer is checked with valibot; a 422 import_invalid resolves with its problems (each with
// its cell) instead of rejecting, because listing them is the screen's job, not an error.
import * as v from "valibot";
import { checkSession } from "../session/session";
import { ApiError, apiRequest } from "./http";

const Text = v.object({ id: v.string(), en: v.optional(v.string()) });
const Indicator = v.object({
  id: v.string(),
  question: Text,
  providers: v.array(v.string()),
  options: v.array(v.object({ value: v.nullable(v.number()), code: v.optional(v.string()), label: Text })),
});
const Secondary = v.object({
  indicatorId: v.string(),
  value: v.union([v.number(), v.string()]),
  source: v.string(),
  note: v.optional(v.nullable(v.string())),
  recordedBy: v.optional(v.nullable(v.string())),
  recordedAt: v.optional(v.nullable(v.string())),
});
export const PRODUCT_KINDS = ["tindakan_korektif", "saran", "rekomendasi"] as const;
export const FOLLOW_UP_STATES = ["full", "partial", "none"] as const;
const Product = v.object({
  id: v.optional(v.union([v.string(), v.number()])),
  kind: v.picklist(PRODUCT_KINDS),
  number: v.string(),
  date: v.string(),
  state: v.picklist(FOLLOW_UP_STATES),
  evidence: v.optional(v.nullable(v.string())),
  note: v.optional(v.nullable(v.string())),
});
const Locus = v.object({
  pemdaId: v.string(),
  code: v.string(),
  name: v.string(),
  sampled: v.boolean(),
  secondary: v.array(Secondary),
  oversight: v.object({
    recorded: v.boolean(),
    recordedAt: v.optional(v.nullable(v.string())),
    products: v.array(Product),
  }),
});
const LocusData = v.object({
  periodId: v.string(),
  // Since issue #18's read-only view; a server before it sends none (then: open).
  periodStatus: v.optional(v.picklist(["open", "closed"]), "open"),
  instrument: v.nullable(v.object({ id: v.string(), version: v.number() })),
  indicators: v.array(Indicator),
  loci: v.array(Locus),
});
export type LocusData = v.InferOutput<typeof LocusData>;
export type LocusEntry = v.InferOutput<typeof Locus>;
export type SecondaryIndicator = v.InferOutput<typeof Indicator>;
export type OversightProduct = v.InferOutput<typeof Product>;

const CellProblem = v.object({
  code: v.string(),
  message: v.string(),
  sheet: v.optional(v.nullable(v.string())),
  at: v.optional(
    v.nullable(
      v.object({
        sheet: v.optional(v.nullable(v.string())),
        row: v.optional(v.nullable(v.number())),
        column: v.optional(v.nullable(v.string())),
      }),
    ),
  ),
});
export type CellProblem = v.InferOutput<typeof CellProblem>;
const LocusReport = v.object({
  dryRun: v.boolean(),
  applied: v.boolean(),
  rows: v.number(),
  secondaryLoci: v.number(),
  oversightLoci: v.number(),
  changedLoci: v.number(),
  problems: v.array(CellProblem),
});
export type LocusImportReport = v.InferOutput<typeof LocusReport>;

const period = (periodId: string) => `/periods/${encodeURIComponent(periodId)}/locus-data`;

async function call(method: string, path: string, json?: unknown): Promise<unknown> {
  try {
    return (await apiRequest(method, path, json)).body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) void checkSession();
    throw error;
  }
}

/** POSTs file bytes; 2xx and 422 import_invalid answer {status, body}, anything else rejects. */
async function postFile(path: string, file: Blob): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", "Content-Type": "application/octet-stream" },
      body: file,
    });
  } catch (error) {
    throw new ApiError("network", 0, error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (response.ok || (response.status === 422 && error?.code === "import_invalid")) {
    return { status: response.status, body };
  }
  if (response.status === 401) void checkSession();
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  throw new ApiError(code, response.status, typeof error?.message === "string" ? error.message : "");
}

function parsed<T>(schema: v.GenericSchema<unknown, T>, body: unknown): T {
  const r = v.safeParse(schema, body);
  if (!r.success) throw new ApiError("bad_response", 200, "unexpected response");
  return r.output;
}

export interface SecondaryInput {
  indicatorId: string;
  value: number | string;
  source: string;
  note?: string;
}
export interface ProductInput {
  kind: (typeof PRODUCT_KINDS)[number];
  number: string;
  date: string;
  state: (typeof FOLLOW_UP_STATES)[number];
  evidence?: string;
  note?: string;
}

export const locusDataApi = {
  read: async (periodId: string): Promise<LocusData> =>
    parsed(LocusData, await call("GET", period(periodId))),
  saveSecondary: async (periodId: string, pemdaId: string, values: SecondaryInput[]): Promise<void> => {
    await call("PUT", `${period(periodId)}/${encodeURIComponent(pemdaId)}/secondary`, { values });
  },
  saveOversight: async (periodId: string, pemdaId: string, products: ProductInput[]): Promise<void> => {
    await call("PUT", `${period(periodId)}/${encodeURIComponent(pemdaId)}/oversight`, { products });
  },
  clearOversight: async (periodId: string, pemdaId: string): Promise<void> => {
    await call("DELETE", `${period(periodId)}/${encodeURIComponent(pemdaId)}/oversight`);
  },
  /** A dry run or the real import: the report, with problems listed when the file was refused. */
  importFile: async (periodId: string, file: Blob, dryRun: boolean): Promise<LocusImportReport> => {
    const r = await postFile(`${period(periodId)}/import${dryRun ? "?dryRun=true" : ""}`, file);
    if (r.status === 422) {
      const details = (r.body as { error: { details?: unknown } }).error.details;
      return parsed(LocusReport, details);
    }
    return parsed(v.object({ report: LocusReport }), r.body).report;
  },
  exportUrl: (periodId: string, format: "xlsx" | "csv", sheet?: "secondary" | "oversight"): string =>
    `/api/v1${period(periodId)}/export?format=${format}${sheet ? `&sheet=${sheet}` : ""}`,
};

export type WorkbookAnswer =
  | { ok: true; stored: boolean; created: boolean; json: unknown }
  | { ok: false; problems: CellProblem[] };

export const instrumentSheetsApi = {
  templateUrl: "/api/v1/instruments/template.xlsx",
  xlsxUrl: (id: string, version: number): string =>
    `/api/v1/instruments/${encodeURIComponent(id)}/${version}/xlsx`,
  /** Preview (save=false) or store a workbook; a 422 answers every problem with its cell. */
  upload: async (file: Blob, save: boolean): Promise<WorkbookAnswer> => {
    const r = await postFile(`/instruments/xlsx${save ? "?save=true" : ""}`, file);
    if (r.status === 422) {
      const details = (r.body as { error: { details?: unknown } }).error.details;
      return { ok: false, ...parsed(v.object({ problems: v.array(CellProblem) }), details) };
    }
    const body = parsed(
      v.object({ stored: v.boolean(), created: v.optional(v.boolean()), json: v.unknown() }),
      r.body,
    );
    return { ok: true, stored: body.stored, created: body.created ?? false, json: body.json };
  },
};
