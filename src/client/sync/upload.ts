// Sync step (a): upload the evidence blobs that pending edits (or the local view) refer to, before
// the edits that attach them are pushed.
//
// Invariants kept here:
// - order of need: the photos of a checklist being submitted go first, then the others in the order
//   their edits were made, so on a poor link what the supervisor needs arrives first;
// - resumable (protocol 1.1): every PUT is ranged; after a cut connection the device asks the
//   server how much arrived (HEAD → Upload-Offset) and sends only the rest. Large blobs (and those
//   cut before) are checked with HEAD first, so a blob the server already holds is not sent again;
//   small ones go straight away (on a slow link one round trip costs more than a small photo);
// - a blob becomes "uploaded" only after the server answered 200/201 to HEAD or PUT; the server
//   commits a resumed file only once all of it arrived and hashed right;
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

/** A blob this size or larger is checked with HEAD before it is sent (it may already be there). */
export const HEAD_FIRST_BYTES = 1_048_576;

/** Blobs whose last PUT broke off in this session: their next try starts with HEAD. */
const interrupted = new Set<string>();

/**
 * Hashes of blobs referenced by pending attachEvidence mutations or by the local view, each with
 * its rank in the order of need (lower first): photos of a checklist being submitted, then in the
 * order of the edits that attached them, then the rest.
 */
async function referencedHashes(db: PatuhDb): Promise<Map<string, number>> {
  const rank = new Map<string, number>();
  const submitting = new Set<string>();
  await db.outbox.each((row) => {
    if (row.mutation.name === "assessment.submit") submitting.add(row.mutation.args.assessmentId);
  });
  let n = 0;
  await db.outbox.each((row) => {
    if (row.mutation.name !== "assessment.attachEvidence") return;
    const sha = row.mutation.args.evidence.sha256;
    const order = (submitting.has(row.mutation.args.assessmentId) ? 0 : 1_000_000) + n++;
    rank.set(sha, Math.min(rank.get(sha) ?? Number.MAX_SAFE_INTEGER, order));
  });
  // Summaries carry the hashes: no whole state is read (the scan would hold up taps on the sheet).
  await db.assessmentSummaries.each((a) => {
    const base = a.status === "submitted" ? 0 : 2_000_000;
    for (const sha of a.evidence)
      rank.set(sha, Math.min(rank.get(sha) ?? Number.MAX_SAFE_INTEGER, base + n++));
  });
  return rank;
}

export interface UploadProgress {
  /** Bytes still to send in this run. */
  bytesLeft: number;
  /** Measured over this run's uploads so far; null before the first one finished. */
  bytesPerSecond: number | null;
  /** bytesLeft ÷ bytesPerSecond, rounded up; null while unknown. */
  etaSeconds: number | null;
}

/** Sends one blob, resuming where the server's copy ends. Returns when the server holds it all. */
async function sendBlob(transport: Transport, sha256: string, blob: Blob, mime: string): Promise<void> {
  let offset = 0;
  if (blob.size >= HEAD_FIRST_BYTES || interrupted.has(sha256)) {
    const known = await transport.uploadOffset(sha256);
    if (known === "stored") return;
    offset = known < blob.size ? known : 0;
  }
  try {
    await transport.putEvidence(sha256, blob, mime, offset);
  } catch (e) {
    if (e instanceof HttpError && e.code === "upload_offset_mismatch") {
      // The server holds another part already (e.g. from before an app restart): continue there.
      const at = Number(e.details.offset);
      await transport.putEvidence(sha256, blob, mime, Number.isSafeInteger(at) && at < blob.size ? at : 0);
      return;
    }
    if (e instanceof NetworkError) interrupted.add(sha256);
    throw e;
  }
  interrupted.delete(sha256);
}

const REFUSED_STATUSES = new Set([400, 413, 415]);

export async function uploadPendingEvidence(
  db: PatuhDb,
  transport: Transport,
  warn: (p: SyncProblem) => void,
  onProgress: (p: UploadProgress | null) => void = () => undefined,
  now: () => number = () => Date.now(),
): Promise<UploadOutcome> {
  const pending = await listEvidenceByState(db, "pending");
  if (pending.length === 0) return { uploaded: 0, failed: 0 };
  const rank = await referencedHashes(db);
  const queue = pending
    .filter((row) => rank.has(row.sha256))
    .sort((a, b) => (rank.get(a.sha256) ?? 0) - (rank.get(b.sha256) ?? 0));
  const outcome: UploadOutcome = { uploaded: 0, failed: 0 };
  let bytesLeft = queue.reduce((sum, row) => sum + row.blob.size, 0);
  let sent = 0;
  const started = now();
  const report = () => {
    const seconds = (now() - started) / 1000;
    const rate = sent > 0 && seconds > 0 ? sent / seconds : null;
    onProgress({
      bytesLeft,
      bytesPerSecond: rate,
      etaSeconds: rate === null ? null : Math.ceil(bytesLeft / rate),
    });
  };
  if (queue.length > 0) report();
  for (const row of queue) {
    try {
      await sendBlob(transport, row.sha256, row.blob, row.mime);
      await markEvidenceUploaded(db, row.sha256);
      outcome.uploaded += 1;
      bytesLeft -= row.blob.size;
      sent += row.blob.size;
      report();
    } catch (e) {
      if (!(e instanceof HttpError) || !REFUSED_STATUSES.has(e.status)) throw e;
      if (e.code === "hash_mismatch" && (await sha256Hex(row.blob)) === row.sha256) {
        // Our bytes still hash right, so they were damaged in transit: a retry can succeed.
        throw new NetworkError("evidence damaged in transit (hash_mismatch)", { cause: e });
      }
      await markEvidenceFailed(db, row.sha256, { status: e.status, code: e.code, message: e.message });
      outcome.failed += 1;
      bytesLeft -= row.blob.size;
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
