/**
 * Content-addressed blob storage for evidence (photos, PDFs).
 *
 * Owns: the bytes of every uploaded evidence file, addressed by their SHA-256.
 * Invariant: `has(h)` is true only when the complete, verified bytes of `h` are stored; a crash or
 * an aborted upload never leaves something that counts as stored.
 */
import type { Readable } from "node:stream";

export interface PutResult {
  /** False when the blob was already stored (the upload was a free retry). */
  created: boolean;
  sha256: string;
  bytes: number;
}

export class BlobHashMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`content hash ${actual} does not match ${expected}`);
  }
}

export class BlobTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`blob larger than ${limitBytes} bytes`);
  }
}

/**
 * The store cannot be reached (network, credentials, bucket missing, 5xx). Callers answer 503 with
 * Retry-After: the device keeps the photo and uploads it again later; nothing is lost.
 */
export class BlobStoreUnavailableError extends Error {
  override name = "BlobStoreUnavailableError";
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobStore {
  /** Human-readable location for logs and /readyz (never contains credentials). */
  readonly description: string;
  /** Prepares the store (directories; temp-file sweep). Idempotent. */
  init(): Promise<void>;
  /** Resolves when the store can serve reads and writes now; throws BlobStoreUnavailableError. */
  ready(): Promise<void>;
  /**
   * Streams `body` into the store under `sha256`, verifying the hash and the size limit while
   * writing. Throws BlobHashMismatchError / BlobTooLargeError; nothing is stored then.
   * `inspect` sees the first bytes (for magic-number checks) before anything is committed and may
   * throw to abort.
   */
  put(
    sha256: string,
    body: AsyncIterable<Uint8Array>,
    options: { limitBytes: number; inspect?: (head: Uint8Array) => void },
  ): Promise<PutResult>;
  has(sha256: string): Promise<boolean>;
  /**
   * Every stored blob's hash, in no particular order (the evidence migration's worklist; a blob
   * being stored while the listing runs may or may not appear). Temp files never appear.
   */
  list(): AsyncIterable<string>;
  /** The whole blob, or null when not stored. */
  get(sha256: string): Promise<Uint8Array | null>;
  /**
   * A stream of the blob (or of `range` of it) with the blob's total size, or null when not stored.
   * The range must lie inside the blob (the caller checks it against the recorded size).
   */
  stream(sha256: string, range?: ByteRange): Promise<{ stream: Readable; bytes: number } | null>;
  /**
   * Removes the blob (the sweep of unreferenced evidence, src/server/evidence/sweep.ts); removing
   * one that is not stored is not an error. Callers delete the `evidence` row FIRST, so "row ⇒
   * bytes" holds throughout.
   */
  delete(sha256: string): Promise<void>;
}
