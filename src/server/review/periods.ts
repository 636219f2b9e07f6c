/**
 * GET /periods and /periods/{id}: the periods a user may see, as the sync protocol's Period.
 * Owns no table. Visibility follows sync: admin → every period; supervisor → their office's;
 * assessor → the periods of assignments whose team includes them. A period not visible is 404.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { Period } from "../../domain/sync/protocol";
import type { PublicUser } from "../db/queries/users";
import { type PeriodRow, toPeriod } from "../db/sync-entities";
import { problem } from "../http/problems";

function visibleTo(user: PublicUser) {
  if (user.role === "admin") return sql`true`;
  if (user.role === "supervisor") return sql`p.office_id = ${user.officeId}`;
  return sql`exists (select 1 from assignments a join assignment_members m on m.assignment_id = a.id
                     where a.period_id = p.id and m.user_id = ${user.id})`;
}

/** Newest year first, open before closed, then by name: the UI preselects the first one. */
export async function listVisiblePeriods(db: QueryExecutorProvider, user: PublicUser): Promise<Period[]> {
  const r =
    await sql<PeriodRow>`select p.id, p.office_id, p.name, p.year, p.instrument_id, p.instrument_version,
       p.scheme_id, p.status
     from periods p where ${visibleTo(user)}
     order by p.year desc, (p.status = 'open') desc, p.name, p.id`.execute(db);
  return r.rows.map(toPeriod);
}

/** One visible period, or 404 not_found. */
export async function visiblePeriod(
  db: QueryExecutorProvider,
  user: PublicUser,
  id: string,
): Promise<Period> {
  const r =
    await sql<PeriodRow>`select p.id, p.office_id, p.name, p.year, p.instrument_id, p.instrument_version,
       p.scheme_id, p.status
     from periods p where p.id = ${id} and ${visibleTo(user)}`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw problem("not_found");
  return toPeriod(row);
}
