// Evidence blobs over HTTP: content addressing, type and magic checks, size limit, idempotent
// re-upload, HEAD, GET visibility, and the atomic store (nothing half-written counts as stored).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, create, fakeFile, m, sha256, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("evidence", () => {
  it("PUT stores (201), re-PUT is free (200), HEAD 200/404, GET returns identical bytes", async () => {
    const a1 = as(w, "a1");
    const bytes = fakeFile("jpeg", 5000);
    const sha = sha256(bytes);
    expect((await a1.evidence("HEAD", sha)).status).toBe(404);
    const first = await a1.putEvidence(sha, bytes, "image/jpeg");
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: sha, mime: "image/jpeg", bytes: 5000 });
    expect((await a1.putEvidence(sha, bytes, "image/jpeg")).status).toBe(200);
    const head = await a1.evidence("HEAD", sha);
    expect(head.status).toBe(200);
    expect(head.bytes.byteLength).toBe(0);
    const got = await a1.evidence("GET", sha);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("cache-control")).toContain("private");
    expect(got.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([["png"], ["webp"], ["pdf"]] as const)("accepts %s with the right magic bytes", async (kind) => {
    const bytes = fakeFile(kind, 300);
    const type = kind === "pdf" ? "application/pdf" : `image/${kind}`;
    expect((await as(w, "a1").putEvidence(sha256(bytes), bytes, type)).status).toBe(201);
  });

  it("hash mismatch → 400 hash_mismatch, and nothing is stored", async () => {
    const bytes = fakeFile("jpeg", 100);
    const wrong = sha256(fakeFile("jpeg", 101));
    const r = await as(w, "a1").putEvidence(wrong, bytes, "image/jpeg");
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe("hash_mismatch");
    expect((await as(w, "a1").evidence("HEAD", wrong)).status).toBe(404);
    expect(readdirSync(join(w.dataDir, "evidence", "tmp"))).toEqual([]);
  });

  it.each([
    ["PNG bytes declared as JPEG", fakeFile("png", 100), "image/jpeg"],
    ["JPEG bytes declared as PDF", fakeFile("jpeg", 100), "application/pdf"],
    ["text/plain", new TextEncoder().encode("hello world, not a photo"), "text/plain"],
    ["image/gif", new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3]), "image/gif"],
    ["empty body", new Uint8Array(0), "image/jpeg"],
    ["tiny non-JPEG", new Uint8Array([1, 2]), "image/jpeg"],
  ])("%s → 415", async (_, bytes, type) => {
    const r = await as(w, "a1").putEvidence(sha256(bytes), bytes, type);
    expect(r.status).toBe(415);
    expect(r.body.error?.code).toBe("unsupported_media_type");
  });

  it("too large → 413 (declared and streamed)", async () => {
    const big = fakeFile("jpeg", 10 * 1024 * 1024 + 1);
    const r = await as(w, "a1").putEvidence(sha256(big), big, "image/jpeg");
    expect(r.status).toBe(413);
    // A body that lies about its length is cut off by the streamed count.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = fakeFile("jpeg", 1024 * 1024);
        for (let i = 0; i < 11; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await as(w, "a1").raw(`/evidence/${"a".repeat(64)}`, {
      method: "PUT",
      headers: { "content-type": "image/jpeg" },
      body: stream,
      // @ts-expect-error: Node's fetch needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(readdirSync(join(w.dataDir, "evidence", "tmp"))).toEqual([]);
  });

  it.each([
    ["uppercase hex", "A".repeat(64)],
    ["too short", "a".repeat(63)],
    ["path traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["dot segments", "../../../../etc/passwd"],
  ])("path %s → 404 (never reaches the store)", async (_, path) => {
    const bytes = fakeFile("jpeg", 50);
    const res = await as(w, "a1").raw(`/evidence/${path}`, {
      method: "PUT",
      headers: { "content-type": "image/jpeg" },
      body: bytes,
    });
    // "../" segments are resolved by URL parsing before routing: they leave /api entirely (405).
    expect([400, 404, 405]).toContain(res.status);
    expect(existsSync(join(w.dataDir, "etc"))).toBe(false);
  });

  it("GET only for the uploader or whoever can see an assessment referencing it; others get 404", async () => {
    const bytes = fakeFile("jpeg", 777);
    const sha = sha256(bytes);
    expect((await as(w, "a1").putEvidence(sha, bytes, "image/jpeg")).status).toBe(201);
    // Not referenced yet: only the uploader.
    expect((await as(w, "a2").evidence("GET", sha)).status).toBe(404);
    expect((await as(w, "sup").evidence("GET", sha)).status).toBe(404);
    const aid = uuid();
    const attach = m(2, "assessment.attachEvidence", {
      assessmentId: aid,
      key: "IN.SP.05",
      evidence: { sha256: sha, mime: "image/jpeg", bytes: 777, takenAt: "2026-08-01T02:00:00Z" },
    });
    const pushed = await as(w, "a1").push({
      clientId: uuid(),
      mutations: [create(1, aid, w.asg.a1), attach],
    });
    expect(pushed.body.results?.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect((await as(w, "sup").evidence("GET", sha)).status).toBe(200);
    expect((await as(w, "admin").evidence("GET", sha)).status).toBe(200);
    expect((await as(w, "a2").evidence("GET", sha)).status).toBe(404);
    expect((await as(w, "a3").evidence("GET", sha)).status).toBe(404);
    expect((await as(w, "sup2").evidence("GET", sha)).status).toBe(404);
    // Unknown blob: 404 for everyone; no session: 401.
    expect((await as(w, "admin").evidence("GET", "b".repeat(64))).status).toBe(404);
    expect((await w.app.request(`/api/v1/evidence/${sha}`)).status).toBe(401);
  });

  it("submit is rejected while an attached blob is not uploaded", async () => {
    const aid = uuid();
    const ghost = "c".repeat(64);
    const r = await as(w, "a1").push({
      clientId: uuid(),
      mutations: [
        create(1, aid, w.asg.a1),
        m(2, "assessment.attachEvidence", {
          assessmentId: aid,
          key: "IN.SP.05",
          evidence: { sha256: ghost, mime: "image/jpeg", bytes: 10, takenAt: "2026-08-01T02:00:00Z" },
        }),
        m(3, "assessment.submit", { assessmentId: aid }),
      ],
    });
    expect(r.body.results?.[2]?.status).toBe("rejected");
    expect(r.body.results?.[2]?.error?.code).toBe("incomplete");
  });
});
