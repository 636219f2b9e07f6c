// Rejected mutations (table `rejections`): what the server refused to apply, kept so the UI can say
// so in words ("Jawaban untuk PR.01 ditolak: penilaian sudah dikirim").
//
// Invariants kept here:
// - keyed by mutation id: the same rejection reported by push and again by pull is stored once;
// - written in the same transaction that removes the rejected entry from the outbox, so a refused
//   edit is never silently dropped;
// - never deleted automatically: the user dismisses it (dismissed = 1), the row stays for the record.
import type { OutboxRow, PatuhDb, RejectionRow } from "./database";

export interface RejectionInput {
  mutationId: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Records rejections; `outboxRows` (when still present) supply the assessment and mutation name.
 * A rejection already stored keeps its dismissed flag and first receivedAt.
 */
export async function recordRejections(
  db: PatuhDb,
  rejections: readonly RejectionInput[],
  outboxRows: ReadonlyMap<number, OutboxRow>,
  nowIso: string,
): Promise<void> {
  if (rejections.length === 0) return;
  const existing = await db.rejections.bulkGet(rejections.map((r) => r.mutationId));
  const rows: RejectionRow[] = [];
  rejections.forEach((r, i) => {
    const prev = existing[i];
    const source = outboxRows.get(r.mutationId);
    rows.push({
      mutationId: r.mutationId,
      assessmentId: prev?.assessmentId || source?.assessmentId || "",
      mutationName: prev?.mutationName || source?.mutation.name || "",
      code: r.code,
      message: r.message,
      ...(r.details === undefined ? {} : { details: r.details }),
      receivedAt: prev?.receivedAt ?? nowIso,
      dismissed: prev?.dismissed ?? 0,
    });
  });
  await db.rejections.bulkPut(rows);
}

/** Rejections not yet dismissed, newest mutation first. */
export async function listRejections(
  db: PatuhDb,
  options: { includeDismissed?: boolean } = {},
): Promise<RejectionRow[]> {
  const rows = options.includeDismissed
    ? await db.rejections.toArray()
    : await db.rejections.where("dismissed").equals(0).toArray();
  return rows.sort((a, b) => b.mutationId - a.mutationId);
}

export function listRejectionsFor(db: PatuhDb, assessmentId: string): Promise<RejectionRow[]> {
  return db.rejections.where("assessmentId").equals(assessmentId).sortBy("mutationId");
}

export async function dismissRejection(db: PatuhDb, mutationId: number): Promise<void> {
  await db.rejections.update(mutationId, { dismissed: 1 });
}
