/**
 * The audit hook: one middleware under /api that, after a request has been answered (errors
 * included — Hono renders them before this resumes), writes one audit row when the request was a
 * security-relevant action (AUDITED_ROUTES). Routes say only what the hook cannot see for itself
 * (a login's account, a review's decision, the id of what was created) with `noteAudit`.
 * Invariants: the table of audited routes lives here, in one place; a 401 without a session on a
 * non-login route writes nothing (anyone could flood the table); non-success rows are limited per
 * client address (NON_SUCCESS_PER_MINUTE), success rows never are; a failure to write the row is
 * logged and never changes the answer the client already has.
 */
import type { Context, MiddlewareHandler } from "hono";
import { type QueryExecutorProvider, sql } from "kysely";
import type { PublicUser } from "../db/queries/users";
import { clientAddress } from "../http/client-address";
import type { AppDeps, AppEnv } from "../http/context";
import { type AuditDetailValue, type AuditOutcome, writeAudit } from "./audit-log";

/** What a route adds to its audit row. Later calls merge into earlier ones. */
export interface AuditNote {
  action?: string;
  actor?: { id: string | null; username: string; officeId: string | null };
  targetKind?: string;
  targetId?: string;
  targetOfficeId?: string;
  outcome?: AuditOutcome;
  detail?: Record<string, AuditDetailValue>;
}

export function noteAudit(c: Context<AppEnv>, note: AuditNote): void {
  const prev = c.get("audit");
  c.set("audit", {
    ...prev,
    ...note,
    detail: { ...(prev?.detail ?? {}), ...(note.detail ?? {}) },
  });
}

type TargetKind =
  | "user"
  | "office"
  | "period"
  | "assessment"
  | "round"
  | "instrument"
  | "scheme"
  | "assignment";
interface Rule {
  method: string;
  path: RegExp;
  action: string;
  /** Where the target id is: a path group (1-based) or a query parameter. */
  target?: { kind: TargetKind; group?: number; query?: string };
  /** Query parameters copied into detail. */
  query?: readonly string[];
}

const UUID = "[0-9a-fA-F-]{36}";
const SLUG = "[a-z0-9][a-z0-9-]{1,39}";

/** Every audited route: method, path under /api/v1, action name, target. */
export const AUDITED_ROUTES: readonly Rule[] = [
  { method: "POST", path: /^\/session$/, action: "login" },
  { method: "DELETE", path: /^\/session$/, action: "logout" },
  { method: "POST", path: /^\/session\/second-factor$/, action: "login.second_factor" },
  { method: "POST", path: /^\/account\/second-factor\/enrolment$/, action: "second_factor.enrol_start" },
  { method: "POST", path: /^\/account\/second-factor\/confirm$/, action: "second_factor.enable" },
  { method: "POST", path: /^\/account\/second-factor\/disable$/, action: "second_factor.disable" },
  {
    method: "DELETE",
    path: new RegExp(`^/users/(${UUID})/second-factor$`),
    action: "second_factor.reset",
    target: { kind: "user", group: 1 },
  },
  { method: "POST", path: /^\/users$/, action: "user.create" },
  {
    method: "PATCH",
    path: new RegExp(`^/users/(${UUID})$`),
    action: "user.update",
    target: { kind: "user", group: 1 },
  },
  {
    method: "POST",
    path: new RegExp(`^/users/(${UUID})/password$`),
    action: "user.password_reset",
    target: { kind: "user", group: 1 },
  },
  { method: "POST", path: /^\/offices$/, action: "office.create" },
  {
    method: "PATCH",
    path: new RegExp(`^/offices/(${SLUG})$`),
    action: "office.update",
    target: { kind: "office", group: 1 },
  },
  { method: "PUT", path: /^\/admin\/central-office$/, action: "office.central" },
  { method: "POST", path: /^\/instruments$/, action: "instrument.publish" },
  { method: "POST", path: /^\/banding-schemes$/, action: "scheme.create" },
  { method: "POST", path: /^\/periods$/, action: "period.create" },
  {
    method: "PATCH",
    path: new RegExp(`^/periods/(${UUID})$`),
    action: "period.update",
    target: { kind: "period", group: 1 },
  },
  {
    method: "POST",
    path: new RegExp(`^/assessments/(${UUID})/review$`),
    action: "assessment.review",
    target: { kind: "assessment", group: 1 },
  },
  {
    method: "POST",
    path: new RegExp(`^/offices/(${SLUG})/master-data/([a-z]+)/import$`),
    action: "masterdata.import",
    target: { kind: "office", group: 1 },
    query: ["dryRun"],
  },
  {
    method: "GET",
    path: new RegExp(`^/offices/(${SLUG})/master-data/([a-z]+)/export$`),
    action: "masterdata.export",
    target: { kind: "office", group: 1 },
    query: ["format"],
  },
  {
    method: "POST",
    path: /^\/admin\/history\/import$/,
    action: "history.import",
    query: ["officeId", "dryRun"],
  },
  { method: "GET", path: /^\/admin\/history\/export$/, action: "history.export", query: ["officeId"] },
  { method: "POST", path: /^\/rounds$/, action: "round.create" },
  {
    method: "PATCH",
    path: new RegExp(`^/rounds/(${UUID})$`),
    action: "round.update",
    target: { kind: "round", group: 1 },
  },
  {
    method: "POST",
    path: new RegExp(`^/rounds/(${UUID})/offices$`),
    action: "round.join",
    target: { kind: "round", group: 1 },
  },
  {
    method: "POST",
    path: new RegExp(`^/rounds/(${UUID})/publish$`),
    action: "round.publish",
    target: { kind: "round", group: 1 },
  },
  {
    method: "GET",
    path: new RegExp(`^/rounds/(${UUID})/results\\.xlsx$`),
    action: "export.national",
    target: { kind: "round", group: 1 },
  },
  {
    method: "GET",
    path: /^\/exports\/(results\.csv|results\.xlsx|report\.csv|report\.xlsx)$/,
    action: "export.results",
    target: { kind: "period", query: "periodId" },
    query: ["table", "separator"],
  },
  {
    method: "GET",
    path: /^\/exports\/evidence\.zip$/,
    action: "export.evidence_zip",
    target: { kind: "assessment", query: "assessmentId" },
  },
  {
    method: "POST",
    path: new RegExp(`^/planning/periods/(${UUID})/pemda/(${UUID})/sample$`),
    action: "planning.sample_draw",
    target: { kind: "period", group: 1 },
  },
  {
    method: "PUT",
    path: new RegExp(`^/planning/periods/(${UUID})/pemda/(${UUID})/sample$`),
    action: "planning.sample_edit",
    target: { kind: "period", group: 1 },
  },
  {
    method: "PUT",
    path: new RegExp(`^/planning/periods/(${UUID})/units/(${UUID})/assignment$`),
    action: "planning.assign",
    target: { kind: "period", group: 1 },
  },
  {
    method: "DELETE",
    path: new RegExp(`^/planning/assignments/(${UUID})$`),
    action: "planning.unassign",
    target: { kind: "assignment", group: 1 },
  },
  {
    method: "DELETE",
    path: new RegExp(`^/planning/assignments/(${UUID})/members/(${UUID})$`),
    action: "planning.member_remove",
    target: { kind: "assignment", group: 1 },
  },
];

function findRule(method: string, path: string): { rule: Rule; match: RegExpExecArray } | null {
  for (const rule of AUDITED_ROUTES) {
    if (rule.method !== method) continue;
    const match = rule.path.exec(path);
    if (match) return { rule, match };
  }
  return null;
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return "success";
  if (status === 429) return "throttled";
  if (status === 403 || status === 404) return "refused";
  if (status >= 500) return "error";
  return "failure";
}

/** The office a target belongs to, when that is a plain lookup; null otherwise. */
async function officeOfTarget(db: QueryExecutorProvider, kind: string, id: string): Promise<string | null> {
  const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (kind === "office") return id;
  if (!UUID_RE.test(id)) return null;
  const table =
    kind === "user"
      ? sql`select office_id from users where id = ${id}`
      : kind === "period"
        ? sql`select office_id from periods where id = ${id}`
        : kind === "assessment"
          ? sql`select office_id from assessments where id = ${id}`
          : kind === "assignment"
            ? sql`select p.office_id from assignments a join periods p on p.id = a.period_id where a.id = ${id}`
            : null;
  if (table === null) return null;
  const r = await table.execute(db);
  const row = r.rows[0] as { office_id?: string } | undefined;
  return row?.office_id ?? null;
}

export const NON_SUCCESS_PER_MINUTE = 60;

/** Non-success rows per client address per minute: a refused burst cannot flood the table. */
class FailureBudget {
  private readonly windows = new Map<string, { start: number; count: number }>();
  take(address: string, now: number): boolean {
    const w = this.windows.get(address);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= NON_SUCCESS_PER_MINUTE;
  }
}

export function auditHook(deps: AppDeps, apiBase: string): MiddlewareHandler<AppEnv> {
  const budget = new FailureBudget();
  return async (c, next) => {
    await next();
    const path = c.req.path.startsWith(apiBase) ? c.req.path.slice(apiBase.length) : null;
    if (path === null) return;
    const found = findRule(c.req.method, path);
    if (!found) return;
    const { rule, match } = found;
    const note = c.get("audit");
    const user: PublicUser | undefined = c.get("user");
    const actor =
      note?.actor ?? (user ? { id: user.id, username: user.username, officeId: user.officeId } : null);
    const status = c.res.status;
    // No account known (no session, or a login body that did not parse): nothing to attribute,
    // and anyone could write such rows.
    if (!actor) return;
    const action = note?.action ?? rule.action;
    const outcome = note?.outcome ?? outcomeOf(status);
    const now = deps.clock.now();
    const address = clientAddress(c, deps.config.trustProxy);
    if (outcome !== "success" && !budget.take(address, now.getTime())) return;
    const detail: Record<string, AuditDetailValue> = {};
    for (const q of rule.query ?? []) {
      const value = c.req.query(q);
      if (value !== undefined) detail[q] = value;
    }
    const fromPath = rule.target?.group === undefined ? undefined : match[rule.target.group]?.toLowerCase();
    const fromQuery = rule.target?.query === undefined ? undefined : c.req.query(rule.target.query);
    const targetId = note?.targetId ?? fromPath ?? fromQuery ?? null;
    const targetKind = note?.targetKind ?? (targetId === null ? null : (rule.target?.kind ?? null));
    try {
      const targetOfficeId =
        note?.targetOfficeId ??
        (targetKind && targetId && targetId.length <= 64
          ? await officeOfTarget(deps.db, targetKind, targetId)
          : null);
      await writeAudit(deps.db, {
        at: now,
        actorId: actor?.id ?? null,
        actorUsername: actor?.username ?? null,
        action,
        outcome,
        targetKind,
        targetId,
        officeId: actor?.officeId ?? null,
        targetOfficeId: targetOfficeId === (actor?.officeId ?? null) ? null : targetOfficeId,
        address,
        userAgent: c.req.header("user-agent") ?? null,
        status,
        detail: { ...detail, ...(note?.detail ?? {}) },
      });
    } catch (error) {
      deps.log.error(`audit: could not record ${action} (${outcome})`, error);
    }
  };
}
