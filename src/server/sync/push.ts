/**
 * Push: applies a device's numbered mutations (protocol.md "Push").
 *
 * Owns: the order of checks for one mutation and the mutation-log bookkeeping around the pure
 * reducer.
 * Invariants: consecutive mutations of one push on the same assessment form a group, processed in
 * ONE transaction: lock and load the assessment once, run each mutation through the reducer on the
 * in-memory state (a rejected one leaves that state as it was, so nothing of it is applied), then
 * one statement writes the last state, one history row set per applied mutation, the evidence
 * references, the stored rejections and the raise of lastMutationId from first - 1 to last. So each
 * mutation's effect or rejection commits together with the raise, never one without the other.
 * Concurrent copies of a push: the raise only matches if nobody raised past first - 1; if it does
 * not match (or a create lost its race), the transaction rolls back and the group is judged again
 * from the new lastMutationId, where those ids are duplicates. Each id is thus processed exactly
 * once. A gap stops the batch; the groups before it stay committed, and the 409 says how far the
 * server got. Lock order is always assessment row, then client row (a create has no row to lock:
 * its insert waits for the claim, see assessmentWriteCtes' guard), and a transaction touches one
 * assessment, so pushes cannot deadlock.
 */
import { type Kysely, type QueryExecutorProvider, sql } from "kysely";
import { applyMutation } from "../../domain/sync/apply";
import type { AssessmentState, Mutation, ProtocolError, PushResult } from "../../domain/sync/protocol";
import { type AssessmentStep, assessmentWriteCtes } from "../db/assessments";
import { missingEvidence } from "../db/evidence";
import { bindClient, claimRangeCtes, findClient, type StoredRejection } from "../db/mutation-clients";
import { type AssignmentScopeRow, loadMutationTarget } from "../db/sync-scope";
import type { InstrumentCache } from "./instrument-cache";
import { canSeeAssignment, type SyncUser } from "./permissions";

export type PushOutcome =
  | { kind: "ok"; lastMutationId: number; results: PushResult[] }
  | { kind: "gap"; lastMutationId: number; results: PushResult[] }
  | { kind: "client_mismatch" };

export interface PushDeps {
  instruments: InstrumentCache;
  now?: () => Date;
}

/** Bounds one transaction's work (and its lock hold) whatever the batch size. */
const MAX_GROUP = 500;
/** Each retry follows another writer's commit; more than this in a row is a bug, not contention. */
const MAX_RETRIES = 50;

type Verdict = { ok: true; state: AssessmentState } | ({ ok: false } & ProtocolError);
type GroupOutcome = { kind: "done"; results: PushResult[] } | { kind: "stale" };

export async function pushMutations<DB>(
  db: Kysely<DB>,
  user: SyncUser,
  clientId: string,
  mutations: readonly Mutation[],
  deps: PushDeps,
): Promise<PushOutcome> {
  // One pooled connection for the whole push: no pool round trip per group.
  return db.connection().execute(async (conn) => {
    const owner = await bindClient(conn, clientId, user.id);
    if (owner.userId !== user.id) return { kind: "client_mismatch" } as const;
    const results: PushResult[] = [];
    let last = owner.lastMutationId;
    let retries = 0;
    let i = 0;
    while (i < mutations.length) {
      const mutation = mutations[i] as Mutation;
      if (mutation.id <= last) {
        results.push({ id: mutation.id, status: "duplicate" });
        i++;
        continue;
      }
      if (mutation.id > last + 1) return { kind: "gap", lastMutationId: last, results } as const;
      const group = groupAt(mutations, i);
      const outcome = await inTransaction(conn, () => processGroup(conn, user, clientId, group, deps));
      if (outcome.kind === "stale") {
        // Another request got there first: judge the same mutations again from where it left off.
        if (++retries > MAX_RETRIES) throw new Error("push: no progress after repeated retries");
        last = Math.max(last, (await findClient(conn, clientId))?.lastMutationId ?? last);
        continue;
      }
      retries = 0;
      results.push(...outcome.results);
      last = (group[group.length - 1] as Mutation).id;
      i += group.length;
    }
    return { kind: "ok", lastMutationId: last, results } as const;
  });
}

/**
 * The run of mutations from `start` with consecutive ids on one assessment. A create only ever
 * starts a group: the scope loaded for the group is then that of the create's assignment.
 */
function groupAt(mutations: readonly Mutation[], start: number): Mutation[] {
  const first = mutations[start] as Mutation;
  const group = [first];
  for (let j = start + 1; j < mutations.length && group.length < MAX_GROUP; j++) {
    const m = mutations[j] as Mutation;
    const prev = group[group.length - 1] as Mutation;
    if (m.id !== prev.id + 1 || m.name === "assessment.create") break;
    if (m.args.assessmentId !== first.args.assessmentId) break;
    group.push(m);
  }
  return group;
}

/** Runs `work` in a transaction; commits unless it reports a stale group. */
async function inTransaction(
  conn: QueryExecutorProvider,
  work: () => Promise<GroupOutcome>,
): Promise<GroupOutcome> {
  await sql`begin`.execute(conn);
  try {
    const result = await work();
    await sql`${sql.raw(result.kind === "stale" ? "rollback" : "commit")}`.execute(conn);
    return result;
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
}

async function processGroup(
  trx: QueryExecutorProvider,
  user: SyncUser,
  clientId: string,
  group: readonly Mutation[],
  deps: PushDeps,
): Promise<GroupOutcome> {
  const first = group[0] as Mutation;
  const lastId = (group[group.length - 1] as Mutation).id;
  const createFor = first.name === "assessment.create" ? first.args.assignmentId : null;
  const { existing, scope } = await loadMutationTarget(trx, first.args.assessmentId, createFor);
  const loaded = existing?.state;
  let current = loaded;
  const steps: AssessmentStep[] = [];
  const rejections: (StoredRejection & { name: string; at: string })[] = [];
  const results: PushResult[] = [];
  for (const [k, mutation] of group.entries()) {
    // What loading the assessment again would give: no scope once there is no assessment (a
    // rejected create), the scope of its assignment otherwise (loaded, or created in this group).
    const scopeNow = k === 0 || current !== undefined ? scope : undefined;
    const verdict = await evaluate(trx, user, clientId, mutation, current, scopeNow, deps);
    if (verdict.ok) {
      current = verdict.state;
      steps.push({
        state: verdict.state,
        meta: { userId: user.id, clientId, mutationId: mutation.id, action: mutation.name, at: mutation.at },
      });
      results.push({ id: mutation.id, status: "applied" });
      continue;
    }
    const error: ProtocolError = { code: verdict.code, message: verdict.message };
    if (verdict.details !== undefined) error.details = verdict.details;
    rejections.push({ mutationId: mutation.id, name: mutation.name, at: mutation.at, ...error });
    results.push({ id: mutation.id, status: "rejected", error });
  }
  const ctes = claimRangeCtes(clientId, first.id, lastId, rejections);
  const writes = steps.length > 0 && scope !== undefined;
  if (writes)
    ctes.push(...assessmentWriteCtes(loaded, steps, scope.officeId, sql`exists (select 1 from mc)`));
  const r = await sql<{ claimed: number; written: number }>`with ${sql.join(ctes)}
    select (select count(*) from mc)::integer as claimed,
           ${writes ? sql`(select count(*) from aw)::integer` : sql`1`} as written`.execute(trx);
  const row = r.rows[0];
  // Not claimed: another copy processed these ids. Not written: a concurrent create won the id.
  if (row === undefined || row.claimed !== 1 || row.written !== 1) return { kind: "stale" };
  return { kind: "done", results };
}

/** Authorisation, then the reducer, then the server-only submit rule. */
async function evaluate(
  trx: QueryExecutorProvider,
  user: SyncUser,
  clientId: string,
  mutation: Mutation,
  existing: AssessmentState | undefined,
  scope: AssignmentScopeRow | undefined,
  deps: PushDeps,
): Promise<Verdict> {
  const assessmentId = mutation.args.assessmentId;
  const createFor = mutation.name === "assessment.create" ? mutation.args.assignmentId : null;
  const notFound: Verdict = {
    ok: false,
    code: "assessment_not_found",
    message: "Penilaian tidak ditemukan.",
    details: { assessmentId },
  };
  if (scope === undefined || !canSeeAssignment(user, scope)) {
    // Not visible is answered like not existing: existence does not leak.
    if (existing !== undefined || createFor === null) return notFound;
    return {
      ok: false,
      code: "unknown_assignment",
      message: "Penugasan tidak ditemukan.",
      details: { assignmentId: createFor },
    };
  }
  if (scope.periodStatus !== "open") {
    return {
      ok: false,
      code: "period_closed",
      message: "Periode penilaian sudah ditutup.",
      details: { periodId: scope.assignment.periodId },
    };
  }
  const instrumentId = existing?.instrumentId ?? scope.instrumentId;
  const instrumentVersion = existing?.instrumentVersion ?? scope.instrumentVersion;
  const instrument = await deps.instruments.get(trx, instrumentId, instrumentVersion);
  if (instrument === undefined) {
    return {
      ok: false,
      code: "instrument_mismatch",
      message: "Instrumen tidak tersedia.",
      details: { instrumentId, instrumentVersion },
    };
  }
  const now = (deps.now?.() ?? new Date()).toISOString();
  const ctx = { instrument, userId: user.id, clientId, now, assignment: scope.assignment };
  const result = applyMutation(existing, mutation, ctx);
  if (!result.ok) return result;
  if (mutation.name === "assessment.submit") {
    const problem = await unuploadedEvidence(trx, result.state);
    if (problem !== null) return problem;
  }
  return { ok: true, state: result.state };
}

/** Submit needs every attached blob on the server: the supervisor must be able to see it. */
async function unuploadedEvidence(
  trx: QueryExecutorProvider,
  state: AssessmentState,
): Promise<Verdict | null> {
  const missing = new Set(
    await missingEvidence(
      trx,
      state.evidence.map((e) => e.sha256),
    ),
  );
  if (missing.size === 0) return null;
  const problems = state.evidence
    .filter((e) => missing.has(e.sha256))
    .map((e) => ({
      code: "evidence_not_uploaded",
      key: e.key,
      sha256: e.sha256,
      message: { id: "Foto bukti belum terunggah.", en: "Evidence file not uploaded yet." },
    }));
  return { ok: false, code: "incomplete", message: "Lembar penilaian belum lengkap.", details: { problems } };
}
