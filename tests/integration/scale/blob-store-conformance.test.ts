// One conformance suite for every BlobStore: the file store and the S3 store (against s3rver,
// started here as its own process on an ephemeral port). What the protocol needs from a store:
// content addressing, the hash and size verified before anything counts as stored, free retries,
// ranged reads, delete, and, for S3, an outage that reads as "unavailable" (never "not stored")
// and leaves nothing half-written.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BlobHashMismatchError,
  type BlobStore,
  BlobStoreUnavailableError,
  BlobTooLargeError,
} from "../../../src/server/evidence/blob-store";
import { FsBlobStore } from "../../../src/server/evidence/fs-blob-store";
import { S3BlobStore } from "../../../src/server/evidence/s3-blob-store";
import { type LocalS3, S3_TEST_CREDENTIALS, startLocalS3 } from "./support/s3rver";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
async function* chunked(bytes: Uint8Array, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function readAll(s: AsyncIterable<unknown> | Iterable<unknown>): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
function photo(bytes: number): Uint8Array {
  const b = new Uint8Array(randomBytes(bytes));
  b.set(JPEG_HEAD, 0);
  return b;
}

let s3: LocalS3;
const dirs: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  s3 = await startLocalS3();
}, 60_000);
afterAll(async () => {
  await s3?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function s3Store(spoolDir: string, port = s3.port): S3BlobStore {
  return new S3BlobStore({
    endpoint: `http://127.0.0.1:${port}`,
    bucket: s3.bucket,
    region: "us-east-1",
    forcePathStyle: true,
    spoolDir,
    credentials: S3_TEST_CREDENTIALS,
    requestTimeoutMs: 5_000,
  });
}

const stores: [string, () => Promise<{ store: BlobStore; spool: string }>][] = [
  [
    "fs",
    async () => {
      const root = tmp("patuh-fs-store-");
      const store = new FsBlobStore(root);
      await store.init();
      return { store, spool: join(root, "tmp") };
    },
  ],
  [
    "s3",
    async () => {
      const spool = tmp("patuh-s3-spool-");
      const store = s3Store(spool);
      await store.init();
      return { store, spool };
    },
  ],
];

describe.each(stores)("BlobStore conformance: %s", (_name, make) => {
  let store: BlobStore;
  let spool: string;
  beforeAll(async () => {
    ({ store, spool } = await make());
  });

  it("is ready, stores content-addressed bytes once, and reads back the same bytes", async () => {
    await store.ready();
    const bytes = photo(300 * 1024);
    const h = sha(bytes);
    expect(await store.has(h)).toBe(false);
    expect(await store.get(h)).toBeNull();
    expect(await store.stream(h)).toBeNull();
    expect(await store.put(h, chunked(bytes), { limitBytes: 1 << 20 })).toEqual({
      created: true,
      sha256: h,
      bytes: bytes.length,
    });
    // A retry of the same upload is free and changes nothing.
    expect(await store.put(h, chunked(bytes), { limitBytes: 1 << 20 })).toMatchObject({ created: false });
    expect(await store.has(h)).toBe(true);
    expect(sha((await store.get(h)) ?? new Uint8Array())).toBe(h);
    const whole = await store.stream(h);
    expect(whole?.bytes).toBe(bytes.length);
    expect(sha(await readAll(whole?.stream ?? []))).toBe(h);
    // Nothing left in the spool: uploads are never kept twice.
    expect(readdirSync(spool)).toEqual([]);
  });

  it("serves byte ranges (the viewer and resumed downloads)", async () => {
    const bytes = photo(100_000);
    const h = sha(bytes);
    await store.put(h, chunked(bytes), { limitBytes: 1 << 20 });
    const part = await store.stream(h, { start: 1000, end: 1999 });
    expect(part?.bytes).toBe(bytes.length);
    expect(await readAll(part?.stream ?? [])).toEqual(bytes.subarray(1000, 2000));
    const tail = await store.stream(h, { start: bytes.length - 10, end: bytes.length - 1 });
    expect(await readAll(tail?.stream ?? [])).toEqual(bytes.subarray(bytes.length - 10));
  });

  it("refuses bytes that do not match their hash, or exceed the limit, or fail inspection: nothing stored", async () => {
    const bytes = photo(50_000);
    const h = sha(bytes);
    const other = sha(photo(10));
    await expect(store.put(other, chunked(bytes), { limitBytes: 1 << 20 })).rejects.toBeInstanceOf(
      BlobHashMismatchError,
    );
    expect(await store.has(other)).toBe(false);
    await expect(store.put(h, chunked(bytes), { limitBytes: 40_000 })).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
    expect(await store.has(h)).toBe(false);
    const inspect = (head: Uint8Array) => {
      if (head[0] !== 0x89) throw new Error("not a png");
    };
    await expect(store.put(h, chunked(bytes), { limitBytes: 1 << 20, inspect })).rejects.toThrow("not a png");
    expect(await store.has(h)).toBe(false);
    async function* dies() {
      yield bytes.subarray(0, 20_000);
      throw new Error("connection reset");
    }
    await expect(store.put(h, dies(), { limitBytes: 1 << 20 })).rejects.toThrow("connection reset");
    expect(await store.has(h)).toBe(false);
    expect(readdirSync(spool)).toEqual([]);
  });

  it("takes the same blob from two uploads at once and stores it once", async () => {
    const bytes = photo(200_000);
    const h = sha(bytes);
    const results = await Promise.all([
      store.put(h, chunked(bytes), { limitBytes: 1 << 20 }),
      store.put(h, chunked(bytes), { limitBytes: 1 << 20 }),
    ]);
    expect(results.every((r) => r.bytes === bytes.length)).toBe(true);
    expect(sha((await store.get(h)) ?? new Uint8Array())).toBe(h);
  });

  it("deletes a blob, and deleting an absent one is no error", async () => {
    const bytes = photo(1000);
    const h = sha(bytes);
    await store.put(h, chunked(bytes), { limitBytes: 1 << 20 });
    await store.delete(h);
    expect(await store.has(h)).toBe(false);
    await store.delete(h);
  });

  it("refuses a name that is not a SHA-256 (no key or path tricks)", async () => {
    await expect(store.put("../x", chunked(photo(10)), { limitBytes: 100 })).rejects.toThrow();
    await expect(store.stream("../../etc/passwd")).rejects.toThrow();
  });
});

describe("S3 store outage", () => {
  it("reads as unavailable (never as 'not stored'), stores nothing, and recovers when the bucket is back", async () => {
    const store = s3Store(tmp("patuh-s3-spool-"));
    await store.init();
    const kept = photo(20_000);
    const keptHash = sha(kept);
    await store.put(keptHash, chunked(kept), { limitBytes: 1 << 20 });
    await s3.stop();
    try {
      await expect(store.ready()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.ready()).rejects.toThrow(
        /cannot reach the bucket in s3 bucket patuh-evidence at http:\/\/127\.0\.0\.1/,
      );
      await expect(store.has(keptHash)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      const fresh = photo(30_000);
      await expect(store.put(sha(fresh), chunked(fresh), { limitBytes: 1 << 20 })).rejects.toBeInstanceOf(
        BlobStoreUnavailableError,
      );
    } finally {
      await s3.start();
    }
    await store.ready();
    expect(sha((await store.get(keptHash)) ?? new Uint8Array())).toBe(keptHash);
    const again = photo(30_000);
    expect(await store.put(sha(again), chunked(again), { limitBytes: 1 << 20 })).toMatchObject({
      created: true,
    });
  });

  it("a missing bucket is a clear readiness error", async () => {
    const store = new S3BlobStore({
      endpoint: s3.endpoint,
      bucket: "no-such-bucket",
      region: "us-east-1",
      forcePathStyle: true,
      spoolDir: tmp("patuh-s3-spool-"),
      credentials: S3_TEST_CREDENTIALS,
    });
    await expect(store.ready()).rejects.toThrow(/no-such-bucket.*(NotFound|404)/);
  });
});
