// Synced server entities (tables periods, instruments, pemda, units, assignments, users and
// serverAssessments): exactly what the last pulls said, never edited on the device.
//
// Invariants kept here:
// - rows hold the server's values unchanged (local edits live in the outbox and the local view);
// - a patch is applied inside the caller's single pull transaction (see pull-apply.ts), so readers
//   never see half a patch; `reset` clears every synced table first, in that same transaction.
import { type PatuhDb, REFERENCE_TABLES, TABLE_OF_TYPE } from "./database";
import type {
  Assignment,
  InstrumentRecord,
  PatchOp,
  Pemda,
  Period,
  PublicUser,
  Unit,
} from "./protocol-types";

/** Tables a pull transaction must include (with the local-view tables, see pull-apply.ts). */
export function syncedTables(db: PatuhDb) {
  return [db.periods, db.instruments, db.pemda, db.units, db.assignments, db.users, db.serverAssessments];
}

/** Splits "id@version" (instrumentEntityId) at its LAST "@": ids may contain "@", versions do not. */
export function parseInstrumentEntityId(entityId: string): [string, number] | null {
  const at = entityId.lastIndexOf("@");
  if (at <= 0) return null;
  const version = Number(entityId.slice(at + 1));
  return Number.isInteger(version) ? [entityId.slice(0, at), version] : null;
}

/**
 * Applies patch ops to the synced tables. Must run inside a rw transaction over syncedTables(db).
 * Returns the ids of assessments the patch touched (put or del).
 */
export async function applyPatch(
  db: PatuhDb,
  patch: readonly PatchOp[],
  reset: boolean,
): Promise<Set<string>> {
  if (reset) {
    for (const name of REFERENCE_TABLES) await db.table(name).clear();
    await db.serverAssessments.clear();
  }
  const touched = new Set<string>();
  for (const op of patch) {
    if (op.op === "del") {
      if (op.type === "assessment") {
        touched.add(op.id);
        await db.serverAssessments.delete(op.id);
      } else if (op.type === "instrument") {
        const key = parseInstrumentEntityId(op.id);
        if (key) await db.instruments.delete(key);
      } else {
        await db.table(TABLE_OF_TYPE[op.type]).delete(op.id);
      }
      continue;
    }
    switch (op.type) {
      case "assessment":
        touched.add(op.value.id);
        await db.serverAssessments.put(op.value);
        break;
      case "instrument":
        await db.instruments.put(op.value);
        break;
      case "period":
        await db.periods.put(op.value);
        break;
      case "pemda":
        await db.pemda.put(op.value);
        break;
      case "unit":
        await db.units.put(op.value);
        break;
      case "assignment":
        await db.assignments.put(op.value);
        break;
      case "user":
        await db.users.put(op.value);
        break;
    }
  }
  return touched;
}

// Read helpers for the UI's hooks (wrap them in Dexie's liveQuery to follow changes).

export const listPeriods = (db: PatuhDb): Promise<Period[]> => db.periods.toArray();
export const listAssignments = (db: PatuhDb): Promise<Assignment[]> => db.assignments.toArray();
export const listAssignmentsOfPeriod = (db: PatuhDb, periodId: string): Promise<Assignment[]> =>
  db.assignments.where("periodId").equals(periodId).toArray();
export const getAssignment = (db: PatuhDb, id: string): Promise<Assignment | undefined> =>
  db.assignments.get(id);
export const getUnit = (db: PatuhDb, id: string): Promise<Unit | undefined> => db.units.get(id);
export const listUnitsOfPemda = (db: PatuhDb, pemdaId: string): Promise<Unit[]> =>
  db.units.where("pemdaId").equals(pemdaId).toArray();
export const getPemda = (db: PatuhDb, id: string): Promise<Pemda | undefined> => db.pemda.get(id);
export const listPemda = (db: PatuhDb): Promise<Pemda[]> => db.pemda.toArray();
export const getUser = (db: PatuhDb, id: string): Promise<PublicUser | undefined> => db.users.get(id);
export const getInstrument = (
  db: PatuhDb,
  id: string,
  version: number,
): Promise<InstrumentRecord | undefined> => db.instruments.get([id, version]);
