// Applying a pull: synced entities + acknowledgements + rejections + rebuilt local view + cursor,
// all in ONE transaction.
//
// Invariants kept here:
// - the UI never sees a half state: readers see either the old world or the new one, never the
//   pulled server state without the device's pending edits on top;
// - pending edits (outbox ids > the pull's lastMutationId) are re-applied by the shared rebase in
//   id order, so they are neither lost nor applied twice; entries at or below it are acknowledged
//   by the server and leave the outbox here;
// - the cursor is stored in the same transaction as the data it describes: a crash can only make
//   the next pull repeat work, never skip it.

import type { RebaseRejection } from "../../domain/sync";
import { rebase } from "../../domain/sync";
import { forgetAcknowledgedUpTo } from "./acknowledged";
import type { OutboxRow, PatuhDb } from "./database";
import { guardStorage } from "./errors";
import { ensureClientId, readDeviceUser, updateSyncMeta } from "./meta";
import { pendingAssessmentIds } from "./outbox";
import type { AssessmentState, PullResponse } from "./protocol-types";
import { type PulledOp, resolveDeltas } from "./pull-delta";
import { preloadContextResolver } from "./reducer-context";
import { recordRejections } from "./rejections";
import { keepRemovedWork } from "./removed-work";
import { applyPatch, syncedTables } from "./synced";

export interface PullApplied {
  /** Assessments the patch put or deleted. */
  touched: number;
  /** Outbox entries acknowledged by this pull. */
  acknowledged: number;
  /** Pending mutations the device could not re-apply locally (the server's verdict will follow). */
  localRejections: RebaseRejection[];
}

export function pullTables(db: PatuhDb) {
  return [...syncedTables(db), db.assessments, db.outbox, db.meta, db.rejections, db.assessmentSync];
}

export async function applyPull(
  db: PatuhDb,
  received: PullResponse | (Omit<PullResponse, "patch"> & { patch: PulledOp[] }),
  nowIso: string,
): Promise<PullApplied> {
  return guardStorage(() =>
    db.transaction("rw", pullTables(db), async () => {
      // Protocol 1.1: deltas become whole states here (pull-delta.ts), inside this transaction.
      const ack = {
        lastMutationId: received.lastMutationId,
        rejectedIds: new Set(received.rejections.map((r) => r.mutationId)),
      };
      const pull: PullResponse = { ...received, patch: await resolveDeltas(db, received.patch, ack, nowIso) };
      // Before the patch: an assignment it removes must not take unsynced work with it.
      await keepRemovedWork(db, pull, nowIso);
      const touched = await applyPatch(db, pull.patch, pull.reset);
      const acked = await db.outbox.where("id").belowOrEqual(pull.lastMutationId).toArray();
      await recordRejections(db, pull.rejections, new Map(acked.map((r) => [r.id, r])), nowIso);
      if (acked.length > 0) await db.outbox.bulkDelete(acked.map((r) => r.id));
      // This pull's state covers every edit up to lastMutationId: none is replayed again.
      await forgetAcknowledgedUpTo(db, pull.lastMutationId);
      // Only what this pull can have changed: the server states it put or deleted, and the
      // assessments whose edits it acknowledged (a refused edit leaves the local view). Those with
      // edits still pending are always rebased. A reset rebuilds everything.
      const affected = pull.reset ? undefined : new Set([...touched, ...acked.map((r) => r.assessmentId)]);
      const localRejections = await rebuildLocalView(db, pull.lastMutationId, nowIso, affected);
      await markSynced(db, nowIso);
      await updateSyncMeta(db, { cursor: pull.cursor, lastMutationId: pull.lastMutationId });
      return { touched: touched.size, acknowledged: acked.length, localRejections };
    }),
  );
}

/**
 * assessments := rebase(serverAssessments, outbox). Runs inside the caller's transaction over
 * pullTables(db). With `affected`, only those assessments and the ones with pending edits are
 * rebuilt (every other local view already equals its server state, which this pull left alone):
 * a heavy device holds 500 checklists, and re-reading, re-applying and comparing all of them on
 * every sync kept a phone's main thread busy while the assessor was tapping.
 */
export async function rebuildLocalView(
  db: PatuhDb,
  lastMutationId: number,
  nowIso: string,
  affected?: ReadonlySet<string>,
): Promise<RebaseRejection[]> {
  const pending: OutboxRow[] = await db.outbox.where("id").above(lastMutationId).toArray();
  const ids = affected ? [...new Set([...affected, ...pending.map((r) => r.assessmentId)])] : undefined;
  const server: Record<string, AssessmentState> = {};
  const serverRows = ids
    ? (await db.serverAssessments.bulkGet(ids)).filter((s) => s !== undefined)
    : await db.serverAssessments.toArray();
  for (const s of serverRows) server[s.id] = s;
  const clientId = await ensureClientId(db, nowIso);
  const userId = (await readDeviceUser(db)) ?? "";
  const resolver = await preloadContextResolver(db, { clientId, userId }, nowIso);
  // Re-applied with each mutation's own device time, as when it was first recorded.
  const result = rebase(
    server,
    pending.map((r) => r.mutation),
    (m, state) => {
      const ctx = resolver(m, state);
      return ctx ? { ...ctx, now: m.at } : undefined;
    },
    lastMutationId,
  );
  const current = ids
    ? (await db.assessments.bulkGet(ids)).filter((a) => a !== undefined)
    : await db.assessments.toArray();
  const keep = new Set(Object.keys(result.states));
  const stale = new Set(current.filter((a) => !keep.has(a.id)).map((a) => a.id));
  if (ids) {
    // Keys only: a local view with neither a server state nor pending edits must not outlive them.
    const onServer = new Set((await db.serverAssessments.toCollection().primaryKeys()).map(String));
    for (const id of (await db.assessments.toCollection().primaryKeys()).map(String)) {
      if (!onServer.has(id) && !keep.has(id)) stale.add(id);
    }
  }
  if (stale.size > 0) await db.assessments.bulkDelete([...stale]);
  // Only rows whose content changed are written: an unchanged row must not wake the screens
  // (a periodic sync would otherwise re-render the checklist under the assessor's thumb).
  const before = new Map(current.map((a) => [a.id, JSON.stringify(a)]));
  const changed = Object.values(result.states).filter((s) => before.get(s.id) !== JSON.stringify(s));
  if (changed.length > 0) await db.assessments.bulkPut(changed);
  return result.rejected;
}

/** lastSyncedAt := now for every server-known assessment with nothing pending. */
async function markSynced(db: PatuhDb, nowIso: string): Promise<void> {
  // Not orderBy(…).uniqueKeys(): a key-only cursor, which WebKit fails on an empty index.
  const pendingIds = new Set(await pendingAssessmentIds(db));
  const serverIds = (await db.serverAssessments.toCollection().primaryKeys()).map(String);
  const known = new Set(serverIds);
  const gone = (await db.assessmentSync.toCollection().primaryKeys()).filter((id) => !known.has(String(id)));
  if (gone.length > 0) await db.assessmentSync.bulkDelete(gone);
  await db.assessmentSync.bulkPut(
    serverIds.filter((id) => !pendingIds.has(id)).map((id) => ({ id, lastSyncedAt: nowIso })),
  );
}
