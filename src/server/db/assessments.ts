/**
 * Queries of assessments and assessment_history.
 *
 * Owns: the authoritative AssessmentState of every assessment (jsonb `state`, with status,
 * revision and the scoping columns denormalised for listing and authorisation) and its audit trail.
 * Invariants: state, history rows, evidence references and (by trigger) the change-log row are
 * written in ONE statement (saveAssessment, or assessmentWriteCtes inside a push's statement);
 * `revision` in the column always equals `state.revision`; history is append-only, one row set per
 * applied change. Any module that changes an assessment (sync push, review) goes through these two,
 * so nothing changes without a trace and without moving the pull cursor.
 */
import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import { changedDeltaKeys } from "../../domain/sync/delta";
import type { AssessmentState } from "../../domain/sync/protocol";
import { diffStates } from "../sync/history-diff";
import type { AssignmentScopeRow } from "./sync-scope";

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

/** The assessments a push transaction touches, row-locked, and the scopes of their assignments. */
export interface PushTargets {
  /** By assessment id: the ones that exist. */
  assessments: Map<string, AssessmentRow>;
  /** By assignment id: those of the existing assessments and of the creates' assignments. */
  scopes: Map<string, AssignmentScopeRow>;
}

/**
 * Locks and loads the assessments `assessmentIds` (in id order, so two transactions that lock
 * overlapping sets cannot deadlock) and the authorisation scope (team, office, period status and
 * instrument version) of their assignments and of `createAssignmentIds`, in one round trip. The
 * periods are share-locked: closing a period and a push on it serialise.
 */
export async function lockPushTargets(
  db: QueryExecutorProvider,
  assessmentIds: readonly string[],
  createAssignmentIds: readonly string[],
): Promise<PushTargets> {
  const r = await sql<{ assessments: LockedJson[]; scopes: ScopeJson[] }>`
    with x as (select id, state, office_id, assignment_id from assessments where id = any(${[...assessmentIds]}::uuid[])
               order by id for update),
         -- The periods are share-locked and their status read from the lock, so a period closing at
         -- the same time either waits for this push or is seen closed by it: no edit slips past it.
         pl as (select id, office_id, status, instrument_id, instrument_version from periods
                where id in (select period_id from assignments
                             where id = any(${[...createAssignmentIds]}::uuid[]) or id in (select assignment_id from x))
                for share)
    select
      (select coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'state', x.state, 'officeId', x.office_id)), '[]')
       from x) as assessments,
      (select coalesce(jsonb_agg(jsonb_build_object(
         'id', a.id, 'periodId', a.period_id, 'unitId', a.unit_id, 'pemdaId', u.pemda_id,
         'plannedDate', a.planned_date::text,
         'team', coalesce(array(select m.user_id::text from assignment_members m where m.assignment_id = a.id
                                order by m.user_id), '{}'),
         'officeId', p.office_id, 'status', p.status, 'instrumentId', p.instrument_id,
         'instrumentVersion', p.instrument_version)), '[]')
       from assignments a join pl p on p.id = a.period_id join units u on u.id = a.unit_id
       where a.id = any(${[...createAssignmentIds]}::uuid[]) or a.id in (select assignment_id from x)) as scopes`.execute(
    db,
  );
  const row = r.rows[0];
  const assessments = new Map<string, AssessmentRow>();
  const scopes = new Map<string, AssignmentScopeRow>();
  for (const a of row?.assessments ?? []) assessments.set(a.id, { state: a.state, officeId: a.officeId });
  for (const s of row?.scopes ?? []) {
    scopes.set(s.id, {
      assignment: {
        id: s.id,
        periodId: s.periodId,
        unitId: s.unitId,
        pemdaId: s.pemdaId,
        team: s.team,
        plannedDate: s.plannedDate,
      },
      officeId: s.officeId,
      team: s.team,
      periodStatus: s.status,
      instrumentId: s.instrumentId,
      instrumentVersion: s.instrumentVersion,
    });
  }
  return { assessments, scopes };
}

interface LockedJson {
  id: string;
  state: AssessmentState;
  officeId: string;
}

interface ScopeJson {
  id: string;
  periodId: string;
  unitId: string;
  pemdaId: string;
  plannedDate: string | null;
  team: string[];
  officeId: string;
  status: string;
  instrumentId: string;
  instrumentVersion: number;
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

/** One applied change of an assessment: the state after it and who made it. */
export interface AssessmentStep {
  state: AssessmentState;
  meta: ChangeMeta;
}

/**
 * The common table expressions that write an assessment after `steps` (in order, each applied to
 * the previous one, the first to `previous`; insert when `previous` is undefined): ONE row write of
 * the last state (so one change-log row), one history row set per step (each step's diff against the
 * state before it: every overwritten value stays in history, per revision), and the evidence
 * references of the last state. Everything but the row write is conditioned on it, so a lost create
 * race writes nothing. The caller runs them in one statement; `aw<suffix>` returns the id when
 * written (several assessments in one statement take distinct suffixes).
 * `guard` is a condition the row write also needs (a push's claim: referencing it makes the claim's
 * row lock come first, whatever order PostgreSQL runs the expressions in).
 */
export function assessmentWriteCtes(
  previous: AssessmentState | undefined,
  steps: readonly AssessmentStep[],
  officeId: string,
  guard: RawBuilder<unknown> = sql`true`,
  suffix = "",
): RawBuilder<unknown>[] {
  const aw = sql.raw(`aw${suffix}`);
  const last = steps[steps.length - 1];
  if (last === undefined) throw new Error("assessmentWriteCtes needs at least one step");
  const next = last.state;
  const json = JSON.stringify(next);
  // Migration 010: which device made this write (null: online, e.g. review), for echo-free pulls.
  const writtenBy = last.meta.clientId;
  const history: HistoryJson[] = [];
  // Incremental pull (migration 005): the revision that last changed each delta key.
  const deltaKeys: Record<string, number> = {};
  let before = previous;
  for (const step of steps) {
    pushHistory(history, step.state, diffStates(before, step.state), step.meta);
    if (previous !== undefined) {
      for (const k of changedDeltaKeys(before, step.state)) deltaKeys[k] = step.state.revision;
    }
    before = step.state;
  }
  const write =
    previous === undefined
      ? // No device can hold a revision before the inserted one: tracking starts there.
        sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision, state,
                                     created_by, updated_at, delta_keys, delta_since, written_by)
            select ${next.id}::uuid, ${next.assignmentId}::uuid, ${next.periodId}::uuid, ${next.unitId}::uuid,
                   ${next.pemdaId}::uuid, ${officeId}::text, ${next.status}::text, ${next.revision}::integer,
                   ${json}::jsonb, ${next.createdBy}::uuid, ${next.updatedAt}::timestamptz, '{}'::jsonb,
                   ${next.revision}::integer, ${writtenBy}::uuid
            where ${guard}
            on conflict (id) do nothing returning id`
      : // On the right of SET, `revision` is the row's old value: tracking of an older row starts there.
        sql`update assessments set status = ${next.status}, revision = ${next.revision}, state = ${json}::jsonb,
              updated_at = ${next.updatedAt}, delta_keys = coalesce(delta_keys, '{}'::jsonb) || ${JSON.stringify(deltaKeys)}::jsonb,
              delta_since = coalesce(delta_since, revision), written_by = ${writtenBy}::uuid
            where id = ${next.id} and ${guard} returning id`;
  // History travels as one jsonb parameter: one bind value whatever the batch size.
  const ctes = [
    sql`${aw} as (${write})`,
    sql`${sql.raw(`ah${suffix}`)} as (insert into assessment_history (assessment_id, revision, user_id, client_id, mutation_id, action, key, old,
                                               new, at)
               select (e->>'a')::uuid, (e->>'r')::integer, (e->>'u')::uuid, (e->>'c')::uuid, (e->>'m')::bigint,
                      e->>'n', e->>'k', e->'o', e->'v', (e->>'t')::timestamptz
               from jsonb_array_elements(${JSON.stringify(history)}::jsonb) with ordinality as x(e, i)
               where exists (select 1 from ${aw}) order by i)`,
  ];
  const oldHashes = uniqueSorted((previous?.evidence ?? []).map((e) => e.sha256));
  const newHashes = uniqueSorted(next.evidence.map((e) => e.sha256));
  if (oldHashes.join() !== newHashes.join()) {
    // assessment_evidence mirrors the state's list (see evidence.ts); the two parts touch disjoint rows.
    ctes.push(
      sql`${sql.raw(`aed${suffix}`)} as (delete from assessment_evidence where assessment_id = ${next.id}
                  and not (sha256 = any(${newHashes}::text[])) and exists (select 1 from ${aw}))`,
      sql`${sql.raw(`aei${suffix}`)} as (insert into assessment_evidence (assessment_id, sha256)
                  select ${next.id}::uuid, h from unnest(${newHashes}::text[]) as h where exists (select 1 from ${aw})
                  on conflict do nothing)`,
    );
  }
  return ctes;
}

/**
 * Writes `next` (insert when `previous` is undefined) with its history and evidence references, in
 * one statement. Returns false when an insert lost a race against a concurrent create of the same id.
 */
export async function saveAssessment(
  db: QueryExecutorProvider,
  previous: AssessmentState | undefined,
  next: AssessmentState,
  officeId: string,
  meta: ChangeMeta,
): Promise<boolean> {
  const ctes = assessmentWriteCtes(previous, [{ state: next, meta }], officeId);
  const r = await sql<{ id: string }>`with ${sql.join(ctes)} select id from aw`.execute(db);
  return r.rows.length > 0;
}

interface HistoryJson {
  a: string;
  r: number;
  u: string;
  c: string | null;
  m: number | null;
  n: string;
  k: string;
  o: unknown;
  v: unknown;
  t: string;
}

function pushHistory(
  out: HistoryJson[],
  state: AssessmentState,
  entries: readonly { key: string; old: unknown; new: unknown }[],
  meta: ChangeMeta,
): void {
  // A change with no visible effect (e.g. the same value again) still leaves one audit row.
  const list = entries.length > 0 ? entries : [{ key: "noop", old: null, new: null }];
  for (const e of list) {
    out.push({
      a: state.id,
      r: state.revision,
      u: meta.userId,
      c: meta.clientId,
      m: meta.mutationId,
      n: meta.action,
      k: e.key,
      o: e.old ?? null,
      v: e.new ?? null,
      t: meta.at,
    });
  }
}

function uniqueSorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
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
