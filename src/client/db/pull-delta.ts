// Incremental pull, device side (protocol steps 1.1 and 1.2): turns the `delta` ops of a pull into
// the whole-state `put`s the rest of pull-apply.ts already knows how to store.
//
// Invariants kept here:
// - runs inside the pull's transaction (it reads serverAssessments and the outbox there), so a
//   delta is applied to exactly the server state the device holds at that moment, and the result
//   is stored in the same transaction as everything else of the pull;
// - a delta that does not start from the revision the device holds (or for an assessment it does
//   not hold) is never applied approximately: DeltaBaseMismatchError aborts the whole transaction
//   (nothing of the pull is stored) and the caller pulls again from scratch (a reset);
// - a `replay` delta (1.2: every change since was this device's own) is rebuilt from the device's
//   acknowledged edits with the shared reducer, and kept only if exactly as many applied as the
//   server counted and the result has the server's fingerprint; anything else is a mismatch too.
import { applyMutation } from "../../domain/sync";
import { type AssessmentDeltaOp, applyDelta, isDeltaOp } from "../../domain/sync/delta";
import { stateHash } from "../../domain/sync/state-hash";
import { readAcknowledged } from "./acknowledged";
import type { PatuhDb } from "./database";
import { ensureClientId, readDeviceUser } from "./meta";
import type { AssessmentState, PatchOp } from "./protocol-types";
import { preloadContextResolver } from "./reducer-context";

export class DeltaBaseMismatchError extends Error {
  override readonly name = "DeltaBaseMismatchError";
}

/** What a protocol 1.1/1.2 pull's patch may hold. */
export type PulledOp = PatchOp | AssessmentDeltaOp;

/** The pull's acknowledgement: edits up to lastMutationId reached the server, except the rejected. */
export interface Acknowledgement {
  lastMutationId: number;
  rejectedIds: ReadonlySet<number>;
}

type Replayer = (base: AssessmentState, delta: AssessmentDeltaOp) => AssessmentState | null;

/** Rebuilds replay deltas from the outbox's acknowledged edits (read once per pull). */
async function replayer(db: PatuhDb, ack: Acknowledgement, nowIso: string): Promise<Replayer> {
  // Acknowledged by a push reply (kept aside) or, when that reply was lost, only by this pull.
  const byId = new Map((await readAcknowledged(db)).map((r) => [r.id, r]));
  for (const row of await db.outbox.where("id").belowOrEqual(ack.lastMutationId).toArray())
    byId.set(row.id, row);
  const acked = [...byId.values()]
    .filter((row) => row.id <= ack.lastMutationId && !ack.rejectedIds.has(row.id))
    .sort((a, b) => a.id - b.id);
  const clientId = await ensureClientId(db, nowIso);
  const userId = (await readDeviceUser(db)) ?? "";
  const resolve = await preloadContextResolver(db, { clientId, userId }, nowIso);
  return (base, delta) => {
    let state = base;
    let applied = 0;
    for (const row of acked) {
      if (row.assessmentId !== delta.id) continue;
      const ctx = resolve(row.mutation, state);
      if (ctx === undefined) return null;
      // The edit's own time, as when it was recorded; what the server's clock decides comes in `set`.
      const result = applyMutation(state, row.mutation, { ...ctx, now: row.mutation.at });
      if (!result.ok) return null;
      state = result.state;
      applied += 1;
    }
    if (applied !== delta.set.revision - delta.from) return null;
    const next = applyDelta({ ...state, revision: delta.from }, delta);
    return next !== null && stateHash(next) === delta.hash ? next : null;
  };
}

export async function resolveDeltas(
  db: PatuhDb,
  patch: readonly PulledOp[],
  ack: Acknowledgement,
  nowIso: string,
): Promise<PatchOp[]> {
  const deltas = patch.filter(isDeltaOp);
  if (deltas.length === 0) return patch as PatchOp[];
  const held = new Map(
    (await db.serverAssessments.bulkGet(deltas.map((d) => d.id)))
      .filter((s) => s !== undefined)
      .map((s) => [s.id, s]),
  );
  const replay = deltas.some((d) => d.replay === true) ? await replayer(db, ack, nowIso) : null;
  return patch.map((op): PatchOp => {
    if (!isDeltaOp(op)) return op;
    const base = held.get(op.id);
    let next: AssessmentState | null = null;
    if (base !== undefined && base.revision === op.from)
      next = op.replay === true ? (replay?.(base, op) ?? null) : applyDelta(base, op);
    if (next === null) {
      throw new DeltaBaseMismatchError(
        `${op.replay === true ? "replay " : ""}delta for ${op.id} from revision ${op.from}; the device holds ${base?.revision ?? "none"}`,
      );
    }
    // Two deltas for one assessment in one patch chain on each other.
    held.set(next.id, next);
    return { op: "put", type: "assessment", value: next };
  });
}
