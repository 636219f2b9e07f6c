/**
 * Queries of assessments and assessment_history.
 *
 * Owns: the authoritative AssessmentState of every assessment (jsonb `state`, with status,
 * revision and the scoping columns denormalised for listing and authorisation) and its audit trail.
 * Invariants: state, history rows, evidence references and (by trigger) the change-log row are
 * written in ONE transaction by saveAssessment; `revision` in the column always equals
 * `state.revision`; history is append-only. Any module that changes an assessment (sync push,
 * review) goes through saveAssessment, so nothing changes without a trace and without moving the
 * pull cursor.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentState } from "../../domain/sync/protocol";
import { diffStates } from "../sync/history-diff";
import { replaceAssessmentEvidence } from "./evidence";

export interface AssessmentRow {
  state: AssessmentState;
  officeId: string;
}

/** Reads an assessment and locks its row until the end of the transaction. */
export async function loadAssessmentForUpdate(
  db: QueryExecutorProvider,
  id: string,
): Promise<AssessmentRow | undefined> {
  const r = await sql<{ state: AssessmentState; office_id: string }>`
    select state, office_id from assessments where id = ${id} for update`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : { state: row.state, officeId: row.office_id };
}

export async function loadAssessment(
  db: QueryExecutorProvider,
  id: string,
): Promise<AssessmentRow | undefined> {
  const r = await sql<{ state: AssessmentState; office_id: string }>`
    select state, office_id from assessments where id = ${id}`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : { state: row.state, officeId: row.office_id };
}

export interface ChangeMeta {
  userId: string;
  /** Null for changes made online without a device (review). */
  clientId: string | null;
  mutationId: number | null;
  /** Mutation name or e.g. "review.return". */
  action: string;
  /** Device time of the edit (audit only), or server time for online actions. */
  at: string;
}

/**
 * Writes `next` (insert when `previous` is undefined) with its history and evidence references.
 * Returns false when an insert lost a race against a concurrent create of the same id.
 */
export async function saveAssessment(
  db: QueryExecutorProvider,
  previous: AssessmentState | undefined,
  next: AssessmentState,
  officeId: string,
  meta: ChangeMeta,
): Promise<boolean> {
  const json = JSON.stringify(next);
  const history = historyValues(next.id, next.revision, diffStates(previous, next), meta);
  // State and history in one statement (one round trip); history rows only if the write happened.
  const write =
    previous === undefined
      ? sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision, state,
                                     created_by, updated_at)
            values (${next.id}, ${next.assignmentId}, ${next.periodId}, ${next.unitId}, ${next.pemdaId}, ${officeId},
                    ${next.status}, ${next.revision}, ${json}::jsonb, ${next.createdBy}, ${next.updatedAt})
            on conflict (id) do nothing returning id`
      : sql`update assessments set status = ${next.status}, revision = ${next.revision}, state = ${json}::jsonb,
              updated_at = ${next.updatedAt} where id = ${next.id} returning id`;
  const r = await sql<{ id: string }>`with w as (${write}),
      h as (insert into assessment_history (assessment_id, revision, user_id, client_id, mutation_id, action, key, old, new, at)
            select v.* from (values ${sql.join(history)}) as v(assessment_id, revision, user_id, client_id, mutation_id,
                                                              action, key, old, new, at)
            where exists (select 1 from w))
    select id from w`.execute(db);
  if (r.rows.length === 0) return false;
  const oldHashes = (previous?.evidence ?? [])
    .map((e) => e.sha256)
    .sort()
    .join();
  const newHashes = next.evidence.map((e) => e.sha256);
  if (oldHashes !== [...newHashes].sort().join()) await replaceAssessmentEvidence(db, next.id, newHashes);
  return true;
}

function historyValues(
  assessmentId: string,
  revision: number,
  entries: readonly { key: string; old: unknown; new: unknown }[],
  meta: ChangeMeta,
) {
  // A change with no visible effect (e.g. the same value again) still leaves one audit row.
  const list = entries.length > 0 ? entries : [{ key: "noop", old: null, new: null }];
  return list.map(
    (e) =>
      sql`(${assessmentId}::uuid, ${revision}::integer, ${meta.userId}::uuid, ${meta.clientId}::uuid,
           ${meta.mutationId}::bigint, ${meta.action}::text, ${e.key}::text, ${JSON.stringify(e.old ?? null)}::jsonb,
           ${JSON.stringify(e.new ?? null)}::jsonb, ${meta.at}::timestamptz)`,
  );
}

export interface HistoryRow {
  seq: number;
  revision: number;
  userId: string;
  clientId: string | null;
  mutationId: number | null;
  action: string;
  key: string;
  old: unknown;
  new: unknown;
  at: string;
  recordedAt: string;
}

export async function assessmentHistory(
  db: QueryExecutorProvider,
  assessmentId: string,
): Promise<HistoryRow[]> {
  const r = await sql<{
    seq: string;
    revision: number;
    user_id: string;
    client_id: string | null;
    mutation_id: string | null;
    action: string;
    key: string;
    old: unknown;
    new: unknown;
    at: Date;
    recorded_at: Date;
  }>`select seq, revision, user_id, client_id, mutation_id, action, key, old, new, at, recorded_at
     from assessment_history where assessment_id = ${assessmentId} order by seq`.execute(db);
  return r.rows.map((x) => ({
    seq: Number(x.seq),
    revision: x.revision,
    userId: x.user_id,
    clientId: x.client_id,
    mutationId: x.mutation_id === null ? null : Number(x.mutation_id),
    action: x.action,
    key: x.key,
    old: x.old,
    new: x.new,
    at: new Date(x.at).toISOString(),
    recordedAt: new Date(x.recorded_at).toISOString(),
  }));
}
