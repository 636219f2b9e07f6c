/**
 * The stored photo's own capture time (its EXIF), recorded once when the file is stored, and the
 * review's check of it against the time the device says the photo was attached (issue #16 item 7:
 * attached metadata checked against the stored file; type and size are checked in push-checks.ts).
 *
 * Invariant: this never refuses anything. A camera's clock can be wrong and a file may carry no
 * time; a gap beyond CAPTURE_TOLERANCE_MS is a mark for the reviewer (a gallery photo from another
 * day), not a rejection of the assessor's work.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import {
  CAPTURE_TOLERANCE_MS,
  captureGapMs,
  captureInstant,
  readCaptureTime,
} from "../../domain/evidence/exif-time";
import type { BlobStore } from "./blob-store";

/** Reads a just-stored JPEG's EXIF time and keeps it on its row; any failure leaves it unknown. */
export async function recordCaptureTime(
  db: QueryExecutorProvider,
  store: BlobStore,
  evidence: { sha256: string; mime: string },
): Promise<void> {
  if (evidence.mime !== "image/jpeg") return;
  const bytes = await store.get(evidence.sha256).catch(() => null);
  const time = bytes ? readCaptureTime(bytes) : null;
  if (!time) return;
  await sql`update evidence set captured_at = ${captureInstant(time)}::timestamptz
            where sha256 = ${evidence.sha256} and captured_at is null`.execute(db);
}

export interface EvidenceCheck {
  key: string;
  sha256: string;
  /** The file's own capture time (UTC ISO), or null when it carries none. */
  capturedAt: string | null;
  /** Hours from capture to the device's attach time (positive: taken earlier), or null. */
  gapHours: number | null;
  /** The gap is beyond a day either way: the reviewer is shown a warning. */
  mismatch: boolean;
}

/** One check per evidence reference of an assessment (GET /assessments/{id} `evidenceChecks`). */
export async function evidenceChecks(
  db: QueryExecutorProvider,
  evidence: readonly { key: string; sha256: string; takenAt: string }[],
): Promise<EvidenceCheck[]> {
  const hashes = [...new Set(evidence.map((e) => e.sha256))];
  const captured = new Map<string, string>();
  if (hashes.length > 0) {
    const r = await sql<{ sha256: string; captured_at: Date | string }>`
      select sha256, captured_at from evidence
      where sha256 = any(${hashes}::text[]) and captured_at is not null`.execute(db);
    for (const row of r.rows) captured.set(row.sha256, new Date(row.captured_at).toISOString());
  }
  return evidence.map((e) => {
    const capturedAt = captured.get(e.sha256) ?? null;
    const gap = captureGapMs(capturedAt, e.takenAt);
    return {
      key: e.key,
      sha256: e.sha256,
      capturedAt,
      gapHours: gap === null ? null : Math.round(gap / 360_000) / 10,
      mismatch: gap !== null && Math.abs(gap) > CAPTURE_TOLERANCE_MS,
    };
  });
}
