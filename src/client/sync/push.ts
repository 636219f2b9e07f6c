// Sync step (b): push the outbox in id order, in batches of at most 500 mutations and ~900 KB.
//
// Invariants kept here:
// - an outbox entry is removed only when the server acknowledged its id (result applied, duplicate
//   or rejected, or covered by the lastMutationId it reports), in the same transaction that
//   records a rejection, so nothing is dropped silently and nothing is removed on hope;
// - a lost response is harmless: the retry carries the same ids and the server answers
//   "duplicate" for what it already applied (applied exactly once);
// - 409 mutation_gap: if the server is ahead, drop what it has and continue; if it is behind our
//   first pending id (it lost our history), renumber the pending entries once (none of them was
//   applied there) and say so; never skip or invent an id.
import { keepAcknowledged } from "../db/acknowledged";
import type { OutboxRow, PatuhDb } from "../db/database";
import { updateSyncMeta } from "../db/meta";
import { listPending, removeAcknowledgedUpTo, renumberPending } from "../db/outbox";
import type { PushResponse } from "../db/protocol-types";
import { recordRejections } from "../db/rejections";
import { problem, type SyncProblem } from "./messages";
import { HttpError, type Transport } from "./transport";

export const PUSH_BATCH_MAX = 500;
/** Stays under the server's 1 MiB JSON body limit with room for the envelope. */
export const PUSH_BATCH_MAX_BYTES = 900_000;

export interface PushOutcome {
  sent: number;
  applied: number;
  duplicate: number;
  rejected: number;
}

export interface PushOptions {
  batchSize?: number;
  nowIso: () => string;
  warn: (p: SyncProblem) => void;
}

/** Cuts a batch so its JSON stays under the byte budget (always at least one mutation). */
function trimToBytes(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    total += JSON.stringify((rows[i] as OutboxRow).mutation).length + 1;
    if (total > maxBytes && i > 0) return rows.slice(0, i);
  }
  return rows;
}

export async function pushOutbox(
  db: PatuhDb,
  transport: Transport,
  clientId: string,
  options: PushOptions,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { sent: 0, applied: 0, duplicate: 0, rejected: 0 };
  let batchSize = Math.min(options.batchSize ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
  let renumbered = false;
  for (;;) {
    const rows = trimToBytes(await listPending(db, { limit: batchSize }), PUSH_BATCH_MAX_BYTES);
    const first = rows[0];
    if (!first) return outcome;
    let response: PushResponse;
    try {
      response = await transport.push(
        clientId,
        rows.map((r) => r.mutation),
      );
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.status === 409 && e.code === "mutation_gap") {
        const serverLast = Number(e.details.lastMutationId);
        if (!Number.isInteger(serverLast) || serverLast < 0) throw e;
        if (serverLast >= first.id - 1) {
          // The server is at or ahead of us: what it has is acknowledged; send the rest.
          await db.transaction("rw", db.outbox, db.meta, async () => {
            await removeAcknowledgedUpTo(db, serverLast);
            await updateSyncMeta(db, { lastMutationId: serverLast });
          });
          continue;
        }
        if (renumbered) throw e;
        renumbered = true;
        await renumberPending(db, serverLast);
        options.warn(problem("mutation_gap", e.code, `server at ${serverLast}, device at ${first.id}`));
        continue;
      }
      if (e.status === 413 && batchSize > 1) {
        batchSize = Math.ceil(batchSize / 2);
        continue;
      }
      throw e;
    }
    const acked = await acknowledge(db, rows, response, options.nowIso());
    outcome.sent += rows.length;
    for (const r of response.results) {
      if (r.status === "applied") outcome.applied += 1;
      else if (r.status === "duplicate") outcome.duplicate += 1;
      else outcome.rejected += 1;
    }
    if (acked === 0) {
      // The server answered 200 but acknowledged nothing we sent: looping would spin forever.
      throw new HttpError(
        200,
        "push_not_acknowledged",
        "the server acknowledged none of the pushed mutations",
      );
    }
  }
}

/** Removes acknowledged entries and stores rejections, in one transaction. Returns how many left. */
async function acknowledge(
  db: PatuhDb,
  rows: OutboxRow[],
  response: PushResponse,
  nowIso: string,
): Promise<number> {
  const sent = new Map(rows.map((r) => [r.id, r]));
  const ackIds = new Set<number>();
  for (const r of response.results) if (sent.has(r.id)) ackIds.add(r.id);
  for (const r of rows) if (r.id <= response.lastMutationId) ackIds.add(r.id);
  const rejections = response.results
    .filter((r) => r.status === "rejected" && sent.has(r.id))
    .map((r) => ({
      mutationId: r.id,
      code: r.error?.code ?? "rejected",
      message: r.error?.message ?? "",
      ...(r.error?.details === undefined ? {} : { details: r.error.details }),
    }));
  await db.transaction("rw", db.outbox, db.rejections, db.meta, async () => {
    await recordRejections(db, rejections, sent, nowIso);
    // Applied (or applied before: duplicate) edits stay replayable until a pull covers them.
    const rejected = new Set(rejections.map((r) => r.mutationId));
    await keepAcknowledged(
      db,
      rows.filter((r) => ackIds.has(r.id) && !rejected.has(r.id)),
    );
    await db.outbox.bulkDelete([...ackIds]);
    await updateSyncMeta(db, { lastMutationId: response.lastMutationId });
  });
  return ackIds.size;
}
