// The admin endpoints (docs/api-admin.md) for the admin screens. Every answer is checked with
// valibot before a screen sees it; a 401 re-checks the session so an ended session logs out at once.
import * as v from "valibot";
import { checkSession } from "../session/session";
import { ApiError, apiRequest } from "./http";

const LocalText = v.object({ id: v.string(), en: v.optional(v.string()) });
const Role = v.picklist(["assessor", "supervisor", "admin"]);

const Office = v.object({
  id: v.string(),
  name: v.string(),
  userCount: v.number(),
  activeUserCount: v.number(),
});
const AdminUser = v.object({
  id: v.string(),
  username: v.string(),
  name: v.string(),
  role: Role,
  officeId: v.string(),
  active: v.boolean(),
  createdAt: v.string(),
  // Whether the account has a confirmed second factor (issue #16; absent from older servers).
  secondFactor: v.optional(v.boolean()),
});
const InstrumentSummary = v.object({
  id: v.string(),
  version: v.number(),
  title: LocalText,
  inUse: v.boolean(),
  createdAt: v.string(),
});
const Band = v.object({
  category: v.string(),
  min: v.number(),
  label: LocalText,
  // Absent in schemes without colour zones (opini-2025, methodology §7).
  zone: v.optional(v.object({ label: LocalText, colour: v.string() })),
});
const Scheme = v.object({
  id: v.string(),
  name: LocalText,
  bands: v.array(Band),
  builtin: v.boolean(),
  inUse: v.boolean(),
});
const Period = v.object({
  id: v.string(),
  officeId: v.string(),
  officeName: v.string(),
  year: v.number(),
  name: v.string(),
  instrumentId: v.string(),
  instrumentVersion: v.number(),
  schemeId: v.string(),
  status: v.picklist(["open", "closed"]),
  assignmentCount: v.number(),
  assessmentCount: v.number(),
});

export type Office = v.InferOutput<typeof Office>;
export type AdminUser = v.InferOutput<typeof AdminUser>;
export type InstrumentSummary = v.InferOutput<typeof InstrumentSummary>;
export type Scheme = v.InferOutput<typeof Scheme>;
export type Period = v.InferOutput<typeof Period>;
export type Role = v.InferOutput<typeof Role>;

/** A {path, message} problem the server found (validation of a file, or of a form field). */
export interface Issue {
  path: string;
  message: string;
}

/** Details of an error answer: the field path and the parser's issues, when the server sent them. */
export class AdminApiError extends ApiError {
  constructor(
    base: ApiError,
    readonly path: string | undefined,
    readonly issues: Issue[],
  ) {
    super(base.code, base.status, base.message);
    this.name = "AdminApiError";
  }
}

const ErrorDetails = v.object({
  error: v.object({
    details: v.optional(
      v.object({
        path: v.optional(v.string()),
        issues: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
      }),
    ),
  }),
});

async function send<S extends v.GenericSchema>(
  schema: S,
  method: string,
  path: string,
  json?: unknown,
): Promise<v.InferOutput<S>> {
  let body: unknown;
  try {
    body = (await apiRequest(method, path, json)).body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) void checkSession();
    throw error;
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new ApiError("bad_response", 200, "unexpected response");
  return parsed.output;
}

/** Like send, but error answers keep their details (path, issues) for the form that sent them. */
export async function sendForm<S extends v.GenericSchema>(
  schema: S,
  method: string,
  path: string,
  json: unknown,
): Promise<v.InferOutput<S>> {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      body: typeof json === "string" ? json : JSON.stringify(json),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new ApiError("network", 0, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) {
    const parsed = v.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiError("bad_response", response.status, "unexpected response");
    return parsed.output;
  }
  if (response.status === 401) void checkSession();
  const body: unknown = await response.json().catch(() => undefined);
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const base = new ApiError(typeof code === "string" ? code : `http_${response.status}`, response.status, "");
  const details = v.safeParse(ErrorDetails, body);
  const d = details.success ? details.output.error.details : undefined;
  throw new AdminApiError(base, d?.path, d?.issues ?? []);
}

export const adminApi = {
  offices: () => send(v.object({ offices: v.array(Office) }), "GET", "/offices").then((b) => b.offices),
  createOffice: (input: { id: string; name: string }) =>
    sendForm(v.object({ office: Office }), "POST", "/offices", input).then((b) => b.office),
  renameOffice: (id: string, name: string) =>
    sendForm(v.object({ office: Office }), "PATCH", `/offices/${encodeURIComponent(id)}`, { name }).then(
      (b) => b.office,
    ),

  users: () => send(v.object({ users: v.array(AdminUser) }), "GET", "/users").then((b) => b.users),
  createUser: (input: { username: string; name: string; role: Role; officeId: string; password: string }) =>
    sendForm(v.object({ user: AdminUser }), "POST", "/users", input).then((b) => b.user),
  updateUser: (id: string, patch: { name?: string; role?: Role; officeId?: string; active?: boolean }) =>
    sendForm(v.object({ user: AdminUser }), "PATCH", `/users/${encodeURIComponent(id)}`, patch).then(
      (b) => b.user,
    ),
  resetPassword: (id: string, password: string) =>
    sendForm(v.object({ sessionsEnded: v.number() }), "POST", `/users/${encodeURIComponent(id)}/password`, {
      password,
    }),

  /** An admin's reset of a user's second factor (204; absent factor is not an error). */
  resetSecondFactor: (id: string) =>
    send(v.undefined(), "DELETE", `/users/${encodeURIComponent(id)}/second-factor`),

  instruments: () =>
    send(v.object({ instruments: v.array(InstrumentSummary) }), "GET", "/instruments").then(
      (b) => b.instruments,
    ),
  /** One stored version with its JSON as uploaded (`definition`), for the admin's preview. */
  instrument: (id: string, version: number) =>
    send(
      v.object({ ...InstrumentSummary.entries, definition: v.unknown() }),
      "GET",
      `/instruments/${encodeURIComponent(id)}/${version}`,
    ),
  /** `text` is the file's text as read: the server parses and validates it. */
  uploadInstrument: (text: string) =>
    sendForm(v.object({ created: v.boolean(), instrument: InstrumentSummary }), "POST", "/instruments", text),
  deleteInstrument: (id: string, version: number) =>
    send(v.undefined(), "DELETE", `/instruments/${encodeURIComponent(id)}/${version}`),

  schemes: () =>
    send(v.object({ schemes: v.array(Scheme) }), "GET", "/banding-schemes").then((b) => b.schemes),
  saveScheme: (text: string) =>
    sendForm(v.object({ created: v.boolean(), scheme: Scheme }), "POST", "/banding-schemes", text),

  periods: () => send(v.object({ periods: v.array(Period) }), "GET", "/admin/periods").then((b) => b.periods),
  createPeriod: (input: {
    officeId: string;
    year: number;
    name: string;
    instrumentId: string;
    instrumentVersion: number;
    schemeId: string;
  }) => sendForm(v.object({ period: Period }), "POST", "/periods", input).then((b) => b.period),
  updatePeriod: (
    id: string,
    patch: {
      name?: string;
      status?: "open" | "closed";
      instrumentId?: string;
      instrumentVersion?: number;
      schemeId?: string;
    },
  ) =>
    sendForm(v.object({ period: Period }), "PATCH", `/periods/${encodeURIComponent(id)}`, patch).then(
      (b) => b.period,
    ),
};
