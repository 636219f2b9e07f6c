/**
 * Filesystem BlobStore under DATA_DIR/evidence: `ab/abcdef…` (two-level fan-out).
 *
 * Owns: the evidence directory.
 * Invariant (atomic store): bytes go to a unique temp file in the same directory tree (spool.ts),
 * are fsynced, hash-checked, then renamed into place (and the directory fsynced). rename is atomic on POSIX, so
 * a final path either holds the complete verified blob or does not exist. Temp files left by a
 * crash are never read and are swept on start once they are an hour old (other processes sharing
 * the directory may have uploads in flight).
 */
import { constants, createReadStream } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { type BlobStore, BlobStoreUnavailableError, type ByteRange, type PutResult } from "./blob-store";
import { spoolVerified, sweepStaleSpool } from "./spool";

const SHA256 = /^[0-9a-f]{64}$/;

export class FsBlobStore implements BlobStore {
  private readonly tmpDir: string;

  readonly description: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, "tmp");
    this.description = `file store ${root}`;
  }

  /** The directory exists and is writable (a full or read-only disk shows here). */
  async ready(): Promise<void> {
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await access(this.tmpDir, constants.W_OK);
    } catch (e) {
      throw new BlobStoreUnavailableError(
        `evidence directory ${this.root} is not writable: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private initialised: Promise<void> | null = null;

  /** Creates the directories and removes temp files of uploads a crash interrupted (once). */
  init(): Promise<void> {
    this.initialised ??= sweepStaleSpool(this.tmpDir);
    return this.initialised;
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

  /** Walks the `ab/` fan-out directories; only names that are a hash under their own prefix count. */
  async *list(): AsyncIterable<string> {
    const top = await readdir(this.root).catch(() => [] as string[]);
    for (const dir of top.sort()) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      const names = await readdir(join(this.root, dir)).catch(() => [] as string[]);
      for (const name of names) if (SHA256.test(name) && name.startsWith(dir)) yield name;
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch {
      return null;
    }
  }

  async stream(sha256: string, range?: ByteRange): Promise<{ stream: Readable; bytes: number } | null> {
    const path = this.pathOf(sha256);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path, range), bytes: info.size };
    } catch {
      return null;
    }
  }

  async put(
    sha256: string,
    body: AsyncIterable<Uint8Array>,
    options: { limitBytes: number; inspect?: (head: Uint8Array) => void },
  ): Promise<PutResult> {
    const finalPath = this.pathOf(sha256);
    const spooled = await spoolVerified(this.tmpDir, sha256, body, options);
    const { bytes } = spooled;
    let committed = false;
    try {
      if (await this.has(sha256)) return { created: false, sha256, bytes };
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await rename(spooled.path, finalPath);
      committed = true;
      await syncDir(join(this.root, sha256.slice(0, 2)));
      return { created: true, sha256, bytes };
    } finally {
      if (!committed) await spooled.discard();
    }
  }
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
