/**
 * Pull: everything visible to the user that changed after the cursor (protocol.md "Pull").
 *
 * Owns: turning change-log markers into a patch of current entity values for one user.
 * Invariants: runs in one REPEATABLE READ read-only transaction, so the new cursor, the change rows
 * and the entity values all come from the same snapshot; a patch only ever contains what the user
 * may see (visibility is recomputed on every pull, never trusted from the log), and an assignment
 * the user lost (revoke) is deleted together with its assessments. Unknown, malformed, future or
 * too-old cursors, and changes to the user's own account (role/office), answer a full reset.
 */
import type { Kysely, QueryExecutorProvider } from "kysely";
import {
  type Assignment,
  instrumentEntityId,
  type PatchOp,
  type PullResponse,
} from "../../domain/sync/protocol";
import { type ChangeRow, changesSince, currentSnapshot, horizonFloor, parseSnapshot } from "../db/changes";
import { findClient, recentRejections } from "../db/mutation-clients";
import {
  assessmentIdsOfAssignments,
  loadAssessmentStates,
  loadInstruments,
  loadPemda,
  loadPeriods,
  loadUnits,
  loadUsers,
  visibleAssignments,
} from "../db/sync-entities";
import { decodeCursor, encodeCursor } from "./cursor";
import type { SyncUser } from "./permissions";
import { heldRevisions, ownWrites, type PullPatchOp, withDeltas } from "./pull-delta";

/** A pull answer; `patch` holds `delta` ops only when the device asked for them (protocol 1.1). */
export type PullAnswer = Omit<PullResponse, "patch"> & { patch: PullPatchOp[] };
export type PullOutcome = { kind: "ok"; response: PullAnswer } | { kind: "client_mismatch" };

export interface PullOptions {
  /** The device applies `delta` ops for assessments it holds (X-Patuh-Protocol ≥ 1.1). */
  deltas?: boolean;
  /** The device replays its own acknowledged edits (X-Patuh-Protocol ≥ 1.2): they are not echoed. */
  replay?: boolean;
}

export async function pullChanges<DB>(
  db: Kysely<DB>,
  user: SyncUser,
  clientId: string,
  cursor: string | undefined,
  options: PullOptions = {},
): Promise<PullOutcome> {
  // The client's position is read once, inside the snapshot: it both guards against another
  // user's clientId and says which mutations the patch already contains.
  const response = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const snapshot = await currentSnapshot(trx);
      const position = await findClient(trx, clientId);
      if (position !== undefined && position.userId !== user.id) return null;
      const now = parseSnapshot(snapshot);
      const since = decodeCursor(cursor);
      const floor = await horizonFloor(trx);
      // A cursor from the future (another database, a restored backup) or from before the pruned
      // part of the log cannot be answered incrementally.
      let reset = since === null || now === null || since.xmax > now.xmax || since.xmin < floor;
      let patch: PullPatchOp[] = [];
      if (!reset && since !== null) {
        const incremental = await incrementalPatch(trx, user, since.snapshot);
        if (incremental === "reset") reset = true;
        else
          patch = options.deltas
            ? await withDeltas(
                trx,
                incremental.patch,
                heldRevisions(incremental.changes),
                options.replay ? ownWrites(incremental.changes, clientId) : undefined,
              )
            : incremental.patch;
      }
      if (reset) patch = await snapshotPatch(trx, user);
      // The mutation log position was read inside the snapshot: the patch already contains the
      // effects of every mutation up to it.
      const rejections = position === undefined ? [] : await recentRejections(trx, clientId);
      return {
        cursor: encodeCursor(snapshot),
        reset,
        lastMutationId: position?.lastMutationId ?? 0,
        patch,
        rejections,
      };
    });
  return response === null ? { kind: "client_mismatch" } : { kind: "ok", response };
}

interface Wanted {
  assignments: Map<string, Assignment>;
  assessmentIds: Set<string>;
  assessmentsOfAssignments: Set<string>;
  periods: Set<string>;
  users: Set<string>;
  pemda: Set<string>;
  units: Set<string>;
}

function emptyWanted(): Wanted {
  return {
    assignments: new Map(),
    assessmentIds: new Set(),
    assessmentsOfAssignments: new Set(),
    periods: new Set(),
    users: new Set(),
    pemda: new Set(),
    units: new Set(),
  };
}

/** An assignment brings everything a device needs to work on it. */
function wantAssignment(w: Wanted, a: Assignment): void {
  w.assignments.set(a.id, a);
  w.assessmentsOfAssignments.add(a.id);
  w.periods.add(a.periodId);
  w.pemda.add(a.pemdaId);
  w.units.add(a.unitId);
  for (const u of a.team) w.users.add(u);
}

async function snapshotPatch(db: QueryExecutorProvider, user: SyncUser): Promise<PatchOp[]> {
  const w = emptyWanted();
  for (const a of await visibleAssignments(db, user)) wantAssignment(w, a);
  w.users.add(user.id);
  return materialise(db, w, []);
}

async function incrementalPatch(
  db: QueryExecutorProvider,
  user: SyncUser,
  since: string,
): Promise<{ patch: PatchOp[]; changes: ChangeRow[] } | "reset"> {
  const changes = await changesSince(db, since);
  if (changes.length === 0) return { patch: [], changes };
  if (changes.some((c) => c.entityType === "user" && c.entityId === user.id)) return "reset";
  const visible = new Map((await visibleAssignments(db, user)).map((a) => [a.id, a]));
  const w = emptyWanted();
  const dels: PatchOp[] = [];
  const lost: string[] = [];
  const byType = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.entityType === "assignment") {
      const a = visible.get(c.entityId);
      if (a !== undefined) wantAssignment(w, a);
      else if (c.op === "del" || (c.op === "revoke" && c.userId === user.id)) lost.push(c.entityId);
      continue;
    }
    const set = byType.get(c.entityType) ?? new Set<string>();
    set.add(c.entityId);
    byType.set(c.entityType, set);
  }
  for (const id of new Set(lost)) {
    if (w.assignments.has(id)) continue;
    dels.push({ op: "del", type: "assignment", id });
    for (const assessmentId of await assessmentIdsOfAssignments(db, [id]))
      dels.push({ op: "del", type: "assessment", id: assessmentId });
  }
  const all = [...visible.values()];
  const referenced = {
    period: new Set(all.map((a) => a.periodId)),
    pemda: new Set(all.map((a) => a.pemdaId)),
    unit: new Set(all.map((a) => a.unitId)),
    user: new Set([user.id, ...all.flatMap((a) => a.team)]),
  };
  for (const id of byType.get("assessment") ?? []) w.assessmentIds.add(id);
  for (const id of byType.get("period") ?? []) if (referenced.period.has(id)) w.periods.add(id);
  for (const id of byType.get("pemda") ?? []) if (referenced.pemda.has(id)) w.pemda.add(id);
  for (const id of byType.get("unit") ?? []) if (referenced.unit.has(id)) w.units.add(id);
  for (const id of byType.get("user") ?? []) if (referenced.user.has(id)) w.users.add(id);
  const instrumentChanges = byType.get("instrument") ?? new Set<string>();
  return { patch: await materialise(db, w, dels, visible, instrumentChanges, referenced.period), changes };
}

/** Loads the wanted entities (filtered by visibility once more) and orders the patch. */
async function materialise(
  db: QueryExecutorProvider,
  w: Wanted,
  dels: PatchOp[],
  visible?: Map<string, Assignment>,
  instrumentChanges: Set<string> = new Set(),
  visiblePeriods: Set<string> = new Set(),
): Promise<PatchOp[]> {
  const patch: PatchOp[] = [];
  const periods = await loadPeriods(db, [...w.periods]);
  for (const p of periods) patch.push({ op: "put", type: "period", value: p });
  const instrumentKeys = new Set(periods.map((p) => instrumentEntityId(p.instrumentId, p.instrumentVersion)));
  if (instrumentChanges.size > 0) {
    // A changed instrument version matters only if a visible period uses it.
    for (const p of await loadPeriods(db, [...visiblePeriods])) {
      const key = instrumentEntityId(p.instrumentId, p.instrumentVersion);
      if (instrumentChanges.has(key)) instrumentKeys.add(key);
    }
  }
  for (const i of await loadInstruments(db, [...instrumentKeys]))
    patch.push({ op: "put", type: "instrument", value: i });
  for (const x of await loadPemda(db, [...w.pemda])) patch.push({ op: "put", type: "pemda", value: x });
  for (const x of await loadUnits(db, [...w.units])) patch.push({ op: "put", type: "unit", value: x });
  for (const x of await loadUsers(db, [...w.users])) patch.push({ op: "put", type: "user", value: x });
  for (const a of w.assignments.values()) patch.push({ op: "put", type: "assignment", value: a });
  const allowed = visible ?? w.assignments;
  const states = await loadAssessmentStates(db, [...w.assessmentIds], [...w.assessmentsOfAssignments]);
  for (const s of states)
    if (allowed.has(s.assignmentId)) patch.push({ op: "put", type: "assessment", value: s });
  return [...patch, ...dels];
}
