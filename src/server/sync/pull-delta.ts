/**
 * Incremental pull, server side (protocol step 1.1; docs/api.md "Incremental pull"): turns the
 * whole-state `put`s of a pull into `delta` ops for a device that announced it can apply them and
 * already holds the assessment.
 *
 * Owns: deciding, per assessment, delta or whole state.
 * Invariants: a delta is sent only when the revision the device holds is known exactly (the
 * smallest `from_revision` among the change-log rows its cursor did not see, none of them an
 * insert), the key map covers every revision after it (`delta_since` ≤ it), the device is at most
 * MAX_DELTA_REVISIONS behind, and the delta is clearly smaller than the state; otherwise the whole
 * state goes, exactly as protocol v1. Runs in the pull's snapshot, so the keys and the state agree.
 * Protocol 1.2 (migration 010): when every change the device has not seen was made by that device's
 * own pushes, a `replay` delta goes instead: no values, only what the server alone decides (revision,
 * times, status, conflicts) and the state's fingerprint; the device rebuilds the rest from its own
 * acknowledged edits and checks the fingerprint (src/client/db/pull-delta.ts).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { type AssessmentDeltaOp, buildDelta, buildReplayDelta } from "../../domain/sync/delta";
import type { AssessmentState, PatchOp } from "../../domain/sync/protocol";
import type { ChangeRow } from "../db/changes";

/** A device further behind than this gets the whole state ("fallen too far behind"). */
export const MAX_DELTA_REVISIONS = 200;
/** A delta must be at most this share of the whole state's size to be worth a special case. */
const MAX_DELTA_SHARE = 0.6;

export type PullPatchOp = PatchOp | AssessmentDeltaOp;

/** Assessments whose every change in `changes` was written by `clientId`'s own pushes. */
export function ownWrites(changes: readonly ChangeRow[], clientId: string): Set<string> {
  const own = new Set<string>();
  const foreign = new Set<string>();
  for (const c of changes) {
    if (c.entityType !== "assessment") continue;
    if (c.clientId === clientId && c.op === "put") own.add(c.entityId);
    else foreign.add(c.entityId);
  }
  for (const id of foreign) own.delete(id);
  return own;
}

/** Per assessment: the revision the device holds, or null when it cannot be known (insert, old log). */
export function heldRevisions(changes: readonly ChangeRow[]): Map<string, number | null> {
  const held = new Map<string, number | null>();
  for (const c of changes) {
    if (c.entityType !== "assessment") continue;
    const seen = held.get(c.entityId);
    if (seen === null) continue;
    if (c.fromRevision === null || c.op !== "put") held.set(c.entityId, null);
    else held.set(c.entityId, seen === undefined ? c.fromRevision : Math.min(seen, c.fromRevision));
  }
  return held;
}

async function loadDeltaKeys(
  db: QueryExecutorProvider,
  ids: readonly string[],
): Promise<Map<string, { keys: Record<string, number>; since: number }>> {
  const out = new Map<string, { keys: Record<string, number>; since: number }>();
  if (ids.length === 0) return out;
  const r = await sql<{ id: string; delta_keys: Record<string, number> | null; delta_since: number | null }>`
    select id, delta_keys, delta_since from assessments
    where id = any(${[...ids]}::uuid[]) and delta_keys is not null and delta_since is not null`.execute(db);
  for (const x of r.rows) {
    if (x.delta_keys !== null && x.delta_since !== null)
      out.set(x.id, { keys: x.delta_keys, since: x.delta_since });
  }
  return out;
}

/**
 * `patch` with the `put assessment` ops of `held` assessments replaced by deltas where possible.
 * Assessments of an assignment put in the same patch always go whole: the assignment may come back
 * to a device that deleted it (team re-joined) together with its assessments.
 */
export async function withDeltas(
  db: QueryExecutorProvider,
  patch: readonly PatchOp[],
  held: ReadonlyMap<string, number | null>,
  replayable: ReadonlySet<string> = new Set(),
): Promise<PullPatchOp[]> {
  const candidates: string[] = [];
  const assignmentsPut = new Set(
    patch.flatMap((op) => (op.op === "put" && op.type === "assignment" ? [op.value.id] : [])),
  );
  for (const op of patch) {
    if (op.op !== "put" || op.type !== "assessment") continue;
    const from = held.get(op.value.id);
    if (assignmentsPut.has(op.value.assignmentId)) continue;
    if (from !== undefined && from !== null && op.value.revision - from <= MAX_DELTA_REVISIONS)
      candidates.push(op.value.id);
  }
  if (candidates.length === 0) return [...patch];
  const maps = await loadDeltaKeys(
    db,
    candidates.filter((id) => !replayable.has(id)),
  );
  return patch.map((op) => {
    if (op.op !== "put" || op.type !== "assessment") return op;
    const state: AssessmentState = op.value;
    const from = held.get(state.id);
    const map = maps.get(state.id);
    if (!candidates.includes(state.id)) return op;
    if (replayable.has(state.id) && from !== undefined && from !== null && from < state.revision)
      return buildReplayDelta(state, from);
    if (from === undefined || from === null || map === undefined) return op;
    if (from < map.since || from >= state.revision) return op;
    const keys = Object.entries(map.keys)
      .filter(([, revision]) => revision > from)
      .map(([k]) => k);
    const delta = buildDelta(state, from, keys);
    // Far behind on a busy checklist: the whole state is about as small, and simpler to apply.
    if (JSON.stringify(delta).length > MAX_DELTA_SHARE * JSON.stringify(state).length) return op;
    return delta;
  });
}
