// The app with EVIDENCE_STORE=s3 (s3rver as its own process): sync, photo upload and download
// (whole and ranged), supervisor review and the evidence ZIP; then a store outage: /readyz says
// which dependency failed, answers keep syncing, photo uploads get a retryable 503 and are not
// stored, and the same upload succeeds once the store is back. Also /healthz, /metrics and the
// request id.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3BlobStore } from "../../../src/server/evidence/s3-blob-store";
import { as, create, fakeFile, m, setAnswer, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, type World } from "../sync/world";
import { type LocalS3, S3_TEST_CREDENTIALS, startLocalS3 } from "./support/s3rver";

const TOKEN = "metrics-token-0123456789";
let s3: LocalS3;
let w: World;
let spool: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  spool = mkdtempSync(join(tmpdir(), "patuh-s3-spool-"));
  const evidence = new S3BlobStore({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: "us-east-1",
    forcePathStyle: true,
    spoolDir: spool,
    credentials: S3_TEST_CREDENTIALS,
    requestTimeoutMs: 5_000,
  });
  w = await createWorld({ evidence, config: { metricsToken: TOKEN } });
}, 120_000);
afterAll(async () => {
  await w?.close();
  await s3?.close();
  if (spool) rmSync(spool, { recursive: true, force: true });
});

const ids = { a1: uuid() };
const client = uuid();
let next = 1;
async function push(...mutations: ReturnType<typeof m>[]) {
  const r = await as(w, "a1").push({ clientId: client, mutations });
  next += mutations.length;
  return r;
}

describe("EVIDENCE_STORE=s3", () => {
  it("syncs, stores and serves photos (whole and ranged), reviews, and zips them", async () => {
    const a1 = as(w, "a1");
    const photo = fakeFile("jpeg", 40_000);
    const sha = sha256(photo);
    expect((await a1.putEvidence(sha, photo, "image/jpeg")).status).toBe(201);
    expect((await a1.putEvidence(sha, photo, "image/jpeg")).status).toBe(200);
    const mutations = [
      create(next, ids.a1, w.asg.a1),
      ...completeChecklist(ids.a1, next + 1, { sha256: sha, bytes: photo.length }),
    ];
    const pushed = await push(...mutations);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results?.every((r) => r.status === "applied")).toBe(true);
    expect(
      (await push(m(next, "assessment.submit", { assessmentId: ids.a1 }))).body.results?.[0]?.status,
    ).toBe("applied");

    const got = await a1.evidence("GET", sha);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha);
    const ranged = await a1.raw(`/evidence/${sha}`, { headers: { range: "bytes=100-199" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 100-199/${photo.length}`);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(photo.subarray(100, 200));
    const past = await a1.raw(`/evidence/${sha}`, { headers: { range: `bytes=${photo.length}-` } });
    expect(past.status).toBe(416);

    const sup = as(w, "sup");
    const detail = await sup.raw(`/assessments/${ids.a1}`);
    const revision = ((await detail.json()) as { revision: number }).revision;
    const decided = await sup.raw(`/assessments/${ids.a1}/review`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "approve", revision }),
    });
    expect(decided.status).toBe(200);
    const supPhoto = await sup.evidence("GET", sha);
    expect(sha256(supPhoto.bytes)).toBe(sha);

    const zip = await sup.raw(`/exports/evidence.zip?assessmentId=${ids.a1}`);
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as {
      files: { file: string | null; sha256: string }[];
    };
    const entry = manifest.files.find((f) => f.sha256 === sha);
    expect(entry?.file).toBeTruthy();
    expect(sha256(files[entry?.file ?? ""] ?? new Uint8Array())).toBe(sha);
  });

  it("store outage: not ready, answers still sync, photos get a retryable 503 and succeed later", async () => {
    const a2 = as(w, "a2");
    const id = uuid();
    const c2 = uuid();
    expect((await w.app.request("/readyz")).status).toBe(200);
    await s3.stop();
    const fresh = fakeFile("jpeg", 20_000);
    const freshSha = sha256(fresh);
    try {
      const ready = await w.app.request("/readyz");
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as {
        checks: { database: { ok: boolean }; evidence: { ok: boolean; error: string } };
      };
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks.evidence.ok).toBe(false);
      expect(body.checks.evidence.error).toMatch(/cannot reach the bucket in s3 bucket patuh-evidence/);
      // Liveness is not readiness: the process is fine.
      expect((await w.app.request("/healthz")).status).toBe(200);

      const synced = await a2.push({
        clientId: c2,
        mutations: [create(1, id, w.asg.a2), setAnswer(2, id, "IN.SP.01", 3)],
      });
      expect(synced.status).toBe(200);
      expect(synced.body.results?.map((r) => r.status)).toEqual(["applied", "applied"]);

      const refused = await a2.putEvidence(freshSha, fresh, "image/jpeg");
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe("evidence_store_unavailable");
      expect(refused.headers.get("retry-after")).toBe("30");
      expect((await a2.evidence("HEAD", freshSha)).status).toBe(404);
    } finally {
      await s3.start();
    }
    expect((await w.app.request("/readyz")).status).toBe(200);
    expect((await a2.putEvidence(freshSha, fresh, "image/jpeg")).status).toBe(201);
    expect(sha256((await a2.evidence("GET", freshSha)).bytes)).toBe(freshSha);
  });

  it("/metrics answers only with the bearer token, never the app's HTML, and counts what happened", async () => {
    const none = await w.app.request("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/json");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(
      (await w.app.request("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } }))
        .status,
    ).toBe(401);
    const ok = await w.app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const text = await ok.text();
    expect(text).toMatch(
      /patuh_http_requests_total\{route="\/api\/v1\/sync\/push",method="POST",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /patuh_http_request_duration_seconds_bucket\{route="\/api\/v1\/sync\/push",method="POST",le="\+Inf"\} \d+/,
    );
    expect(text).toMatch(/patuh_sync_mutations_total\{result="applied"\} \d+/);
    expect(text).toMatch(/patuh_evidence_bytes_total\{direction="in"\} \d+/);
    expect(text).toMatch(/patuh_evidence_store_unavailable_total \d+/);
    // Route patterns, not raw paths: no hash ends up in a label.
    expect(text).not.toMatch(/evidence\/[0-9a-f]{64}/);
  });

  it("echoes a sane request id and makes one when the proxy sent none or garbage", async () => {
    const given = await w.app.request("/healthz", { headers: { "x-request-id": "haproxy-7f3a9c21" } });
    expect(given.headers.get("x-request-id")).toBe("haproxy-7f3a9c21");
    const made = await w.app.request("/healthz", { headers: { "x-request-id": "bad id\u0007" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
