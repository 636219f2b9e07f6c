// Assessment summaries (table `assessmentSummaries`): one small row per assessment of the local view,
// so the home list, the sync bar's counters and the uploader never read whole states (a heavy device
// holds 500 checklists of 100+ answers each; scanning them on every tap took seconds on a phone).
//
// Invariant kept here: assessmentSummaries == assessments.map(summaryOf), in every committed state.
// A Dexie DBCore middleware mirrors EVERY write to `assessments` (put/add/delete/clear, from edits,
// pulls, upgrades or any future writer) into `assessmentSummaries` inside the same IndexedDB
// transaction, widening a readwrite transaction's scope to include the summaries store. So no Dexie
// code path can forget it, and a quota failure or abort rolls both back together. The one writer
// outside Dexie, the local edit (edit-transaction.ts), writes summaryOf(state) in its own transaction.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from "dexie";
import type { AssessmentSummaryRow, PatuhDb } from "./database";
import type { AssessmentState } from "./protocol-types";

export const SUMMARIES_TABLE = "assessmentSummaries";
const LOCAL_VIEW_TABLE = "assessments";

export function summaryOf(state: AssessmentState): AssessmentSummaryRow {
  return {
    id: state.id,
    assignmentId: state.assignmentId,
    unitId: state.unitId,
    pemdaId: state.pemdaId,
    periodId: state.periodId,
    status: state.status,
    conflicts: state.conflicts.length,
    evidence: state.evidence.map((e) => e.sha256),
    updatedAt: state.updatedAt,
  };
}

/**
 * The request that makes the summaries follow one write to the local view. `failed` lists the
 * positions of values whose write failed (only an add can fail per value: an existing key).
 */
function mirrorOf(req: DBCoreMutateRequest, failed: (i: number) => boolean): DBCoreMutateRequest | undefined {
  switch (req.type) {
    case "add":
    case "put": {
      const values = (req.values as AssessmentState[]).filter((_, i) => !failed(i)).map(summaryOf);
      return values.length > 0 ? { type: "put", trans: req.trans, values } : undefined;
    }
    case "delete":
      return { type: "delete", trans: req.trans, keys: req.keys };
    case "deleteRange":
      // Same primary keys in both tables, so the same range.
      return { type: "deleteRange", trans: req.trans, range: req.range };
  }
}

function mirroredTable(table: DBCoreTable, summaries: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      if (req.type === "add") {
        // An add may fail per value (existing key): mirror only what was written.
        const res = await table.mutate(req);
        const mirror = mirrorOf(req, (i) => res.failures[i] !== undefined);
        if (mirror) await summaries().mutate(mirror);
        return res;
      }
      // put/delete cannot fail per value here (no unique indexes): both requests are queued at once,
      // so the edit's transaction commits without an extra round trip. A failure aborts both.
      const mirror = mirrorOf(req, () => false);
      const [res] = await Promise.all([table.mutate(req), mirror ? summaries().mutate(mirror) : undefined]);
      return res;
    },
  };
}

export const summariesMiddleware: Middleware<DBCore> = {
  stack: "dbcore",
  name: "patuh-assessment-summaries",
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === "readwrite" && stores.includes(LOCAL_VIEW_TABLE) && !stores.includes(SUMMARIES_TABLE);
        return down.transaction(widen ? [...stores, SUMMARIES_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === LOCAL_VIEW_TABLE ? mirroredTable(table, () => down.table(SUMMARIES_TABLE)) : table;
      },
    };
  },
};

export function listSummaries(db: PatuhDb): Promise<AssessmentSummaryRow[]> {
  return db.assessmentSummaries.toArray();
}

/** Only the assessments with open conflicts (indexed: usually none are read). */
export function listSummariesWithConflicts(db: PatuhDb): Promise<AssessmentSummaryRow[]> {
  return db.assessmentSummaries.where("conflicts").above(0).toArray();
}

export async function countOpenConflicts(db: PatuhDb): Promise<number> {
  let total = 0;
  for (const s of await listSummariesWithConflicts(db)) total += s.conflicts;
  return total;
}
