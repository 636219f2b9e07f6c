// Incremental pull, device side (protocol step 1.1): turns the `delta` ops of a pull into the
// whole-state `put`s the rest of pull-apply.ts already knows how to store.
//
// Invariants kept here:
// - runs inside the pull's transaction (it reads serverAssessments there), so a delta is applied to
//   exactly the server state the device holds at that moment, and the result is stored in the same
//   transaction as everything else of the pull;
// - a delta that does not start from the revision the device holds (or for an assessment it does
//   not hold) is never applied approximately: DeltaBaseMismatchError aborts the whole transaction
//   (nothing of the pull is stored) and the caller pulls again from scratch (a reset).
import { type AssessmentDeltaOp, applyDelta, isDeltaOp } from "../../domain/sync/delta";
import type { PatuhDb } from "./database";
import type { PatchOp } from "./protocol-types";

export class DeltaBaseMismatchError extends Error {
  override readonly name = "DeltaBaseMismatchError";
}

/** What a protocol 1.1 pull's patch may hold. */
export type PulledOp = PatchOp | AssessmentDeltaOp;

export async function resolveDeltas(db: PatuhDb, patch: readonly PulledOp[]): Promise<PatchOp[]> {
  const deltas = patch.filter(isDeltaOp);
  if (deltas.length === 0) return patch as PatchOp[];
  const held = new Map(
    (await db.serverAssessments.bulkGet(deltas.map((d) => d.id)))
      .filter((s) => s !== undefined)
      .map((s) => [s.id, s]),
  );
  return patch.map((op): PatchOp => {
    if (!isDeltaOp(op)) return op;
    const base = held.get(op.id);
    const next = base === undefined ? null : applyDelta(base, op);
    if (next === null) {
      throw new DeltaBaseMismatchError(
        `delta for ${op.id} from revision ${op.from}; the device holds ${base?.revision ?? "none"}`,
      );
    }
    // Two deltas for one assessment in one patch chain on each other.
    held.set(next.id, next);
    return { op: "put", type: "assessment", value: next };
  });
}
