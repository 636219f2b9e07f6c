/**
 * Spools an upload to a temp file while hashing it: the one place where incoming evidence bytes are
 * counted, inspected (magic number) and hashed. Both stores build on it: the file store renames the
 * spooled file into place, the S3 store uploads it from disk. So an upload is never held whole in
 * memory, and nothing reaches a store before its SHA-256 and size are verified.
 * Invariant: on any error the temp file is removed; on success the caller owns it (and must
 * `discard()` it).
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { BlobHashMismatchError, BlobTooLargeError } from "./blob-store";

const HEAD_BYTES = 16;

export interface Spooled {
  path: string;
  bytes: number;
  discard(): Promise<void>;
}

export async function spoolVerified(
  tmpDir: string,
  sha256: string,
  body: AsyncIterable<Uint8Array>,
  options: { limitBytes: number; inspect?: (head: Uint8Array) => void },
): Promise<Spooled> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `${sha256}.${randomUUID()}`);
  const file = await open(path, "wx");
  const hash = createHash("sha256");
  let bytes = 0;
  let head: Uint8Array = new Uint8Array(0);
  let inspected = false;
  let ok = false;
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > options.limitBytes) throw new BlobTooLargeError(options.limitBytes);
      if (!inspected) {
        head = concat(head, chunk).subarray(0, HEAD_BYTES);
        if (head.byteLength >= HEAD_BYTES) {
          options.inspect?.(head);
          inspected = true;
        }
      }
      hash.update(chunk);
      await file.write(chunk);
    }
    if (!inspected) options.inspect?.(head);
    const actual = hash.digest("hex");
    if (actual !== sha256) throw new BlobHashMismatchError(sha256, actual);
    await file.sync();
    ok = true;
    return { path, bytes, discard: () => rm(path, { force: true }) };
  } finally {
    await file.close().catch(() => undefined);
    if (!ok) await rm(path, { force: true });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** Temp files older than this are leftovers of a crash: no upload in flight is that old. */
export const STALE_SPOOL_MS = 60 * 60 * 1000;

/**
 * Removes spooled files a crash left behind. Only old ones: several server processes may share the
 * directory, and a fresh file is another process's upload in flight.
 */
export async function sweepStaleSpool(tmpDir: string, now = Date.now()): Promise<void> {
  await mkdir(tmpDir, { recursive: true });
  for (const name of await readdir(tmpDir)) {
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => null);
    if (info !== null && now - info.mtimeMs > STALE_SPOOL_MS) await rm(path, { force: true });
  }
}
