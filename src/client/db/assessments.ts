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

/**
 * - draft: exists only on this device so far (created here, not yet acknowledged);
 * - unsynced: known to the server, with edits on this device not yet acknowledged;
 * - synced: a draft whose every edit the server has;
 * - submitted / returned / approved: the server's status, nothing pending.
 */
export type AssessmentSyncState = "draft" | "unsynced" | "synced" | "submitted" | "returned" | "approved";

export interface AssessmentSyncInfo {
  assessmentId: string;
  pendingCount: number;
  /** Last time the device confirmed this assessment with the server; null if never. */
  lastSyncedAt: string | null;
  state: AssessmentSyncState;
  /** Open conflicts (another device or person wrote the same answer or note). */
  conflicts: number;
  /** Rejected edits not yet dismissed. */
  rejections: number;
}

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

export function syncStateOf(
  status: AssessmentState["status"],
  pendingCount: number,
  onServer: boolean,
): AssessmentSyncState {
  // A sheet the assessor submitted (or that was returned or approved) says so on the home too, at
  // once and offline: the home and the sheet tell the same state, and unsent edits are counted
  // beside it ("Diajukan · 12 perubahan belum terkirim"), not instead of it.
  if (status !== "draft") return status;
  if (pendingCount > 0) return onServer ? "unsynced" : "draft";
  return "synced";
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
      return info(
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
      const [locals, serverIds, synced, pendingIds, rejected] = await Promise.all([
        summaries ?? listSummaries(db),
        db.serverAssessments.toCollection().primaryKeys(),
        db.assessmentSync.toArray(),
        pendingAssessmentIds(db),
        db.rejections.where("dismissed").equals(0).toArray(),
      ]);
      const onServer = new Set(serverIds);
      const syncedAt = new Map(synced.map((s) => [s.id, s.lastSyncedAt]));
      const pending = tally(pendingIds.map(String));
      const rejections = tally(rejected.map((r) => r.assessmentId));
      return locals.map((a) =>
        info(
          a,
          pending.get(a.id) ?? 0,
          onServer.has(a.id),
          syncedAt.get(a.id) ?? null,
          rejections.get(a.id) ?? 0,
        ),
      );
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

type SummaryFields = Pick<AssessmentSummaryRow, "id" | "status" | "conflicts">;

function summaryFields(a: AssessmentState): SummaryFields {
  return { id: a.id, status: a.status, conflicts: a.conflicts.length };
}

function info(
  a: SummaryFields,
  pendingCount: number,
  onServer: boolean,
  lastSyncedAt: string | null,
  rejections: number,
): AssessmentSyncInfo {
  return {
    assessmentId: a.id,
    pendingCount,
    lastSyncedAt,
    state: syncStateOf(a.status, pendingCount, onServer),
    conflicts: a.conflicts,
    rejections,
  };
}

function tally(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
