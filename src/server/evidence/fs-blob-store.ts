/**
 * Filesystem BlobStore under DATA_DIR/evidence: `ab/abcdef…` (two-level fan-out).
 *
 * Owns: the evidence directory.
 * Invariant (atomic store): bytes go to a unique temp file in the same directory tree, are fsynced,
 * hash-checked, then renamed into place (and the directory fsynced). rename is atomic on POSIX, so
 * a final path either holds the complete verified blob or does not exist. Temp files left by a
 * crash are never read and are swept on start.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { BlobHashMismatchError, type BlobStore, BlobTooLargeError, type PutResult } from "./blob-store";

const SHA256 = /^[0-9a-f]{64}$/;
const HEAD_BYTES = 16;

export class FsBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, "tmp");
  }

  /** Creates the directories and removes temp files of uploads a crash interrupted. */
  async init(): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
    for (const name of await readdir(this.tmpDir)) await rm(join(this.tmpDir, name), { force: true });
  }

  private pathOf(sha256: string): string {
    // Never build a path from anything but a validated hash: no traversal is possible.
    if (!SHA256.test(sha256)) throw new Error("invalid sha256");
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch {
      return null;
    }
  }

  async stream(sha256: string): Promise<{ stream: Readable; bytes: number } | null> {
    const path = this.pathOf(sha256);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), bytes: info.size };
    } catch {
      return null;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async put(
    sha256: string,
    body: AsyncIterable<Uint8Array>,
    options: { limitBytes: number; inspect?: (head: Uint8Array) => void },
  ): Promise<PutResult> {
    const finalPath = this.pathOf(sha256);
    await mkdir(this.tmpDir, { recursive: true });
    const tmpPath = join(this.tmpDir, `${sha256}.${randomUUID()}`);
    const file = await open(tmpPath, "wx");
    const hash = createHash("sha256");
    let bytes = 0;
    let head: Uint8Array = new Uint8Array(0);
    let inspected = false;
    let committed = false;
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
      await file.close();
      if (await this.has(sha256)) return { created: false, sha256, bytes };
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await rename(tmpPath, finalPath);
      committed = true;
      await syncDir(join(this.root, sha256.slice(0, 2)));
      return { created: true, sha256, bytes };
    } finally {
      await file.close().catch(() => undefined);
      if (!committed) await rm(tmpPath, { force: true });
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** Makes the rename itself durable (the directory entry), not only the file's bytes. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the file itself is already durable.
  } finally {
    await handle.close();
  }
}
