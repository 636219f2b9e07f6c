// The outbox (table `outbox`): this device's mutations not yet acknowledged by the server, keyed
// and therefore iterated by mutation id.
//
// Invariants kept here:
// - appends happen only in edits.ts, in the transaction that allocates the id (gapless ids);
// - an entry is removed only once the server acknowledged its id: a push result (applied,
//   duplicate or rejected) or a pull/push whose lastMutationId covers it (removeAcknowledgedUpTo);
// - renumbering (after the server lost its record of this client, see renumberPending) keeps the
//   order and rewrites ids and counter in one transaction.
import { forgetAcknowledgedUpTo } from "./acknowledged";
import type { CounterMeta, OutboxRow, PatuhDb } from "./database";
import type { Mutation } from "./protocol-types";

/** Pending mutations in push order, optionally only those after `afterId`. */
export function listPending(
  db: PatuhDb,
  options: { afterId?: number; limit?: number } = {},
): Promise<OutboxRow[]> {
  const coll = db.outbox.where("id").above(options.afterId ?? 0);
  return (options.limit === undefined ? coll : coll.limit(options.limit)).toArray();
}

export function countPending(db: PatuhDb): Promise<number> {
  return db.outbox.count();
}

/**
 * The assessment of every pending entry (one per entry, in id order). Read with the rows (getAll),
 * never with a key-only cursor such as `orderBy("assessmentId").keys()`: WebKit's on-disk IndexedDB
 * fails those on an empty index ("UnknownError: Unable to open cursor", WebKit bug 319640), which
 * threw whole pulls away on Safari. Outbox rows are small (one mutation each).
 */
export async function pendingAssessmentIds(db: PatuhDb): Promise<string[]> {
  return (await db.outbox.toArray()).map((row) => row.assessmentId);
}

export function countPendingFor(db: PatuhDb, assessmentId: string): Promise<number> {
  return db.outbox.where("assessmentId").equals(assessmentId).count();
}

/** Removes every entry the server says it processed (id ≤ lastMutationId). */
export async function removeAcknowledgedUpTo(db: PatuhDb, lastMutationId: number): Promise<number> {
  if (lastMutationId < 1) return 0;
  return db.outbox.where("id").belowOrEqual(lastMutationId).delete();
}

/**
 * The server's record of this client ends at `serverLast`, below our first pending id, and the ids in
 * between are gone from the device (acknowledged earlier, then lost by a server restore). None of
 * the pending mutations was applied there (the server applies in order), so they can be renumbered
 * serverLast+1, +2 … without applying anything twice. One transaction: ids, args and counter.
 */
export async function renumberPending(db: PatuhDb, serverLast: number): Promise<number> {
  return db.transaction("rw", db.outbox, db.meta, async () => {
    const rows = await db.outbox.orderBy("id").toArray();
    const first = rows[0];
    if (!first || first.id <= serverLast + 1) return 0;
    await db.outbox.clear();
    // The server lost our history: nothing acknowledged before can be replayed against it.
    await forgetAcknowledgedUpTo(db, null);
    const renumbered = rows.map((row, i): OutboxRow => {
      const id = serverLast + 1 + i;
      return { ...row, id, mutation: { ...row.mutation, id } as Mutation };
    });
    await db.outbox.bulkAdd(renumbered);
    const counter = (await db.meta.get("counter")) as CounterMeta | undefined;
    const last = renumbered[renumbered.length - 1]?.id ?? serverLast;
    await db.meta.put({ key: "counter", clientId: counter?.clientId ?? first.clientId, lastAllocated: last });
    return renumbered.length;
  });
}
