// Sync step (c): pull what changed since the stored cursor and apply it (db/pull-apply.ts does the
// single transaction: synced entities, acknowledgements, rejections, rebuilt local view, cursor).
//
// Invariant kept: a response that does not look like a PullResponse is treated as a cut
// connection (retried later) and never touches the database.
import type { PatuhDb } from "../db/database";
import { readSyncMeta } from "../db/meta";
import type { PullResponse } from "../db/protocol-types";
import { applyPull, type PullApplied } from "../db/pull-apply";
import { NetworkError, type Transport } from "./transport";

function looksLikePull(x: unknown): x is PullResponse {
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
  return applyPull(db, response, nowIso());
}
