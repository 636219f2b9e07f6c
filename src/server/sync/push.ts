/**
 * Push: applies a device's numbered mutations (protocol.md "Push").
 *
 * Owns: the order of checks for one mutation and the mutation-log bookkeeping around the pure
 * reducer.
 * Invariants: a run of consecutive ids (up to MAX_RUN) is processed in ONE transaction: lock and
 * load every assessment it touches at once (in id order), run each mutation through the reducer on
 * the in-memory states (a rejected one leaves its assessment's state as it was, so nothing of it is
 * applied), then ONE statement writes each touched assessment's last state with one history row set
 * per applied mutation (every overwritten value stays in history), the evidence references, the
 * stored rejections and the raise of lastMutationId from first - 1 to last. So every mutation's
 * effect or rejection commits together with the raise, never one without the other, and the
 * change-log row of each assessment (trigger) with them.
 * Concurrent copies of a push: the raise only matches if nobody raised past first - 1; if it does
 * not (or a create lost its race), the transaction rolls back and the run is judged again from the
 * new lastMutationId, where those ids are duplicates: each id is processed exactly once. A gap stops
 * the batch; the runs before it stay committed, and the 409 says how far the server got.
 * Lock order is always assessment rows (sorted), then the client row; a create has no row to lock
 * and its insert waits for the claim (assessmentWriteCtes' guard), so pushes cannot deadlock.
 * A malformed mutation (push-validate.ts) is a rejection like any other: it takes its id in the
 * run, touches no assessment, and the mutations after it go on.
 */
import { type Kysely, type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import { applyMutation } from "../../domain/sync/apply";
import type { AssessmentState, Mutation, ProtocolError, PushResult } from "../../domain/sync/protocol";
import { type AssessmentStep, assessmentWriteCtes, lockPushTargets } from "../db/assessments";
import { missingEvidence } from "../db/evidence";
import { bindClient, claimRangeCtes, findClient, type StoredRejection } from "../db/mutation-clients";
import { createRefusedAsRemoved, wasRemovedFromAssignment } from "../db/queries/plans";
import type { AssignmentScopeRow } from "../db/sync-scope";
import type { InstrumentCache } from "./instrument-cache";
import { canSeeAssignment, type SyncUser } from "./permissions";
import { checkAfterApply, checkBeforeApply } from "./push-checks";
import { isMalformed, type PushItem } from "./push-validate";

export type PushOutcome =
  | { kind: "ok"; lastMutationId: number; results: PushResult[] }
  | { kind: "gap"; lastMutationId: number; results: PushResult[] }
  | { kind: "client_mismatch" };

export interface PushDeps {
  instruments: InstrumentCache;
  /** Largest assessment state in JSON bytes (config limits.assessmentBytes). */
  maxStateBytes: number;
  now?: () => Date;
}

/** Bounds one transaction's work (and its lock hold) whatever the batch size. */
const MAX_RUN = 500;
const MAX_RUN_ASSESSMENTS = 64;
/** Each retry follows another writer's commit; more than this in a row is a bug, not contention. */
const MAX_RETRIES = 50;

type Verdict = { ok: true; state: AssessmentState } | ({ ok: false } & ProtocolError);
type RunOutcome = { kind: "done"; results: PushResult[] } | { kind: "stale" };

export async function pushMutations<DB>(
  db: Kysely<DB>,
  user: SyncUser,
  clientId: string,
  mutations: readonly PushItem[],
  deps: PushDeps,
): Promise<PushOutcome> {
  // One pooled connection for the whole push: no pool round trip per run.
  return db.connection().execute(async (conn) => {
    const owner = await bindClient(conn, clientId, user.id);
    if (owner.userId !== user.id) return { kind: "client_mismatch" } as const;
    const results: PushResult[] = [];
    let last = owner.lastMutationId;
    let retries = 0;
    let i = 0;
    while (i < mutations.length) {
      const mutation = mutations[i] as PushItem;
      if (mutation.id <= last) {
        results.push({ id: mutation.id, status: "duplicate" });
        i++;
        continue;
      }
      if (mutation.id > last + 1) return { kind: "gap", lastMutationId: last, results } as const;
      const run = runAt(mutations, i);
      const outcome = await inTransaction(conn, () => processRun(conn, user, clientId, run, deps));
      if (outcome.kind === "stale") {
        // Another request got there first: judge the same mutations again from where it left off.
        if (++retries > MAX_RETRIES) throw new Error("push: no progress after repeated retries");
        last = Math.max(last, (await findClient(conn, clientId))?.lastMutationId ?? last);
        continue;
      }
      retries = 0;
      results.push(...outcome.results);
      last = (run[run.length - 1] as PushItem).id;
      i += run.length;
    }
    return { kind: "ok", lastMutationId: last, results } as const;
  });
}

/**
 * The run of mutations from `start` with consecutive ids: at most MAX_RUN of them, on at most
 * MAX_RUN_ASSESSMENTS assessments (the write statement has a few expressions per assessment).
 */
function runAt(mutations: readonly PushItem[], start: number): PushItem[] {
  const first = mutations[start] as PushItem;
  const run = [first];
  const assessments = new Set(isMalformed(first) ? [] : [first.args.assessmentId]);
  for (let j = start + 1; j < mutations.length && run.length < MAX_RUN; j++) {
    const m = mutations[j] as PushItem;
    if (m.id !== (run[run.length - 1] as PushItem).id + 1) break;
    if (!isMalformed(m)) assessments.add(m.args.assessmentId);
    if (assessments.size > MAX_RUN_ASSESSMENTS) break;
    run.push(m);
  }
  return run;
}

/** Runs `work` in a transaction; commits unless it reports a stale run. */
async function inTransaction(
  conn: QueryExecutorProvider,
  work: () => Promise<RunOutcome>,
): Promise<RunOutcome> {
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

/** What the run does to one assessment. */
interface Touched {
  loaded: AssessmentState | undefined;
  officeId: string;
  steps: AssessmentStep[];
}

async function processRun(
  trx: QueryExecutorProvider,
  user: SyncUser,
  clientId: string,
  items: readonly PushItem[],
  deps: PushDeps,
): Promise<RunOutcome> {
  const run = items.filter((m): m is Mutation => !isMalformed(m));
  const creates = run.flatMap((m) => (m.name === "assessment.create" ? [m.args.assignmentId] : []));
  const targets = await lockPushTargets(
    trx,
    [...new Set(run.map((m) => m.args.assessmentId))],
    [...new Set(creates)],
  );
  const current = new Map<string, AssessmentState>();
  for (const [id, row] of targets.assessments) current.set(id, row.state);
  const touched = new Map<string, Touched>();
  const rejections: (StoredRejection & { name: string; at: string })[] = [];
  const results: PushResult[] = [];
  for (const mutation of items) {
    if (isMalformed(mutation)) {
      const at = mutation.at ?? (deps.now?.() ?? new Date()).toISOString();
      rejections.push({ mutationId: mutation.id, name: mutation.name, at, ...mutation.malformed });
      results.push({ id: mutation.id, status: "rejected", error: mutation.malformed });
      continue;
    }
    const assessmentId = mutation.args.assessmentId;
    const state = current.get(assessmentId);
    // The scope loading this assessment alone would give: that of its assignment, or for a create
    // of a not yet existing assessment that of the assignment the create names.
    const assignmentId =
      state?.assignmentId ?? (mutation.name === "assessment.create" ? mutation.args.assignmentId : undefined);
    const scope = assignmentId === undefined ? undefined : targets.scopes.get(assignmentId);
    const verdict = await evaluate(trx, user, clientId, mutation, state, scope, deps);
    if (verdict.ok && scope !== undefined) {
      current.set(assessmentId, verdict.state);
      const entry = touched.get(assessmentId) ?? { loaded: state, officeId: scope.officeId, steps: [] };
      entry.steps.push({
        state: verdict.state,
        meta: { userId: user.id, clientId, mutationId: mutation.id, action: mutation.name, at: mutation.at },
      });
      touched.set(assessmentId, entry);
      results.push({ id: mutation.id, status: "applied" });
      continue;
    }
    if (verdict.ok) throw new Error("push: applied without a scope");
    const error: ProtocolError = { code: verdict.code, message: verdict.message };
    if (verdict.details !== undefined) error.details = verdict.details;
    rejections.push({ mutationId: mutation.id, name: mutation.name, at: mutation.at, ...error });
    results.push({ id: mutation.id, status: "rejected", error });
  }
  const first = (items[0] as PushItem).id;
  const last = (items[items.length - 1] as PushItem).id;
  const ctes = claimRangeCtes(clientId, first, last, rejections);
  const written: RawBuilder<unknown>[] = [];
  for (const [n, t] of [...touched.values()].entries()) {
    ctes.push(...assessmentWriteCtes(t.loaded, t.steps, t.officeId, sql`exists (select 1 from mc)`, `${n}`));
    written.push(sql`(select count(*) from ${sql.raw(`aw${n}`)})`);
  }
  const r = await sql<{ claimed: number; written: number }>`with ${sql.join(ctes)}
    select (select count(*) from mc)::integer as claimed,
           (${written.length > 0 ? sql.join(written, sql` + `) : sql`0`})::integer as written`.execute(trx);
  const row = r.rows[0];
  // Not claimed: another copy processed these ids. Not all written: a concurrent create won an id.
  if (row === undefined || row.claimed !== 1 || row.written !== touched.size) return { kind: "stale" };
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
    // Someone taken off the team gets a clear answer (they knew the assignment); the device keeps
    // their work. Anyone else: not visible is answered like not existing, so existence does not leak.
    const lostAssignment = existing?.assignmentId ?? createFor;
    const removed =
      lostAssignment !== null
        ? await wasRemovedFromAssignment(trx, user.id, lostAssignment)
        : await createRefusedAsRemoved(trx, clientId, assessmentId); // edits queued after that create
    if (removed)
      return {
        ok: false,
        code: "assignment_removed",
        message: "Anda sudah dikeluarkan dari penugasan ini; server tidak menerima perubahan lagi.",
        details: { ...(lostAssignment === null ? {} : { assignmentId: lostAssignment }), assessmentId },
      };
    if (existing !== undefined || createFor === null) return notFound;
    return {
      ok: false,
      code: "unknown_assignment",
      message: "Penugasan tidak ditemukan.",
      details: { assignmentId: createFor },
    };
  }
  // Supervisors and admins see the office's assessments but never edit them (they decide through
  // review): only the assignment's team writes.
  if (user.role !== "assessor") {
    return {
      ok: false,
      code: "forbidden",
      message: "Hanya penilai yang dapat mengubah penilaian.",
      details: { assessmentId },
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
  const refused = await checkBeforeApply(trx, user, mutation, scope.officeId);
  if (refused !== null) return refused;
  const now = (deps.now?.() ?? new Date()).toISOString();
  const ctx = { instrument, userId: user.id, clientId, now, assignment: scope.assignment };
  const result = applyMutation(existing, mutation, ctx);
  if (!result.ok) return result;
  const tooBig = checkAfterApply(deps.maxStateBytes, instrument, mutation, existing, result.state);
  if (tooBig !== null) return tooBig;
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
