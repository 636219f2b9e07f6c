/**
 * Copies every evidence blob from one BlobStore to another (`patuh evidence migrate --to s3|fs`).
 *
 * Owns nothing persistent: the target store's own invariant does the bookkeeping. A blob counts as
 * migrated only once it is in the target AND its bytes read back from the target hash to its
 * name (the recorded SHA-256). So:
 * - resumable: a re-run (after a crash, a kill, an outage) skips every hash the target already
 *   holds — the target only ever holds complete, verified objects (put is atomic and checks the
 *   hash on the way in) — and copies the rest; `verifyExisting` also re-reads those;
 * - a corrupted source blob fails the target's hash check on the way in and is reported, never
 *   copied; a copy that reads back wrong is deleted from the target and reported;
 * - the live server may keep writing to the source meanwhile (content addressing: a blob never
 *   changes); a second pass after the switch-over picks up what arrived (docs/deploy.md).
 * Memory: a few blobs' stream buffers at a time (`concurrency`), never a whole blob.
 */
import { createHash } from "node:crypto";
import {
  BlobHashMismatchError,
  type BlobStore,
  BlobStoreUnavailableError,
  BlobTooLargeError,
} from "./blob-store";

export type MigrateFailure = {
  sha256: string;
  reason: "corrupt_source" | "unreadable_source" | "readback_mismatch" | "too_large";
  detail: string;
};

export interface MigrateProgress {
  total: number;
  done: number;
  copied: number;
  alreadyThere: number;
  failed: number;
  bytesCopied: number;
  elapsedMs: number;
}

export interface MigrateReport extends MigrateProgress {
  failures: MigrateFailure[];
  /** Hashes the database records that neither store holds (checked when `recorded` is given). */
  missing: string[];
}

export interface MigrateOptions {
  source: BlobStore;
  target: BlobStore;
  /** Largest blob accepted (the server's evidence limit; a larger one cannot be a valid upload). */
  limitBytes: number;
  /** Blobs copied in parallel (S3 latency hides behind it). */
  concurrency?: number;
  /** Re-read and hash blobs the target already holds instead of trusting its invariant. */
  verifyExisting?: boolean;
  /** The hashes the database records (`evidence` rows), when it can be read: cross-checked. */
  recorded?: Iterable<string>;
  onProgress?: (p: MigrateProgress) => void;
  now?: () => number;
}

/** Streams the target's copy of `sha256` through SHA-256: true when it reads back as its name. */
export async function verifyStored(store: BlobStore, sha256: string): Promise<boolean> {
  const found = await store.stream(sha256);
  if (found === null) return false;
  const hash = createHash("sha256");
  for await (const chunk of found.stream) hash.update(chunk as Uint8Array);
  return hash.digest("hex") === sha256;
}

export async function migrateEvidence(options: MigrateOptions): Promise<MigrateReport> {
  const { source, target } = options;
  const now = options.now ?? Date.now;
  const started = now();
  await source.init();
  await target.init();
  await source.ready();
  await target.ready();

  const hashes: string[] = [];
  for await (const h of source.list()) hashes.push(h);
  hashes.sort();

  const report: MigrateReport = {
    total: hashes.length,
    done: 0,
    copied: 0,
    alreadyThere: 0,
    failed: 0,
    bytesCopied: 0,
    elapsedMs: 0,
    failures: [],
    missing: [],
  };
  const progress = () => {
    report.elapsedMs = now() - started;
    const { failures: _f, missing: _m, ...p } = report;
    options.onProgress?.(p);
  };
  const fail = (f: MigrateFailure) => {
    report.failed++;
    report.failures.push(f);
  };

  const one = async (sha256: string): Promise<void> => {
    if (await target.has(sha256)) {
      if (!options.verifyExisting || (await verifyStored(target, sha256))) {
        report.alreadyThere++;
        return;
      }
      // A target copy that reads back wrong is not a copy: replace it.
      await target.delete(sha256);
    }
    const found = await source.stream(sha256);
    if (found === null) {
      fail({ sha256, reason: "unreadable_source", detail: "listed but gone from the source" });
      return;
    }
    try {
      const put = await target.put(sha256, found.stream, { limitBytes: options.limitBytes });
      if (!(await verifyStored(target, sha256))) {
        await target.delete(sha256);
        fail({ sha256, reason: "readback_mismatch", detail: "the target's copy did not hash to its name" });
        return;
      }
      report.copied++;
      report.bytesCopied += put.bytes;
    } catch (e) {
      found.stream.destroy();
      if (e instanceof BlobHashMismatchError) {
        fail({ sha256, reason: "corrupt_source", detail: `the source bytes hash to ${e.actual}` });
      } else if (e instanceof BlobTooLargeError) {
        fail({ sha256, reason: "too_large", detail: e.message });
      } else if (e instanceof BlobStoreUnavailableError) {
        throw e; // an outage stops the run; a re-run resumes
      } else {
        fail({ sha256, reason: "unreadable_source", detail: e instanceof Error ? e.message : String(e) });
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < hashes.length) {
      const sha256 = hashes[next++] as string;
      await one(sha256);
      report.done++;
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (options.recorded !== undefined) {
    const listed = new Set(hashes);
    for (const h of options.recorded) {
      if (!listed.has(h) && !(await target.has(h))) report.missing.push(h);
    }
  }
  report.elapsedMs = now() - started;
  return report;
}
