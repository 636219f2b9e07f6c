// Issue #16 (4): evidence is bounded. Per-user and per-office quotas and the disk reserve answer
// 507 before anything is written (nothing acknowledged is lost, the device keeps the photo and
// retries); the sweep removes blobs no assessment references once the grace period is over.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type Limits } from "../../../src/server/config";
import { FsBlobStore } from "../../../src/server/evidence/fs-blob-store";
import { SWEEP_GRACE_MS, sweepUnreferencedEvidence } from "../../../src/server/evidence/sweep";
import { createApp } from "../../../src/server/http/app";
import { AT, as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";
import { worldConfig } from "./support";

let w: World;
const quiet = { error: () => undefined, info: () => undefined };
beforeAll(async () => {
  w = await createWorld();
}, 300_000);
afterAll(async () => {
  await w?.close();
});

const withLimits = (limits: Partial<Limits>): World => ({
  ...w,
  app: createApp({
    db: w.db,
    config: worldConfig(w, { limits: { ...DEFAULT_LIMITS, ...limits } }),
    log: quiet,
  }),
});

/** Devices send Content-Length with a Blob body; the in-process request needs it spelled out. */
const put = (world: World, who: "a1" | "a2" | "a3", bytes: Uint8Array<ArrayBuffer>) =>
  as(world, who).putEvidence(sha256(bytes), bytes, "image/jpeg", {
    "content-length": String(bytes.byteLength),
  });

describe("evidence capacity", () => {
  it("per-user and per-office quotas → 507 quota_exceeded; a blob already stored is free", async () => {
    const small = withLimits({ evidenceBytesPerUser: 10_000, evidenceBytesPerOffice: 14_000 });
    const one = fakeFile("jpeg", 6000);
    const two = fakeFile("jpeg", 6001);
    expect((await put(small, "a1", one)).status).toBe(201);
    const over = await put(small, "a1", two);
    expect(over.status).toBe(507);
    expect(over.body.error?.code).toBe("quota_exceeded");
    expect(over.body.error?.details).toMatchObject({ scope: "user" });
    expect((await as(small, "a1").evidence("HEAD", sha256(two))).status).toBe(404);
    // Sending the stored one again costs nothing.
    expect((await put(small, "a1", one)).status).toBe(200);
    // A colleague of the same office fills the office's quota.
    // a2 would stay within their own 10,000 bytes (6,001 + 3,000) but the office's 14,000 would not.
    const three = fakeFile("jpeg", 3000);
    expect((await put(small, "a2", two)).status).toBe(201);
    const office = await put(small, "a2", three);
    expect(office.status).toBe(507);
    expect(office.body.error?.details).toMatchObject({ scope: "office" });
    // Another office is not affected.
    expect((await put(small, "a3", three)).status).toBe(201);
  });

  it("a disk below the reserve → 507 insufficient_storage, nothing stored, earlier blobs intact", async () => {
    const kept = fakeFile("png", 3000);
    expect((await as(w, "a1").putEvidence(sha256(kept), kept, "image/png")).status).toBe(201);
    const full = withLimits({ minFreeDiskBytes: Number.MAX_SAFE_INTEGER });
    const photo = fakeFile("jpeg", 4000);
    const res = await as(full, "a1").putEvidence(sha256(photo), photo, "image/jpeg");
    expect(res.status).toBe(507);
    expect(res.body.error?.code).toBe("insufficient_storage");
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await as(w, "a1").evidence("HEAD", sha256(photo))).status).toBe(404);
    const got = await as(full, "a1").evidence("GET", sha256(kept));
    expect(got.status).toBe(200);
    expect(Buffer.from(got.bytes).equals(Buffer.from(kept))).toBe(true);
  });

  it("a photo over the size cap → 413, nothing stored", async () => {
    const capped = withLimits({ evidenceBytes: 2048 });
    const big = fakeFile("jpeg", 4096);
    const res = await as(capped, "a1").putEvidence(sha256(big), big, "image/jpeg");
    expect(res.status).toBe(413);
    expect((await as(w, "a1").evidence("HEAD", sha256(big))).status).toBe(404);
  });
});

describe("the sweep of unreferenced evidence", () => {
  it("deletes rows and bytes of blobs nobody references after the grace period, and nothing else", async () => {
    const orphan = fakeFile("jpeg", 1111);
    const used = fakeFile("jpeg", 2222);
    for (const b of [orphan, used]) {
      expect((await as(w, "a1").putEvidence(sha256(b), b, "image/jpeg")).status).toBeLessThan(300);
    }
    const aid = uuid();
    const push = await as(w, "a1").push({
      clientId: uuid(),
      mutations: [
        create(1, aid, w.asg.a1),
        m(2, "assessment.attachEvidence", {
          assessmentId: aid,
          key: "general",
          evidence: { sha256: sha256(used), mime: "image/jpeg", bytes: used.byteLength, takenAt: AT },
        }),
      ],
    });
    expect(push.body.results?.map((r) => r.status)).toEqual(["applied", "applied"]);
    const store = new FsBlobStore(join(w.dataDir, "evidence"));
    const pathOf = (b: Uint8Array) => join(w.dataDir, "evidence", sha256(b).slice(0, 2), sha256(b));
    expect(existsSync(pathOf(orphan))).toBe(true);
    // Within the grace period: nothing goes.
    const early = await sweepUnreferencedEvidence(w.db, store, new Date(Date.now() + 60_000));
    expect(early.deleted).toBe(0);
    // After it: the orphans go (rows first, then bytes); the referenced blob stays.
    const later = await sweepUnreferencedEvidence(
      w.db,
      store,
      new Date(Date.now() + SWEEP_GRACE_MS + 60_000),
    );
    expect(later.deleted).toBeGreaterThanOrEqual(1);
    expect(existsSync(pathOf(orphan))).toBe(false);
    expect(existsSync(pathOf(used))).toBe(true);
    const rows = await sql<{ sha256: string }>`select sha256 from evidence`.execute(w.db);
    const left = new Set(rows.rows.map((r) => r.sha256));
    expect(left.has(sha256(orphan))).toBe(false);
    expect(left.has(sha256(used))).toBe(true);
    expect((await as(w, "a1").evidence("GET", sha256(used))).status).toBe(200);
    // Evidence leaving the server is accounted for in the audit log: one row for the sweep that
    // deleted, none for the one that did not.
    const audit = await sql<{ actor_username: string; detail: { deleted: number } }>`
      select actor_username, detail from audit_log where action = 'evidence.sweep'`.execute(w.db);
    expect(audit.rows.map((r) => [r.actor_username, r.detail.deleted])).toEqual([["system", later.deleted]]);
  });
});
