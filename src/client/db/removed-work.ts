// Work kept after losing an assignment (issue #7 "Changes after the fact"): when a supervisor takes
// the assessor off a team, the next pull deletes the assignment and its assessments from the
// synced tables — but never the assessor's unsynced work.
//
// Invariants kept here:
// - before a pull's patch is applied (same transaction, see pull-apply.ts), every local assessment
//   of an assignment the pull removes (a `del`, or absent from a reset) that has pending outbox
//   entries, edits already refused as `assignment_removed` (a push of the same sync run), or that
//   only this device knows, is copied here as the user last saw it, with the names
//   needed to show it; the outbox entries themselves stay and are pushed, so the server records
//   its clear `assignment_removed` rejection instead of the work vanishing silently;
// - a kept row is read-only (no edit path leads to it) and is never deleted automatically;
// - rows live in the existing `meta` table under the key "removed:<assessmentId>", so keeping work
//   needs no new schema version.
import type { PatuhDb } from "./database";
import type { AssessmentState, PullResponse } from "./protocol-types";

const PREFIX = "removed:";

export interface RemovedWorkRow {
  key: string;
  assessmentId: string;
  assignmentId: string;
  unitName: string;
  pemdaName: string;
  /** Edits the server never took: still queued, or already refused as `assignment_removed`. */
  pendingEdits: number;
  /** The assessment as the device showed it (server state + pending edits). */
  state: AssessmentState;
  removedAt: string;
}

const table = (db: PatuhDb) => db.table<RemovedWorkRow, string>("meta");

/** Assignment ids this pull takes away from the device. */
async function lostAssignments(db: PatuhDb, pull: PullResponse): Promise<string[]> {
  if (!pull.reset) {
    return pull.patch.flatMap((op) => (op.op === "del" && op.type === "assignment" ? [op.id] : []));
  }
  const kept = new Set(
    pull.patch.flatMap((op) => (op.op === "put" && op.type === "assignment" ? [op.value.id] : [])),
  );
  return (await db.assignments.toCollection().primaryKeys()).map(String).filter((id) => !kept.has(id));
}

/**
 * Copies the unsynced work of the assignments this pull removes. Must run inside the pull's
 * transaction, BEFORE the patch is applied (it reads the local view and reference names). Returns
 * how many assessments were kept.
 */
export async function keepRemovedWork(db: PatuhDb, pull: PullResponse, nowIso: string): Promise<number> {
  const lost = await lostAssignments(db, pull);
  if (lost.length === 0) return 0;
  const local = await db.assessments.where("assignmentId").anyOf(lost).toArray();
  const rows: RemovedWorkRow[] = [];
  for (const state of local) {
    const pendingEdits = await db.outbox
      .where("assessmentId")
      .equals(state.id)
      .filter((r) => r.id > pull.lastMutationId)
      .count();
    const onlyHere = (await db.serverAssessments.get(state.id)) === undefined;
    // A push in the same sync run may already have had the edits refused (and left the queue);
    // the local view still shows them until this pull rebuilds it.
    const refused = await db.rejections
      .where("assessmentId")
      .equals(state.id)
      .filter((r) => r.code === "assignment_removed")
      .count();
    if (pendingEdits === 0 && refused === 0 && !onlyHere) continue; // the server holds all of it
    const [unit, pemda] = await Promise.all([db.units.get(state.unitId), db.pemda.get(state.pemdaId)]);
    rows.push({
      key: `${PREFIX}${state.id}`,
      assessmentId: state.id,
      assignmentId: state.assignmentId,
      unitName: unit?.name ?? "",
      pemdaName: pemda?.name ?? "",
      pendingEdits: pendingEdits + refused,
      state,
      removedAt: nowIso,
    });
  }
  if (rows.length > 0) await table(db).bulkPut(rows);
  return rows.length;
}

/** Kept work, most recently removed first. */
export async function listRemovedWork(db: PatuhDb): Promise<RemovedWorkRow[]> {
  const rows = await table(db).where("key").startsWith(PREFIX).toArray();
  return rows.sort((a, b) => b.removedAt.localeCompare(a.removedAt));
}
