// Evidence blobs (table `evidence`): photos and documents kept on the device until uploaded, and after.
//
// Invariants kept here:
// - content-addressed: the key is the SHA-256 of the bytes, so storing the same photo twice is free
//   and an existing row is never overwritten with other bytes;
// - one transaction per write; a quota failure surfaces as StorageFullError with nothing stored;
// - stored as a Blob, or as bytes where IndexedDB refuses Blobs (evidence-storage.ts); read as a Blob;
// - uploadState moves pending → uploaded (server said 200/201) or pending → failed (server refused
//   the file: 413/415/400, with its words); a failed blob is not retried until retryEvidence().
import type { EvidenceRow, PatuhDb, UploadState } from "./database";
import { guardStorage, StorageFullError } from "./errors";
import { blobsRefusedHere, noteBlobsRefused, type StoredEvidenceRow, storedShape } from "./evidence-storage";

export interface EvidenceMeta {
  /** Defaults to blob.type. */
  mime?: string;
  width?: number;
  height?: number;
}

export interface StoredEvidence {
  sha256: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  /** false when the same bytes were already stored. */
  created: boolean;
}

/** Lower-case hex SHA-256 of a blob, as the server's evidence path expects it. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Stores a blob under its SHA-256 (idempotent). Hashing happens before the transaction: IndexedDB
 * transactions auto-commit while awaiting non-IDB promises such as crypto.subtle.
 */
export async function storeEvidence(
  db: PatuhDb,
  blob: Blob,
  meta: EvidenceMeta = {},
  nowIso: string = new Date().toISOString(),
): Promise<StoredEvidence> {
  const sha256 = await sha256Hex(blob);
  const mime = meta.mime ?? blob.type;
  const row: EvidenceRow = {
    sha256,
    blob,
    mime,
    bytes: blob.size,
    uploadState: "pending",
    addedAt: nowIso,
    ...(meta.width === undefined ? {} : { width: meta.width }),
    ...(meta.height === undefined ? {} : { height: meta.height }),
  };
  const write = (stored: StoredEvidenceRow) =>
    guardStorage(() =>
      db.transaction("rw", db.evidence, async () => {
        const existing = await db.evidence.get(sha256);
        if (existing) return { ...describe(existing), created: false };
        await db.evidence.add(stored);
        return { ...describe(row), created: true };
      }),
    );
  if (blobsRefusedHere()) return write(await storedShape(row, true));
  try {
    return await write(row);
  } catch (blobError) {
    // A full disk is a full disk; anything else may be an engine refusing Blobs (WebKit's
    // in-memory storage): if the same bytes go in as an ArrayBuffer, that was it, and every later
    // photo of this page load goes in as bytes at once.
    if (blobError instanceof StorageFullError) throw blobError;
    const stored = await storedShape(row, true);
    try {
      const result = await write(stored);
      noteBlobsRefused();
      return result;
    } catch {
      throw blobError;
    }
  }
}

function describe(row: EvidenceRow): Omit<StoredEvidence, "created"> {
  return {
    sha256: row.sha256,
    mime: row.mime,
    bytes: row.bytes,
    ...(row.width === undefined ? {} : { width: row.width }),
    ...(row.height === undefined ? {} : { height: row.height }),
  };
}

export function getEvidence(db: PatuhDb, sha256: string): Promise<EvidenceRow | undefined> {
  return db.evidence.get(sha256);
}

export function listEvidenceByState(db: PatuhDb, state: UploadState): Promise<EvidenceRow[]> {
  return db.evidence.where("uploadState").equals(state).toArray();
}

export async function markEvidenceUploaded(db: PatuhDb, sha256: string): Promise<void> {
  await db.evidence.update(sha256, { uploadState: "uploaded", uploadError: undefined });
}

export async function markEvidenceFailed(
  db: PatuhDb,
  sha256: string,
  error: { status: number; code: string; message: string },
): Promise<void> {
  await db.evidence.update(sha256, { uploadState: "failed", uploadError: error });
}

/** Puts a failed blob back in the upload queue (e.g. after the user was told and chose to retry). */
export async function retryEvidence(db: PatuhDb, sha256: string): Promise<void> {
  await db.evidence.update(sha256, { uploadState: "pending", uploadError: undefined });
}
