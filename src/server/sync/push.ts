/**
 * Push: applies a device's numbered mutations (protocol.md "Push").
 *
 * Owns: the order of checks for one mutation and the mutation-log bookkeeping around the pure
 * reducer.
 * Invariants: each mutation is processed in ONE transaction that first claims its id on the
 * client row (raising last_mutation_id from id-1 to id, which row-locks the client), so concurrent
 * copies of a push serialise and each id is processed exactly once; the others see a duplicate.
 * The mutation's effect (state, history, evidence refs, change-log row by trigger) or its stored
 * rejection commits together with the raised lastMutationId: never one without the other. A gap
 * stops the batch; the mutations before it stay committed (each had its own transaction), and the
 * 409 says how far the server got. Lock order is always client row, then assessment row, so two
 * devices on one assessment cannot deadlock.
 */
import { type Kysely, type QueryExecutorProvider, sql } from "kysely";
import { applyMutation } from "../../domain/sync/apply";
import type { AssessmentState, Mutation, ProtocolError, PushResult } from "../../domain/sync/protocol";
import { saveAssessment } from "../db/assessments";
import { missingEvidence } from "../db/evidence";
import { bindClient, claimMutation, storeRejection } from "../db/mutation-clients";
import { createRefusedAsRemoved, wasRemovedFromAssignment } from "../db/queries/plans";
import { loadMutationTarget } from "../db/sync-scope";
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

type Step =
  | { status: "applied" | "duplicate" }
  | { status: "rejected"; error: ProtocolError }
  | { status: "gap"; last: number };
type Verdict = { ok: true } | ({ ok: false } & ProtocolError);

export async function pushMutations<DB>(
  db: Kysely<DB>,
  user: SyncUser,
  clientId: string,
  mutations: readonly Mutation[],
  deps: PushDeps,
): Promise<PushOutcome> {
  // One pooled connection for the whole push: no pool round trip per mutation.
  return db.connection().execute(async (conn) => {
    const owner = await bindClient(conn, clientId, user.id);
    if (owner.userId !== user.id) return { kind: "client_mismatch" } as const;
    const results: PushResult[] = [];
    let last = owner.lastMutationId;
    for (const mutation of mutations) {
      const step = await inTransaction(conn, () => processOne(conn, user, clientId, mutation, deps));
      if (step.status === "gap") return { kind: "gap", lastMutationId: step.last, results } as const;
      results.push(
        step.status === "rejected"
          ? { id: mutation.id, status: "rejected", error: step.error }
          : { id: mutation.id, status: step.status },
      );
      last = Math.max(last, mutation.id);
    }
    return { kind: "ok", lastMutationId: last, results } as const;
  });
}

async function inTransaction<T>(conn: QueryExecutorProvider, work: () => Promise<T>): Promise<T> {
  await sql`begin`.execute(conn);
  try {
    const result = await work();
    await sql`commit`.execute(conn);
    return result;
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
}

async function processOne(
  trx: QueryExecutorProvider,
  user: SyncUser,
  clientId: string,
  mutation: Mutation,
  deps: PushDeps,
): Promise<Step> {
  const claim = await claimMutation(trx, clientId, mutation.id);
  if (claim.kind === "duplicate") return { status: "duplicate" };
  if (claim.kind === "gap") return { status: "gap", last: claim.lastMutationId };
  const verdict = await evaluate(trx, user, clientId, mutation, deps);
  if (verdict.ok) return { status: "applied" };
  const error: ProtocolError = { code: verdict.code, message: verdict.message };
  if (verdict.details !== undefined) error.details = verdict.details;
  await storeRejection(trx, clientId, {
    mutationId: mutation.id,
    name: mutation.name,
    at: mutation.at,
    ...error,
  });
  return { status: "rejected", error };
}

/** Authorisation, then the reducer, then the server-only submit rule, then the write. */
async function evaluate(
  trx: QueryExecutorProvider,
  user: SyncUser,
  clientId: string,
  mutation: Mutation,
  deps: PushDeps,
): Promise<Verdict> {
  const assessmentId = mutation.args.assessmentId;
  const createFor = mutation.name === "assessment.create" ? mutation.args.assignmentId : null;
  const { existing, scope } = await loadMutationTarget(trx, assessmentId, createFor);
  const notFound: Verdict = {
    ok: false,
    code: "assessment_not_found",
    message: "Penilaian tidak ditemukan.",
    details: { assessmentId },
  };
  if (scope === undefined || !canSeeAssignment(user, scope)) {
    // Someone taken off the team gets a clear answer (they knew the assignment); the device keeps
    // their work. Anyone else: not visible is answered like not existing, so existence does not leak.
    const lostAssignment = existing?.state.assignmentId ?? createFor;
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
  if (scope.periodStatus !== "open") {
    return {
      ok: false,
      code: "period_closed",
      message: "Periode penilaian sudah ditutup.",
      details: { periodId: scope.assignment.periodId },
    };
  }
  const instrumentId = existing?.state.instrumentId ?? scope.instrumentId;
  const instrumentVersion = existing?.state.instrumentVersion ?? scope.instrumentVersion;
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
  const result = applyMutation(existing?.state, mutation, ctx);
  if (!result.ok) return result;
  if (mutation.name === "assessment.submit") {
    const problem = await unuploadedEvidence(trx, result.state);
    if (problem !== null) return problem;
  }
  const meta = { userId: user.id, clientId, mutationId: mutation.id, action: mutation.name, at: mutation.at };
  const saved = await saveAssessment(trx, existing?.state, result.state, scope.officeId, meta);
  if (!saved)
    return {
      ok: false,
      code: "assessment_exists",
      message: "Penilaian sudah ada.",
      details: { assessmentId },
    };
  return { ok: true };
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
