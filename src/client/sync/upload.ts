// Sync step (a): upload the evidence blobs that pending edits (or the local view) refer to, before
// the edits that attach them are pushed.
//
// Invariants kept here:
// - HEAD before PUT: a blob the server already holds (a retry after a cut connection, or the same
//   photo from another device) is never sent twice;
// - a blob becomes "uploaded" only after the server answered 200/201 to HEAD or PUT, so a transfer
//   cut halfway is simply sent again (the server hashes the body and never keeps a partial one);
// - a blob the server refuses for what it is (413 too large, 415 wrong type, 400 invalid) is marked
//   failed with the server's words and not retried in a loop; the blob stays on the device. A 400
//   hash_mismatch is retried only if the stored bytes still hash to their key (damage in transit).
import type { PatuhDb } from "../db/database";
import { listEvidenceByState, markEvidenceFailed, markEvidenceUploaded, sha256Hex } from "../db/evidence";
import { problem, type SyncProblem } from "./messages";
import { HttpError, NetworkError, type Transport } from "./transport";

export interface UploadOutcome {
  uploaded: number;
  failed: number;
}

/** Hashes of blobs referenced by pending attachEvidence mutations or by the local view. */
async function referencedHashes(db: PatuhDb): Promise<Set<string>> {
  const hashes = new Set<string>();
  await db.outbox.each((row) => {
    if (row.mutation.name === "assessment.attachEvidence") hashes.add(row.mutation.args.evidence.sha256);
  });
  // Summaries carry the hashes: no whole state is read (the scan would hold up taps on the sheet).
  await db.assessmentSummaries.each((a) => {
    for (const sha of a.evidence) hashes.add(sha);
  });
  return hashes;
}

const REFUSED_STATUSES = new Set([400, 413, 415]);

export async function uploadPendingEvidence(
  db: PatuhDb,
  transport: Transport,
  warn: (p: SyncProblem) => void,
): Promise<UploadOutcome> {
  const pending = await listEvidenceByState(db, "pending");
  if (pending.length === 0) return { uploaded: 0, failed: 0 };
  const wanted = await referencedHashes(db);
  const outcome: UploadOutcome = { uploaded: 0, failed: 0 };
  for (const row of pending) {
    if (!wanted.has(row.sha256)) continue;
    try {
      if (!(await transport.headEvidence(row.sha256))) {
        await transport.putEvidence(row.sha256, row.blob, row.mime);
      }
      await markEvidenceUploaded(db, row.sha256);
      outcome.uploaded += 1;
    } catch (e) {
      if (!(e instanceof HttpError) || !REFUSED_STATUSES.has(e.status)) throw e;
      if (e.code === "hash_mismatch" && (await sha256Hex(row.blob)) === row.sha256) {
        // Our bytes still hash right, so they were damaged in transit: a retry can succeed.
        throw new NetworkError("evidence damaged in transit (hash_mismatch)", { cause: e });
      }
      await markEvidenceFailed(db, row.sha256, { status: e.status, code: e.code, message: e.message });
      outcome.failed += 1;
      const key =
        e.status === 413
          ? "evidence_too_large"
          : e.status === 415
            ? "evidence_bad_type"
            : "evidence_rejected";
      warn(problem(key, e.code, `${row.sha256.slice(0, 12)}…: ${e.message}`));
    }
  }
  return outcome;
}
