/**
 * Reading the audit log for admins: filters (time range, user, action, outcome), keyset
 * pagination (newest first, `before` = the last id seen) and the office scope.
 * Invariant: an office admin reads only rows whose actor's office OR target's office is their own;
 * the admin of the central office (offices.is_central) reads every row, including failed logins
 * of unknown usernames (which belong to no office). Read-only: nothing here writes.
 */
import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import type { PublicUser } from "../db/queries/users";
import { isCentralUser } from "../rounds/central";

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  outcome: string;
  targetKind: string | null;
  targetId: string | null;
  officeId: string | null;
  targetOfficeId: string | null;
  address: string | null;
  userAgent: string | null;
  status: number | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  /** Username, case-insensitive exact. */
  username?: string;
  /** "login" matches login and login.*; "user.update" matches itself. */
  action?: string;
  outcome?: string;
  officeId?: string;
  /** Rows with a smaller id than this (the previous page's `next`). */
  before?: string;
}

/** Whose rows the reader may see: every row, or the rows touching one office. */
export type AuditScope = { all: true } | { all: false; officeId: string };

export async function auditScopeOf(db: QueryExecutorProvider, user: PublicUser): Promise<AuditScope> {
  return (await isCentralUser(db, user)) ? { all: true } : { all: false, officeId: user.officeId };
}

interface DbRow {
  id: string;
  at: Date | string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  outcome: string;
  target_kind: string | null;
  target_id: string | null;
  office_id: string | null;
  target_office_id: string | null;
  address: string | null;
  user_agent: string | null;
  status: number | null;
  detail: Record<string, unknown> | string;
}

function toRow(r: DbRow): AuditRow {
  return {
    id: String(r.id),
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    action: r.action,
    outcome: r.outcome,
    targetKind: r.target_kind,
    targetId: r.target_id,
    officeId: r.office_id,
    targetOfficeId: r.target_office_id,
    address: r.address,
    userAgent: r.user_agent,
    status: r.status,
    detail: typeof r.detail === "string" ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  };
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}.%`;
}

function whereOf(scope: AuditScope, f: AuditFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (!scope.all) parts.push(sql`(office_id = ${scope.officeId} or target_office_id = ${scope.officeId})`);
  if (f.officeId !== undefined)
    parts.push(sql`(office_id = ${f.officeId} or target_office_id = ${f.officeId})`);
  if (f.from) parts.push(sql`at >= ${f.from}`);
  if (f.to) parts.push(sql`at < ${f.to}`);
  if (f.username !== undefined) parts.push(sql`lower(actor_username) = lower(${f.username})`);
  if (f.action !== undefined) parts.push(sql`(action = ${f.action} or action like ${likePrefix(f.action)})`);
  if (f.outcome !== undefined) parts.push(sql`outcome = ${f.outcome}`);
  if (f.before !== undefined) parts.push(sql`id < ${f.before}::bigint`);
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql.raw(
  "id, at, actor_id, actor_username, action, outcome, target_kind, target_id, office_id, target_office_id, address, user_agent, status, detail",
);

/** One page, newest first; `next` is the `before` of the following page, null at the end. */
export async function listAudit(
  db: QueryExecutorProvider,
  scope: AuditScope,
  filter: AuditFilter,
  limit: number,
): Promise<{ entries: AuditRow[]; next: string | null }> {
  const r = await sql<DbRow>`select ${COLUMNS} from audit_log where ${whereOf(scope, filter)}
    order by id desc limit ${limit + 1}`.execute(db);
  const rows = r.rows.slice(0, limit).map(toRow);
  return { entries: rows, next: r.rows.length > limit ? (rows.at(-1)?.id ?? null) : null };
}

/** Every matching row, newest first, in pages of 1000 (for the CSV export). */
export async function* allAudit(
  db: QueryExecutorProvider,
  scope: AuditScope,
  filter: AuditFilter,
): AsyncGenerator<AuditRow> {
  let before = filter.before;
  for (;;) {
    const page = await listAudit(db, scope, { ...filter, ...(before === undefined ? {} : { before }) }, 1000);
    yield* page.entries;
    if (page.next === null) return;
    before = page.next;
  }
}

export async function findAudit(
  db: QueryExecutorProvider,
  scope: AuditScope,
  id: string,
): Promise<AuditRow | null> {
  const r =
    await sql<DbRow>`select ${COLUMNS} from audit_log where ${whereOf(scope, {})} and id = ${id}::bigint`.execute(
      db,
    );
  const row = r.rows[0];
  return row ? toRow(row) : null;
}

/** The account a session token belongs to (for the logout row), or null. */
export async function sessionOwner(
  db: QueryExecutorProvider,
  sessionId: string,
): Promise<{ id: string; username: string; officeId: string } | null> {
  const r = await sql<{ id: string; username: string; office_id: string }>`
    select u.id, u.username, u.office_id from sessions s join users u on u.id = s.user_id where s.id = ${sessionId}`.execute(
    db,
  );
  const row = r.rows[0];
  return row ? { id: row.id, username: row.username, officeId: row.office_id } : null;
}
