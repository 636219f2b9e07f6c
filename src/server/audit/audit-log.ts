/**
 * The ONE writer of the audit log (table audit_log, migration 012): who did what to which thing,
 * when, from where, and how it ended. Every security-relevant action reaches the table through
 * `writeAudit` — routes through the audit hook (audit-hook.ts), background jobs (the evidence
 * sweep) and the CLI directly.
 * Invariants: rows are only ever inserted (the table's trigger refuses UPDATE and DELETE); `detail`
 * is small, flat JSON and never holds a password, token, TOTP code or recovery code — keys that
 * look like one are dropped here as a last net, whatever a caller passes; strings are capped, so a
 * hostile username or user agent cannot bloat a row.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export type AuditOutcome = "success" | "failure" | "refused" | "throttled" | "error";

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  outcome: AuditOutcome;
  targetKind?: string | null;
  targetId?: string | null;
  officeId?: string | null;
  targetOfficeId?: string | null;
  address?: string | null;
  userAgent?: string | null;
  status?: number | null;
  detail?: Record<string, AuditDetailValue>;
}

export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];

const SECRET_KEY = /pass|token|secret|otp|code|recovery|cookie/i;
const MAX_TEXT = 200;
const MAX_KEYS = 20;

function cap(value: string | null | undefined, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** The detail as stored: secret-looking keys dropped, strings and arrays capped, at most 20 keys. */
export function safeDetail(
  detail: Record<string, AuditDetailValue> | undefined,
): Record<string, AuditDetailValue> {
  const out: Record<string, AuditDetailValue> = {};
  if (!detail) return out;
  for (const [key, value] of Object.entries(detail).slice(0, MAX_KEYS)) {
    if (SECRET_KEY.test(key) || value === undefined) continue;
    if (typeof value === "string") out[key] = cap(value);
    else if (Array.isArray(value))
      out[key] = value.slice(0, 20).map((x) => (typeof x === "string" ? (cap(x) ?? "") : x));
    else out[key] = value as AuditDetailValue;
  }
  return out;
}

export async function writeAudit(db: QueryExecutorProvider, e: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (at, actor_id, actor_username, action, outcome, target_kind, target_id,
      office_id, target_office_id, address, user_agent, status, detail)
    values (${e.at}, ${e.actorId}, ${cap(e.actorUsername, 100)}, ${e.action}, ${e.outcome},
      ${e.targetKind ?? null}, ${cap(e.targetId ?? null)}, ${e.officeId ?? null},
      ${e.targetOfficeId ?? null}, ${cap(e.address ?? null, 64)}, ${cap(e.userAgent ?? null, 300)},
      ${e.status ?? null}, ${JSON.stringify(safeDetail(e.detail))}::jsonb)`.execute(db);
}
