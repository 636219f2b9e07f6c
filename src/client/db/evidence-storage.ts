// How an evidence row is kept in IndexedDB, where an engine refuses Blobs.
//
// WebKit's in-memory storage (Safari Private Browsing; the MiniBrowser) fails any write of a value
// holding a Blob with "UnknownError: Error preparing Blob/File data to be stored in object store",
// and accepts raw bytes. There the bytes are stored as an ArrayBuffer (`data`, with `mime` as the
// type) instead of `blob`. Every reader still gets a `blob`: the table's reading hook rebuilds it,
// so the uploader, thumbnails and export never see the difference.
//
// Invariants kept here:
// - the refusal is detected once per page load, by the first evidence write that fails and then
//   succeeds with bytes; later writes go straight to bytes (no failed transaction per photo);
// - the bytes, and so the sha256 key, are the same in both shapes.
import type { EvidenceRow } from "./database";

/** What is stored: `blob`, or (where Blobs are refused) `data` with the same bytes. */
export type StoredEvidenceRow = Omit<EvidenceRow, "blob"> & { blob?: Blob; data?: ArrayBuffer };

let blobsRefused = false;

/** True once this page load found that IndexedDB refuses Blobs. */
export function blobsRefusedHere(): boolean {
  return blobsRefused;
}

export function noteBlobsRefused(): void {
  blobsRefused = true;
}

/** The row as written now: with its Blob, or its bytes when Blobs are known to be refused. */
export async function storedShape(row: EvidenceRow, asBytes = blobsRefused): Promise<StoredEvidenceRow> {
  if (!asBytes) return row;
  const { blob, ...rest } = row;
  return { ...rest, data: await blob.arrayBuffer() };
}

/** Reading hook: every row read has a Blob, whatever shape it was stored in. */
export function evidenceFromStored(stored: StoredEvidenceRow): EvidenceRow {
  // Dexie also passes what a get() of a missing key found (undefined): give it back untouched.
  if (!stored || stored.blob) return stored as EvidenceRow;
  const { data, ...rest } = stored;
  return { ...rest, blob: new Blob(data ? [data] : [], { type: stored.mime }) };
}
