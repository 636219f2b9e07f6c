// The master-data endpoints (docs/api-admin.md § Master data) for the "Data induk" screen and the
// setup checklist: import (dry run or applied) with upload progress, export links, setup state.
// Every answer is checked with valibot; a 422 import_invalid carries the same report as a 200.
import * as v from "valibot";
import { checkSession } from "../session/session";
import { ApiError, apiRequest } from "./http";

export const ENTITIES = ["loci", "units", "users"] as const;
export type Entity = (typeof ENTITIES)[number];

const Problem = v.object({
  code: v.string(),
  message: v.string(),
  sheet: v.optional(v.string()),
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
const Change = v.object({
  sheet: v.string(),
  row: v.number(),
  key: v.string(),
  action: v.picklist(["create", "update"]),
  fields: v.array(v.string()),
});
const Credential = v.object({
  username: v.string(),
  name: v.string(),
  role: v.string(),
  password: v.string(),
});
const Report = v.object({
  entity: v.picklist(ENTITIES),
  dryRun: v.boolean(),
  applied: v.boolean(),
  format: v.nullable(v.string()),
  sheet: v.nullable(v.string()),
  rows: v.number(),
  created: v.number(),
  changed: v.number(),
  unchanged: v.number(),
  problems: v.array(Problem),
  preview: v.array(Change),
  credentials: v.optional(v.array(Credential)),
  elapsedMs: v.number(),
});
export type ImportReport = v.InferOutput<typeof Report>;
export type ImportProblem = v.InferOutput<typeof Problem>;
export type Credential = v.InferOutput<typeof Credential>;

export const SETUP_STEPS = [
  "office",
  "loci",
  "units",
  "users",
  "instrument",
  "scheme",
  "period",
  "sample",
  "teams",
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
const Setup = v.object({
  officeId: v.string(),
  steps: v.array(v.object({ step: v.picklist(SETUP_STEPS), done: v.boolean(), count: v.number() })),
  next: v.nullable(v.picklist(SETUP_STEPS)),
});
export type SetupState = v.InferOutput<typeof Setup>;

const base = (officeId: string) => `/api/v1/offices/${encodeURIComponent(officeId)}`;

/** Where the browser downloads an entity's export (a plain link: the session cookie goes along). */
export function exportUrl(officeId: string, entity: Entity, format: "csv" | "xlsx"): string {
  return `${base(officeId)}/master-data/${entity}/export?format=${format}`;
}

/**
 * Uploads a file for import through XMLHttpRequest (fetch has no upload progress). Resolves with the
 * report for a 200 or a 422 import_invalid (problems listed, nothing written); rejects with an
 * ApiError otherwise (413 payload_too_large, 403, network…).
 */
export function uploadImport(
  officeId: string,
  entity: Entity,
  file: Blob,
  dryRun: boolean,
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${base(officeId)}/master-data/${entity}/import${dryRun ? "?dryRun=true" : ""}`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.withCredentials = true;
    xhr.timeout = 300_000;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError("network", 0, "upload failed"));
    xhr.ontimeout = () => reject(new ApiError("network", 0, "upload timed out"));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) {
        const parsed = v.safeParse(v.object({ report: Report }), body);
        if (parsed.success) resolve(parsed.output.report);
        else reject(new ApiError("bad_response", 200, "unexpected response"));
        return;
      }
      const error = (body as { error?: { code?: unknown; details?: unknown } } | undefined)?.error;
      if (xhr.status === 422 && error?.code === "import_invalid") {
        const parsed = v.safeParse(Report, error.details);
        if (parsed.success) {
          resolve(parsed.output);
          return;
        }
      }
      if (xhr.status === 401) void checkSession();
      const code = typeof error?.code === "string" ? error.code : `http_${xhr.status}`;
      reject(new ApiError(code, xhr.status, ""));
    };
    xhr.send(file);
  });
}

export const masterDataApi = {
  setup: async (officeId: string): Promise<SetupState> => {
    let body: unknown;
    try {
      body = (await apiRequest("GET", `/offices/${encodeURIComponent(officeId)}/setup`)).body;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) void checkSession();
      throw error;
    }
    const parsed = v.safeParse(v.object({ setup: Setup }), body);
    if (!parsed.success) throw new ApiError("bad_response", 200, "unexpected response");
    return parsed.output.setup;
  },
};

/** The one-time passwords as a CSV (UTF-8 with BOM for Excel), built in the browser, never logged. */
export function credentialsCsv(credentials: readonly Credential[]): string {
  const cell = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["username,nama,peran,kata_sandi_sementara"];
  for (const c of credentials) lines.push([c.username, c.name, c.role, c.password].map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
