// Issue #16 (4): a REAL full disk. The evidence directory is a 1 MiB tmpfs this test mounts itself
// (the tests run as root here and in CI); the disk reserve is switched off so the upload passes
// every check (a negative reserve also lets an upload of unknown size past the worst-case check)
// and the file system itself fails mid-write with ENOSPC. The answer must be 507 (the
// device keeps the photo and retries), nothing recorded, the partial file gone — so a photo that
// fits is accepted right after.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../src/server/config";
import { createApp } from "../../../src/server/http/app";
import { as, fakeFile, sha256 } from "../sync/api";
import { createWorld, type World } from "../sync/world";
import { worldConfig } from "./support";

let w: World;
let full: World;
let mnt = "";

beforeAll(async () => {
  w = await createWorld();
  mnt = mkdtempSync(join(tmpdir(), "patuh-full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mnt]);
  full = {
    ...w,
    app: createApp({
      db: w.db,
      config: worldConfig(w, {
        dataDir: mnt,
        limits: { ...DEFAULT_LIMITS, minFreeDiskBytes: Number.MIN_SAFE_INTEGER },
      }),
      log: { error: () => undefined, info: () => undefined },
    }),
  };
}, 300_000);
afterAll(async () => {
  if (mnt) {
    execFileSync("umount", [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
  await w?.close();
});

/** A streamed body: no Content-Length, so no check can refuse it before the disk does. */
function streamed(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

describe("a disk that fills mid-write", () => {
  it("answers 507, records nothing, leaves no partial file, and accepts a photo that fits after", async () => {
    const big = fakeFile("jpeg", 3 * 1024 * 1024);
    const res = await as(full, "a1").raw(`/evidence/${sha256(big)}`, {
      method: "PUT",
      headers: { "content-type": "image/jpeg" },
      body: streamed(big),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(507);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe("insufficient_storage");
    const rows = await sql`select 1 from evidence where sha256 = ${sha256(big)}`.execute(w.db);
    expect(rows.rows).toHaveLength(0);
    expect((await as(full, "a1").evidence("HEAD", sha256(big))).status).toBe(404);
    const leftovers = readdirSync(mnt, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(leftovers.map((d) => d.name)).toEqual([]);

    const small = fakeFile("jpeg", 64 * 1024);
    const after = await as(full, "a1").putEvidence(sha256(small), small, "image/jpeg");
    expect(after.status).toBe(201);
    expect((await as(full, "a1").evidence("GET", sha256(small))).status).toBe(200);
  });
});
