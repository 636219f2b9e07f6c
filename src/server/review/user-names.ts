/**
 * The people an assessment mentions (history authors, reviewers, conflict authors, visit team,
 * creator), by id → {name, username}, so review screens show names, not ids. Owns no table.
 * A user who can see the assessment may see who worked on it; nothing else about them is sent.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentState } from "../../domain/sync/protocol";

export interface UserName {
  id: string;
  name: string;
  username: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function mentionedUserIds(state: AssessmentState, history: readonly { userId: string }[]): string[] {
  const ids = new Set<string>([state.createdBy]);
  for (const h of history) ids.add(h.userId);
  for (const c of state.reviewComments) ids.add(c.by);
  for (const c of state.conflicts) for (const v of c.values) ids.add(v.by);
  for (const id of state.visit.team ?? []) ids.add(id);
  for (const a of Object.values(state.authors?.answers ?? {})) ids.add(a.by);
  for (const a of Object.values(state.authors?.notes ?? {})) ids.add(a.by);
  return [...ids].filter((id) => typeof id === "string" && UUID.test(id)).sort();
}

/** Names of the given users, ordered by id; unknown ids are simply absent. */
export async function userNames(db: QueryExecutorProvider, ids: readonly string[]): Promise<UserName[]> {
  if (ids.length === 0) return [];
  const r = await sql<UserName>`select id, name, username from users where id = any(${[...ids]}::uuid[])
     order by id`.execute(db);
  return r.rows;
}

/** The names a review screen titles an assessment with (unit, pemda, period). */
export async function assessmentContext(
  db: QueryExecutorProvider,
  state: Pick<AssessmentState, "unitId" | "pemdaId" | "periodId">,
): Promise<{ unitName: string | null; pemdaName: string | null; periodName: string | null }> {
  const r = await sql<{ unit_name: string | null; pemda_name: string | null; period_name: string | null }>`
    select (select name from units where id = ${state.unitId}) as unit_name,
           (select name from pemda where id = ${state.pemdaId}) as pemda_name,
           (select name from periods where id = ${state.periodId}) as period_name`.execute(db);
  const x = r.rows[0];
  return {
    unitName: x?.unit_name ?? null,
    pemdaName: x?.pemda_name ?? null,
    periodName: x?.period_name ?? null,
  };
}
