// Where each assessment stands with the server, computed from rows already read: pure, no Dexie, so
// the same rule serves the live home (through Dexie) and its first paint (raw IndexedDB,
// home-read.ts) and the two can never tell an assessor different states.
import type { AssessmentState } from "./protocol-types";

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

/** The few fields of an assessment the sync state needs (its summary row has them). */
export interface SummaryFields {
  id: string;
  status: AssessmentState["status"];
  conflicts: number;
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

export function syncInfoOf(
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

/** The rows one read of the device gives (summaries, server keys, sync times, outbox, open rejections). */
export interface SyncInfoRows {
  summaries: readonly SummaryFields[];
  serverIds: readonly string[];
  synced: readonly { id: string; lastSyncedAt: string | null }[];
  /** One entry per outbox row: the assessment it edits. */
  pendingAssessmentIds: readonly string[];
  /** Rejections not yet dismissed. */
  openRejections: readonly { assessmentId: string }[];
}

/** Per assessment (in the summaries' order): its sync state and counts. */
export function syncInfoFromRows(rows: SyncInfoRows): AssessmentSyncInfo[] {
  const onServer = new Set(rows.serverIds);
  const syncedAt = new Map(rows.synced.map((s) => [s.id, s.lastSyncedAt]));
  const pending = tally(rows.pendingAssessmentIds.map(String));
  const rejections = tally(rows.openRejections.map((r) => r.assessmentId));
  return rows.summaries.map((a) =>
    syncInfoOf(
      a,
      pending.get(a.id) ?? 0,
      onServer.has(a.id),
      syncedAt.get(a.id) ?? null,
      rejections.get(a.id) ?? 0,
    ),
  );
}

function tally(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
