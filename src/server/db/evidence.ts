/**
 * Queries of evidence (stored blobs' metadata), evidence_uploaders and assessment_evidence.
 *
 * Owns: which blobs are stored, who uploaded them, and which assessments reference which blob.
 * Invariant: an `evidence` row exists only after its bytes are durably in the BlobStore (the row is
 * written after the atomic rename), so "row present" implies "bytes present".
 * assessment_evidence mirrors each assessment's evidence list and is rewritten in the same
 * transaction as the assessment state.
 */
import { type QueryExecutorProvider, sql } from "kysely";

/** Returns true when this call stored the row (first upload), false when it was already there. */
export async function recordEvidence(
  db: QueryExecutorProvider,
  e: { sha256: string; mime: string; bytes: number; userId: string },
): Promise<boolean> {
  const r = await sql<{ sha256: string }>`
    insert into evidence (sha256, mime, bytes, uploaded_by) values (${e.sha256}, ${e.mime}, ${e.bytes}, ${e.userId})
    on conflict (sha256) do nothing returning sha256`.execute(db);
  // uploaded_at moves on each upload: the sweep's grace period runs from the LAST one.
  await sql`insert into evidence_uploaders (sha256, user_id) values (${e.sha256}, ${e.userId})
            on conflict (sha256, user_id) do update set uploaded_at = now()`.execute(db);
  return r.rows.length > 0;
}

export async function findEvidence(
  db: QueryExecutorProvider,
  sha256: string,
): Promise<{ mime: string; bytes: number } | undefined> {
  const r = await sql<{
    mime: string;
    bytes: number;
  }>`select mime, bytes from evidence where sha256 = ${sha256}`.execute(db);
  return r.rows[0];
}

/** Which of these hashes are not stored yet. */
export async function missingEvidence(
  db: QueryExecutorProvider,
  hashes: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return [];
  const r = await sql<{
    sha256: string;
  }>`select sha256 from evidence where sha256 = any(${unique}::text[])`.execute(db);
  const stored = new Set(r.rows.map((x) => x.sha256));
  return unique.filter((h) => !stored.has(h));
}

export async function replaceAssessmentEvidence(
  db: QueryExecutorProvider,
  assessmentId: string,
  hashes: readonly string[],
): Promise<void> {
  const unique = [...new Set(hashes)];
  await sql`delete from assessment_evidence where assessment_id = ${assessmentId}
            and not (sha256 = any(${unique}::text[]))`.execute(db);
  if (unique.length > 0) {
    await sql`insert into assessment_evidence (assessment_id, sha256)
              select ${assessmentId}, h from unnest(${unique}::text[]) as h on conflict do nothing`.execute(
      db,
    );
  }
}

/** The assessments that reference a blob (for the read permission of GET /evidence). */
export async function assessmentsReferencing(db: QueryExecutorProvider, sha256: string): Promise<string[]> {
  const r = await sql<{ assessment_id: string }>`
    select assessment_id from assessment_evidence where sha256 = ${sha256}`.execute(db);
  return r.rows.map((x) => x.assessment_id);
}
