import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { listAssessmentSyncInfo } from "../db/assessments";
import { openPatuhDb, type PatuhDb } from "../db/database";
import { recordMutation, setAnswer } from "../db/edits";
import { storeEvidence } from "../db/evidence";
import { createArgs, fakeJpeg, fixtureIds, UNIT_SCALE_KEYS } from "../db/testing/fixtures";
import { SYNC_RETRY_MAX_MS } from "./backoff";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from "./engine";
import { FakeServer } from "./testing/fake-server";
import { ManualTimers } from "./testing/manual-timers";

const A = fixtureIds.assessment;
let seq = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(extra: Partial<SyncEngineOptions> = {}) {
  const db = await openPatuhDb(`engine-${process.pid}-${++seq}`);
  cleanups.push(async () => {
    db.close();
    await db.delete().catch(() => undefined);
  });
  const server = new FakeServer();
  const timers = new ManualTimers();
  const clock = { t: Date.parse("2026-08-01T02:00:00Z") };
  const engine = createSyncEngine({
    db,
    fetch: server.fetch,
    baseUrl: "http://fake.invalid",
    timers,
    now: () => new Date(clock.t),
    random: () => 1,
    env: {},
    ...extra,
  });
  cleanups.push(() => engine.stop());
  // First sync brings the reference data (instrument, period, assignment) to the device.
  const first = await engine.sync();
  expect(first.ok).toBe(true);
  return { db, server, timers, clock, engine };
}

async function createWithAnswers(db: PatuhDb, n: number): Promise<void> {
  await recordMutation(db, "assessment.create", createArgs());
  for (let i = 0; i < n; i++)
    await setAnswer(db, A, UNIT_SCALE_KEYS[i % UNIT_SCALE_KEYS.length] ?? "", i % 4);
}

/** Resolves when the next run (started by a timer or trigger) has finished. */
function nextRunEnd(engine: SyncEngine): Promise<void> {
  return new Promise((resolve) => {
    let seen = false;
    const off = engine.subscribe((s) => {
      if (s.state === "syncing") seen = true;
      else if (seen) {
        off();
        resolve();
      }
    });
  });
}

function retryDelay(engine: SyncEngine, clockMs: number): number | null {
  const at = engine.getStatus().nextRetryAt;
  return at === null ? null : Date.parse(at) - clockMs;
}

describe("sync engine", () => {
  it("pushes the outbox, pulls, and leaves local view == server state", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 5);
    const r = await engine.sync();
    expect(r).toMatchObject({ ok: true, pushed: { sent: 6, applied: 6, rejected: 0 } });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.assessments.get(A)).toEqual(server.assessments.get(A));
    expect(await db.serverAssessments.get(A)).toEqual(server.assessments.get(A));
    expect(engine.getStatus()).toMatchObject({ state: "idle", pendingCount: 0, lastError: null });
  });

  it("applies exactly once when the response to a committed push is lost", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 3);
    let dropped = false;
    server.fault = (req, phase) => {
      if (!dropped && phase === "after" && req.path.startsWith("/api/v1/sync/push")) {
        dropped = true;
        return "drop";
      }
      return undefined;
    };
    const failed = await engine.sync();
    expect(failed.ok).toBe(false);
    expect(engine.getStatus().state).toBe("offline");
    expect(await db.outbox.count()).toBe(4); // nothing removed without an acknowledgement
    const revision = server.assessments.get(A)?.revision;

    const ok = await engine.sync();
    expect(ok.pushed).toMatchObject({ sent: 4, duplicate: 4, applied: 0 });
    expect(server.assessments.get(A)?.revision).toBe(revision);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.assessments.get(A)).toEqual(server.assessments.get(A));
  });

  it("keeps edits made during a run (after push, before pull) on top of the pulled state", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 2);
    const inner = server.fetch;
    const wrapped = createSyncEngine({
      db,
      baseUrl: "http://fake.invalid",
      timers: new ManualTimers(),
      env: {},
      fetch: async (url, init) => {
        if (url.includes("/sync/pull")) await setAnswer(db, A, "PGD.03", 3);
        return inner(url, init);
      },
    });
    const r = await wrapped.sync();
    expect(r.ok).toBe(true);
    expect(server.assessments.get(A)?.answers["PGD.03"]).toBeUndefined();
    expect((await db.assessments.get(A))?.answers["PGD.03"]).toBe(3);
    expect(await db.outbox.count()).toBe(1);
    await engine.sync();
    expect(server.assessments.get(A)?.answers["PGD.03"]).toBe(3);
  });

  it("stops on 401 with status needs-login and loses nothing", async () => {
    const { db, server, engine, timers } = await setup();
    await createWithAnswers(db, 2);
    server.loggedIn = false;
    engine.start();
    const r = await engine.sync();
    expect(r.problem?.key).toBe("needs_login");
    expect(engine.getStatus().state).toBe("needs-login");
    expect(engine.getStatus().lastError?.words.id).toMatch(/Masuk lagi/);
    expect(engine.getStatus().nextRetryAt).toBeNull();
    expect(timers.find((t) => !t.repeat && t.ms < 30_000)).toBeUndefined();
    expect(await db.outbox.count()).toBe(3);
    server.loggedIn = true;
    expect((await engine.syncNow()).ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it("reports client_mismatch in words and keeps the clientId and the data", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 1);
    await engine.sync(); // binds the clientId to the first user
    await setAnswer(db, A, "PGD.01", 1);
    const clientId = engine.getStatus().clientId;
    server.userId = "0b7d3c1e-0000-4000-8000-0000000000ff";
    const r = await engine.sync();
    expect(r.problem?.key).toBe("client_mismatch");
    expect(engine.getStatus()).toMatchObject({
      state: "error",
      clientId,
      pendingCount: 1,
      nextRetryAt: null,
    });
  });

  it("backs off 1 s, 2 s, 4 s … capped at 5 min on network failure, and resets on success", async () => {
    const { db, server, engine, clock, timers } = await setup();
    await createWithAnswers(db, 1);
    engine.start();
    server.fault = () => "drop";
    await engine.sync();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const d = retryDelay(engine, clock.t);
      expect(d).not.toBeNull();
      delays.push(d ?? 0);
      const retry = timers.find((t) => !t.repeat && t.ms === d);
      expect(retry).toBeDefined();
      const ran = nextRunEnd(engine);
      if (retry) timers.fire(retry);
      await ran;
    }
    // random() = 1 → the full nominal delay.
    expect(delays.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(Math.max(...delays)).toBe(SYNC_RETRY_MAX_MS);
    server.fault = undefined;
    expect((await engine.syncNow()).ok).toBe(true);
    expect(engine.getStatus().nextRetryAt).toBeNull();
    server.fault = () => "drop";
    await engine.sync();
    expect(retryDelay(engine, clock.t)).toBe(1000);
  });

  it("is single-flight: concurrent calls share one follow-up run", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 1);
    let inFlight = 0;
    let maxInFlight = 0;
    const inner = server.fetch;
    const e = createSyncEngine({
      db,
      baseUrl: "http://fake.invalid",
      timers: new ManualTimers(),
      env: {},
      fetch: async (url, init) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        try {
          return await inner(url, init);
        } finally {
          inFlight--;
        }
      },
    });
    const before = server.requests.filter((r) => r.path.includes("/pull")).length;
    const [a, b, c] = [e.sync(), e.sync(), e.sync()];
    expect(b).toBe(c);
    expect(a).not.toBe(b);
    await Promise.all([a, b, c]);
    expect(maxInFlight).toBe(1);
    expect(server.requests.filter((r) => r.path.includes("/pull")).length - before).toBe(2);
    expect(engine.getStatus().state).toBe("idle");
  });

  it("pushes in batches of at most 500", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 1199);
    const r = await engine.sync();
    expect(r.pushed?.applied).toBe(1200);
    const sizes = server.requests
      .filter((q) => q.path.startsWith("/api/v1/sync/push"))
      .map((q) => (q.body as { mutations: unknown[] }).mutations.length);
    expect(sizes).toEqual([500, 500, 200]);
    expect(await db.assessments.get(A)).toEqual(server.assessments.get(A));
  }, 60_000);

  it("renumbers pending mutations once when the server lost this client's history", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 2);
    await engine.sync();
    const clientId = engine.getStatus().clientId ?? "";
    await setAnswer(db, A, "PGD.01", 1);
    await setAnswer(db, A, "PGD.03", 2);
    server.clients.set(clientId, { userId: server.userId, lastMutationId: 1 }); // restored from an old backup
    const r = await engine.sync();
    expect(r.ok).toBe(true);
    expect(engine.getStatus().warnings.map((w) => w.key)).toEqual(["mutation_gap"]);
    expect(server.clients.get(clientId)?.lastMutationId).toBe(3);
    expect(server.assessments.get(A)?.answers).toMatchObject({ "PGD.01": 1, "PGD.03": 2 });
    expect(await db.outbox.count()).toBe(0);
    expect((await setAnswer(db, A, "PGD.01", 0)).mutation.id).toBe(4);
  });

  it("records server rejections, removes them from the outbox, and rebuilds the view without them", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 1);
    await engine.sync();
    // The supervisor approved meanwhile (server-side state change the device has not pulled).
    const s = server.assessments.get(A);
    if (s) server.assessments.set(A, { ...s, status: "submitted" });
    const edit = await setAnswer(db, A, "PGD.01", 2);
    const r = await engine.sync();
    expect(r.pushed?.rejected).toBe(1);
    const rejections = await db.rejections.toArray();
    expect(rejections).toMatchObject([
      { mutationId: edit.mutation.id, code: "not_editable", assessmentId: A },
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("uploads evidence before pushing: HEAD, then PUT only when missing; refused files are marked failed", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 0);
    const blob = fakeJpeg(4096, 7);
    const stored = await storeEvidence(db, blob, { width: 64, height: 64 });
    await recordMutation(db, "assessment.attachEvidence", {
      assessmentId: A,
      key: "IN.SP.05",
      evidence: {
        sha256: stored.sha256,
        mime: "image/jpeg",
        bytes: stored.bytes,
        takenAt: "2026-08-01T02:00:00Z",
      },
    });
    const big = await storeEvidence(db, fakeJpeg(9000, 9));
    await recordMutation(db, "assessment.attachEvidence", {
      assessmentId: A,
      key: "PGD.01",
      evidence: { sha256: big.sha256, mime: "image/jpeg", bytes: big.bytes, takenAt: "2026-08-01T02:00:00Z" },
    });
    server.maxBlobBytes = 8192;
    const r = await engine.sync();
    expect(r.ok).toBe(true);
    expect(r.uploaded).toEqual({ uploaded: 1, failed: 1 });
    expect(engine.getStatus().warnings.map((w) => w.key)).toEqual(["evidence_too_large"]);
    expect(engine.getStatus().failedUploads).toBe(1);
    expect(server.blobs.get(stored.sha256)).toEqual(new Uint8Array(await blob.arrayBuffer()));
    expect((await db.evidence.get(stored.sha256))?.uploadState).toBe("uploaded");
    expect((await db.evidence.get(big.sha256))?.uploadError).toMatchObject({ status: 413 });
    const puts = () => server.requests.filter((q) => q.method === "PUT").length;
    const before = puts();
    await engine.sync();
    expect(puts()).toBe(before);
  });

  it("retries an upload cut halfway and the server ends with identical bytes", async () => {
    const { db, server, engine } = await setup();
    await createWithAnswers(db, 0);
    const blob = fakeJpeg(20_000, 3);
    const stored = await storeEvidence(db, blob);
    await recordMutation(db, "assessment.attachEvidence", {
      assessmentId: A,
      key: "IN.SP.05",
      evidence: {
        sha256: stored.sha256,
        mime: "image/jpeg",
        bytes: stored.bytes,
        takenAt: "2026-08-01T02:00:00Z",
      },
    });
    let cut = false;
    server.fault = (req, phase) => {
      if (!cut && req.method === "PUT" && phase === "before") {
        cut = true;
        return "drop";
      }
      return undefined;
    };
    expect((await engine.sync()).ok).toBe(false);
    expect(server.blobs.size).toBe(0);
    expect(await db.outbox.count()).toBe(2); // the attach waits for its blob
    expect((await engine.sync()).ok).toBe(true);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(server.blobs.get(stored.sha256));
  });

  it("wires and unwires triggers: online, visibility, service-worker message, timer", async () => {
    const { server, engine, timers } = await setup();
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: "hidden" });
    const sw = new EventTarget();
    const e = createSyncEngine({
      db: (await openPatuhDb(`engine-trig-${process.pid}-${++seq}`)) as PatuhDb,
      fetch: server.fetch,
      baseUrl: "http://fake.invalid",
      timers,
      env: { window: win, document: doc, serviceWorker: sw },
      periodicMs: 60_000,
    });
    const pulls = () => server.requests.filter((r) => r.path.includes("/sync/pull")).length;
    const settle = () => e.sync();
    e.start();
    await settle();
    const afterStart = pulls();
    expect(afterStart).toBeGreaterThanOrEqual(1);
    win.dispatchEvent(new Event("online"));
    await settle();
    doc.visibilityState = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    await settle();
    sw.dispatchEvent(new MessageEvent("message", { data: { type: "patuh-sync" } }));
    await settle();
    const periodic = timers.find((t) => t.repeat && t.ms === 60_000);
    expect(periodic).toBeDefined();
    if (periodic) timers.fire(periodic);
    await settle();
    const wired = pulls();
    expect(wired).toBeGreaterThan(afterStart + 3);
    e.stop();
    expect(timers.find((t) => t.repeat)).toBeUndefined();
    win.dispatchEvent(new Event("online"));
    sw.dispatchEvent(new MessageEvent("message", { data: { type: "patuh-sync" } }));
    await new Promise((r) => setTimeout(r, 20));
    expect(pulls()).toBe(wired);
    void engine;
  });

  it("reports per-assessment state and live pending counts", async () => {
    const { db, engine, server } = await setup();
    server.fault = () => "drop"; // runs started by start() fail, so the count stays observable
    engine.start();
    await recordMutation(db, "assessment.create", createArgs());
    await expect.poll(() => engine.getStatus().pendingCount).toBe(1);
    expect(await listAssessmentSyncInfo(db)).toMatchObject([
      { assessmentId: A, state: "draft", pendingCount: 1, lastSyncedAt: null },
    ]);
    server.fault = undefined;
    expect((await engine.syncNow()).ok).toBe(true);
    await expect.poll(() => engine.getStatus().pendingCount).toBe(0);
    const [synced] = await listAssessmentSyncInfo(db);
    expect(synced).toMatchObject({ state: "synced", pendingCount: 0, conflicts: 0, rejections: 0 });
    expect(synced?.lastSyncedAt).not.toBeNull();
    await setAnswer(db, A, "PGD.01", 2);
    expect((await listAssessmentSyncInfo(db))[0]?.state).toBe("unsynced");
    await engine.sync();
    expect((await listAssessmentSyncInfo(db))[0]?.state).toBe("synced");
  });

  it("lets only one tab sync at a time where Web Locks exist", async () => {
    const { db, server } = await setup();
    const held = createSyncEngine({
      db,
      fetch: server.fetch,
      baseUrl: "http://fake.invalid",
      timers: new ManualTimers(),
      env: { locks: { request: (_name, _opts, cb) => cb(null) } },
    });
    const r = await held.sync();
    expect(r).toMatchObject({ ok: false, skipped: "other-tab", problem: null });
  });
});
