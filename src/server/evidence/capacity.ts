/**
 * Evidence capacity: per-user and per-office storage quotas and the free-space reserve of the
 * disk that holds the data directory.
 *
 * Owns the order of refusals for an upload (all 507, so a device keeps the photo and retries later
 * instead of marking it failed): the disk reserve (`insufficient_storage`: refused BEFORE the disk
 * is full, so PostgreSQL/PGlite and the blobs already acknowledged keep room to work), then the
 * user's quota, then the office's (`quota_exceeded`). A blob already stored costs nothing.
 * Charged to its FIRST uploader (evidence.uploaded_by) and that user's office: the same photo sent
 * again by a colleague is free.
 */
import { statfs } from "node:fs/promises";
import { type QueryExecutorProvider, sql } from "kysely";
import type { Limits } from "../config";

/** Bytes free for an unprivileged writer on the file system holding `dir`, or null if unknown. */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

export type CapacityVerdict =
  | { ok: true }
  | { ok: false; code: "insufficient_storage"; freeBytes: number }
  | { ok: false; code: "quota_exceeded"; scope: "user" | "office"; usedBytes: number; limitBytes: number };

export async function checkUploadCapacity(
  db: QueryExecutorProvider,
  user: { id: string; officeId: string },
  dir: string,
  /** The declared Content-Length, or null for a chunked upload of unknown size. */
  declaredBytes: number | null,
  limits: Pick<
    Limits,
    "evidenceBytes" | "evidenceBytesPerUser" | "evidenceBytesPerOffice" | "minFreeDiskBytes"
  >,
): Promise<CapacityVerdict> {
  // The disk reserve assumes the worst for an unknown size; a quota counts what is declared (an
  // undeclared upload can overrun a quota by at most one photo, never the disk).
  const incomingBytes = declaredBytes ?? 0;
  const free = await freeBytes(dir);
  if (free !== null && free - (declaredBytes ?? limits.evidenceBytes) < limits.minFreeDiskBytes) {
    return { ok: false, code: "insufficient_storage", freeBytes: free };
  }
  const r = await sql<{ mine: string; office: string }>`
    select coalesce(sum(e.bytes) filter (where e.uploaded_by = ${user.id}), 0)::text as mine,
           coalesce(sum(e.bytes), 0)::text as office
    from evidence e join users u on u.id = e.uploaded_by
    where u.office_id = ${user.officeId}`.execute(db);
  const mine = Number(r.rows[0]?.mine ?? 0);
  const office = Number(r.rows[0]?.office ?? 0);
  if (mine + incomingBytes > limits.evidenceBytesPerUser) {
    return {
      ok: false,
      code: "quota_exceeded",
      scope: "user",
      usedBytes: mine,
      limitBytes: limits.evidenceBytesPerUser,
    };
  }
  if (office + incomingBytes > limits.evidenceBytesPerOffice) {
    return {
      ok: false,
      code: "quota_exceeded",
      scope: "office",
      usedBytes: office,
      limitBytes: limits.evidenceBytesPerOffice,
    };
  }
  return { ok: true };
}

/** ENOSPC / EDQUOT from the file system: the disk (or the OS quota) is full. */
export function isDiskFull(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === "ENOSPC" || code === "EDQUOT";
}
