import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlobHashMismatchError, BlobTooLargeError } from "./blob-store";
import { FsBlobStore } from "./fs-blob-store";
import { STALE_SPOOL_MS } from "./spool";

let root: string;
let store: FsBlobStore;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
async function* from(...chunks: Uint8Array[]) {
  for (const c of chunks) yield c;
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "blobs-"));
  store = new FsBlobStore(root);
  await store.init();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("FsBlobStore", () => {
  it("stores, reports created once, and reads back the same bytes", async () => {
    const bytes = new TextEncoder().encode("hello evidence");
    const h = sha(bytes);
    expect(await store.put(h, from(bytes.subarray(0, 3), bytes.subarray(3)), { limitBytes: 100 })).toEqual({
      created: true,
      sha256: h,
      bytes: bytes.length,
    });
    expect(await store.put(h, from(bytes), { limitBytes: 100 })).toMatchObject({ created: false });
    expect(await store.has(h)).toBe(true);
    expect(Buffer.from((await store.get(h)) ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it("a wrong hash, a size overrun, an inspect veto or a body that dies mid-way stores nothing", async () => {
    const bytes = new Uint8Array(50).fill(7);
    const h = sha(bytes);
    await expect(store.put("0".repeat(64), from(bytes), { limitBytes: 100 })).rejects.toBeInstanceOf(
      BlobHashMismatchError,
    );
    await expect(store.put(h, from(bytes, bytes), { limitBytes: 60 })).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
    await expect(
      store.put(h, from(bytes), {
        limitBytes: 100,
        inspect: () => {
          throw new Error("not a jpeg");
        },
      }),
    ).rejects.toThrow("not a jpeg");
    async function* dies() {
      yield bytes.subarray(0, 20);
      throw new Error("connection reset");
    }
    await expect(store.put(h, dies(), { limitBytes: 100 })).rejects.toThrow("connection reset");
    expect(await store.has(h)).toBe(false);
    expect(readdirSync(join(root, "tmp"))).toEqual([]);
  });

  it("leftovers of a crashed upload never count as stored and are swept on start once old", async () => {
    const h = "a".repeat(64);
    const old = join(root, "tmp", `${h}.crashed`);
    writeFileSync(old, "half a photo");
    const past = new Date(Date.now() - STALE_SPOOL_MS - 60_000);
    utimesSync(old, past, past);
    // Another server process sharing the directory has an upload in flight: left alone.
    writeFileSync(join(root, "tmp", `${h}.inflight`), "a photo arriving");
    expect(await store.has(h)).toBe(false);
    await new FsBlobStore(root).init();
    expect(readdirSync(join(root, "tmp"))).toEqual([`${h}.inflight`]);
  });

  it("refuses anything but a sha256 as a name (no path tricks)", async () => {
    expect(await store.has("../../etc/passwd")).toBe(false);
    await expect(store.put("../x", from(new Uint8Array(1)), { limitBytes: 10 })).rejects.toThrow();
  });
});
