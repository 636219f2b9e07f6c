// Sync step (c): pull what changed since the stored cursor and apply it (db/pull-apply.ts does the
// single transaction: synced entities, acknowledgements, rejections, rebuilt local view, cursor).
//
// Invariant kept: a response that does not look like a PullResponse is treated as a cut
// connection (retried later) and never touches the database.
//
// Protocol step 1.1: the transport announces delta support, so the patch may carry `delta` ops for
// assessments the device holds. A delta that does not fit what the device holds (its copy was
// damaged or cleared) aborts that pull's transaction; the device then pulls once more without a
// cursor and gets whole states (a reset), never an approximate state.
import type { PatuhDb } from "../db/database";
import { readSyncMeta } from "../db/meta";
import type { PullResponse } from "../db/protocol-types";
import { applyPull, type PullApplied } from "../db/pull-apply";
import { DeltaBaseMismatchError, type PulledOp } from "../db/pull-delta";
import { NetworkError, type Transport } from "./transport";

type Pulled = Omit<PullResponse, "patch"> & { patch: PulledOp[] };

function looksLikePull(x: unknown): x is Pulled {
  if (typeof x !== "object" || x === null) return false;
  const p = x as Record<string, unknown>;
  return (
    typeof p.cursor === "string" &&
    typeof p.reset === "boolean" &&
    typeof p.lastMutationId === "number" &&
    Array.isArray(p.patch) &&
    Array.isArray(p.rejections)
  );
}

export async function pullChanges(
  db: PatuhDb,
  transport: Transport,
  clientId: string,
  nowIso: () => string,
): Promise<PullApplied> {
  const meta = await readSyncMeta(db);
  const response: unknown = await transport.pull(clientId, meta.cursor);
  if (!looksLikePull(response)) throw new NetworkError("malformed pull response");
  try {
    return await applyPull(db, response, nowIso());
  } catch (e) {
    if (!(e instanceof DeltaBaseMismatchError) || meta.cursor === null) throw e;
    const whole: unknown = await transport.pull(clientId, null);
    if (!looksLikePull(whole)) throw new NetworkError("malformed pull response");
    return applyPull(db, whole, nowIso());
  }
}
