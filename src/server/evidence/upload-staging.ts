/**
 * Resumable evidence uploads (issue #21): the bytes of an upload in progress, kept between
 * requests so a dropped connection resumes where it stopped instead of sending the photo again.
 *
 * Owns: DATA_DIR/evidence-staging, one file per (sha256, uploader): `<sha256>.<userId>`.
 * Invariants: a staging file only ever grows by appending at its current end (a range that does
 * not start there is refused, so two racing requests cannot interleave bytes); it never counts as
 * stored — the route commits it to the BlobStore (which hashes it again) only once it holds all
 * `total` bytes, and deletes it then (or when the hash does not match); bytes received before a
 * connection dropped stay, that is the point. One uploader cannot append to another's file.
 */
import { createReadStream } from "node:fs";
import { mkdir, open, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";

const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f-]{36}$/i;

export class RangeStartMismatchError extends Error {
  constructor(readonly offset: number) {
    super(`upload resumes at byte ${offset}`);
  }
}

export class UploadInterruptedError extends Error {}

export class UploadStaging {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string, userId: string): string {
    if (!SHA256.test(sha256) || !UUID.test(userId)) throw new Error("invalid staging key");
    return join(this.root, `${sha256}.${userId}`);
  }

  /** Bytes already received for this upload (0 when none). */
  async offset(sha256: string, userId: string): Promise<number> {
    try {
      return (await stat(this.pathOf(sha256, userId))).size;
    } catch {
      return 0;
    }
  }

  /**
   * Appends `body` at `start`, which must be the bytes already received, never writing past
   * `total`. Returns the new offset. A body that breaks off keeps what arrived and throws
   * UploadInterruptedError.
   */
  async append(
    sha256: string,
    userId: string,
    start: number,
    total: number,
    body: AsyncIterable<Uint8Array>,
  ): Promise<number> {
    await mkdir(this.root, { recursive: true });
    const path = this.pathOf(sha256, userId);
    const current = await this.offset(sha256, userId);
    if (start !== current) throw new RangeStartMismatchError(current);
    const file = await open(path, "a");
    let offset = current;
    try {
      for await (const chunk of body) {
        if (offset + chunk.byteLength > total) throw new RangeError("body longer than the declared range");
        await file.write(chunk);
        offset += chunk.byteLength;
      }
    } catch (error) {
      if (error instanceof RangeError) {
        await file.close();
        await this.discard(sha256, userId);
        throw error;
      }
      // What arrived before the connection broke is kept (and flushed) for the resume.
      await file.sync().catch(() => undefined);
      await file.close();
      throw new UploadInterruptedError("upload body interrupted", { cause: error });
    }
    await file.sync();
    await file.close();
    return offset;
  }

  /** The staged bytes, for the commit into the BlobStore. */
  read(sha256: string, userId: string): Readable {
    return createReadStream(this.pathOf(sha256, userId));
  }

  async discard(sha256: string, userId: string): Promise<void> {
    await rm(this.pathOf(sha256, userId), { force: true });
  }
}

/** `bytes START-END/TOTAL` → numbers, or null when malformed or inconsistent. */
export function parseContentRange(header: string): { start: number; end: number; total: number } | null {
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(header.trim());
  if (m === null) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = Number(m[3]);
  if (end < start || end >= total) return null;
  return { start, end, total };
}
