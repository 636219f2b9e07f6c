/**
 * The sweep of unreferenced evidence: blobs that no assessment references, whose last upload is
 * older than the grace period, are deleted — rows first, bytes after.
 *
 * Why a grace period: a device uploads a photo and pushes the `attachEvidence` a little later
 * (on a poor link, much later); the blob must survive that gap. SWEEP_GRACE_MS is generous (a week
 * of being offline after an upload is normal in the field).
 * Invariants: "row ⇒ bytes" holds throughout (the row goes in a transaction that re-checks that
 * nothing references the blob, then the bytes); a blob attached after its row went is simply
 * "not uploaded" again, and the device's HEAD → PUT brings it back.
 */
import { sql } from "kysely";
import { writeAudit } from "../audit/audit-log";
import type { Db } from "../db/connection";
import type { BlobStore } from "./blob-store";

export const SWEEP_GRACE_MS = 7 * 24 * 60 * 60 * 1000;
const BATCH = 500;

export async function sweepUnreferencedEvidence(
  db: Db,
  store: BlobStore,
  now: Date,
  graceMs: number = SWEEP_GRACE_MS,
): Promise<{ deleted: number; bytes: number }> {
  const before = new Date(now.getTime() - graceMs);
  let deleted = 0;
  let bytes = 0;
  for (;;) {
    const gone = await db.transaction().execute(async (trx) => {
      const r = await sql<{ sha256: string; bytes: number }>`
        with doomed as (
          select e.sha256 from evidence e
          where not exists (select 1 from assessment_evidence ae where ae.sha256 = e.sha256)
            and not exists (select 1 from evidence_uploaders u where u.sha256 = e.sha256 and u.uploaded_at > ${before})
            and e.stored_at <= ${before}
          order by e.sha256 limit ${BATCH}
          for update skip locked),
        u as (delete from evidence_uploaders where sha256 in (select sha256 from doomed))
        delete from evidence where sha256 in (select sha256 from doomed) returning sha256, bytes`.execute(
        trx,
      );
      return r.rows;
    });
    for (const row of gone) {
      await store.delete(row.sha256);
      deleted++;
      bytes += Number(row.bytes);
    }
    if (gone.length < BATCH) break;
  }
  // One audit row per sweep that deleted something: evidence leaving the server is accounted for.
  if (deleted > 0) {
    await writeAudit(db, {
      at: now,
      actorId: null,
      actorUsername: "system",
      action: "evidence.sweep",
      outcome: "success",
      detail: { deleted, bytes },
    });
  }
  return { deleted, bytes };
}
