// Reading assessments for the UI: the local view (server state + pending edits) and, per
// assessment, where it stands with the server.
//
// Invariant kept: read-only. The local view is written only by edits.ts (one edit) and
// pull-apply.ts (rebuild after a pull), each in one transaction; the UI reads it through these
// functions (wrapped in Dexie's liveQuery by the UI's hooks), never the outbox directly.

import type { Conflict } from "../../domain/sync";
import type { AssessmentSummaryRow, PatuhDb } from "./database";
import { pendingAssessmentIds } from "./outbox";
import type { AssessmentState } from "./protocol-types";
import { listSummaries, listSummariesWithConflicts } from "./summaries";
import { type AssessmentSyncInfo, type SummaryFields, syncInfoFromRows, syncInfoOf } from "./sync-info";

export type { AssessmentSyncInfo, AssessmentSyncState } from "./sync-info";
export { syncStateOf } from "./sync-info";

export function getAssessment(db: PatuhDb, id: string): Promise<AssessmentState | undefined> {
  return db.assessments.get(id);
}

export function listAssessments(db: PatuhDb): Promise<AssessmentState[]> {
  return db.assessments.toArray();
}

/** One small row per assessment (status, conflicts count, ids, updatedAt): what lists read. */
export function listAssessmentSummaries(db: PatuhDb): Promise<AssessmentSummaryRow[]> {
  return listSummaries(db);
}

export function listAssessmentsOfAssignment(db: PatuhDb, assignmentId: string): Promise<AssessmentState[]> {
  return db.assessments.where("assignmentId").equals(assignmentId).toArray();
}

/** The server's own copy, as last pulled (e.g. to show "on the server: …" next to a conflict). */
export function getServerAssessment(db: PatuhDb, id: string): Promise<AssessmentState | undefined> {
  return db.serverAssessments.get(id);
}

export async function getAssessmentSyncInfo(
  db: PatuhDb,
  id: string,
): Promise<AssessmentSyncInfo | undefined> {
  return db.transaction(
    "r",
    [db.assessments, db.serverAssessments, db.outbox, db.assessmentSync, db.rejections],
    async () => {
      const local = await db.assessments.get(id);
      if (!local) return undefined;
      const [pendingCount, server, synced, rejections] = await Promise.all([
        db.outbox.where("assessmentId").equals(id).count(),
        db.serverAssessments.get(id),
        db.assessmentSync.get(id),
        db.rejections
          .where("assessmentId")
          .equals(id)
          .filter((r) => r.dismissed === 0)
          .count(),
      ]);
      return syncInfoOf(
        summaryFields(local),
        pendingCount,
        server !== undefined,
        synced?.lastSyncedAt ?? null,
        rejections,
      );
    },
  );
}

/** Per assessment: its sync state and counts. `summaries` may be passed when the caller read them already. */
export async function listAssessmentSyncInfo(
  db: PatuhDb,
  summaries?: readonly AssessmentSummaryRow[],
): Promise<AssessmentSyncInfo[]> {
  return db.transaction(
    "r",
    [db.assessmentSummaries, db.serverAssessments, db.outbox, db.assessmentSync, db.rejections],
    async () => {
      // Summaries, keys and outbox rows only: no full state is read (this runs on every change the home sees).
      const [locals, serverIds, synced, pendingIds, openRejections] = await Promise.all([
        summaries ?? listSummaries(db),
        db.serverAssessments.toCollection().primaryKeys(),
        db.assessmentSync.toArray(),
        pendingAssessmentIds(db),
        db.rejections.where("dismissed").equals(0).toArray(),
      ]);
      return syncInfoFromRows({
        summaries: locals,
        serverIds,
        synced,
        pendingAssessmentIds: pendingIds,
        openRejections,
      });
    },
  );
}

/** Open conflicts across the device's assessments, for the "needs attention" list. */
export async function listConflicts(db: PatuhDb): Promise<{ assessmentId: string; conflict: Conflict }[]> {
  return db.transaction("r", [db.assessmentSummaries, db.assessments], async () => {
    // The index finds the few assessments with conflicts; only those full states are read.
    const ids = (await listSummariesWithConflicts(db)).map((s) => s.id);
    const out: { assessmentId: string; conflict: Conflict }[] = [];
    for (const a of await db.assessments.bulkGet(ids)) {
      for (const conflict of a?.conflicts ?? []) out.push({ assessmentId: a?.id ?? "", conflict });
    }
    return out;
  });
}

function summaryFields(a: AssessmentState): SummaryFields {
  return { id: a.id, status: a.status, conflicts: a.conflicts.length };
}
