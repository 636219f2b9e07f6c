// Several stateless servers. On PostgreSQL: two real `patuh serve` processes (separate data
// directories, evidence in S3 via s3rver) behind HAProxy running deploy/haproxy.cfg. Three devices
// (the real client database and sync engine) edit two shared checklists and sync through the proxy
// while one server is SIGKILLed mid-push and restarted, and later the other is stopped gracefully
// and restarted (a rolling restart). Then: every device converges on the server's state, each
// client's mutations are applied or rejected exactly once (the rules' oracle), every photo is
// there with its bytes, both servers answered requests, and sessions, review reads, results (score
// cache) and exports give the same answer whichever server answers.
// On PGlite (single-process by design) the same file proves the other half of the rule: a second
// server on the same data directory is refused with a clear message.
// CI size: PATUH_SCALE_EDITS (default 240). Full size, documented in docs/deploy.md: 3000.
import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMutation, setAnswer, setNote } from "../../../src/client/db/edits";
import { MutationRefusedError } from "../../../src/client/db/errors";
import { storeEvidence } from "../../../src/client/db/evidence";
import { readClientId } from "../../../src/client/db/meta";
import { fakeJpeg, UNIT_SCALE_KEYS } from "../../../src/client/db/testing/fixtures";
import type { AssessmentState, Assignment, Mutation } from "../../../src/domain/sync/protocol";
import { seedDemo } from "../../../src/server/demo/seed-demo";
import { createTestDb, preparePgliteDataDir, type TestDb, testDbKind } from "../../helpers/test-db";
import { CookieClient } from "../../helpers/test-server";
import { APP_ORIGIN } from "../client/support/cookie-fetch";
import { type ChaosDevice, chaosDevice } from "../stress/support/chaos-device";
import { checkAgainstOracle, type LoggedEdit } from "../stress/support/oracle";
import { type Haproxy, haproxyConfigFor, startHaproxy } from "./support/haproxy";
import { type LocalS3, startLocalS3 } from "./support/s3rver";
import { freePort, type ServeProcess, serveProcess } from "./support/serve-process";

const EDITS = Number(process.env.PATUH_SCALE_EDITS ?? 240);
const ROUNDS = 8;
const PASSWORD = "scale-Demo-2026";
const tmp: string[] = [];
const tempDir = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  tmp.push(d);
  return d;
};

/** mulberry32: seeded, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let testDb: TestDb | undefined;
let s3: LocalS3 | undefined;
let proxy: Haproxy | undefined;
const servers: ServeProcess[] = [];

/** Each half belongs to one database: registered only in that database's run (never a skipped test). */
function describeOn(kind: "postgres" | "pglite", name: string, body: () => void): void {
  if (testDbKind() === kind) describe(name, body);
}
const devices: ChaosDevice[] = [];

afterAll(async () => {
  for (const d of devices.splice(0)) await d.close();
  await proxy?.stop();
  for (const s of servers) await s.stop("SIGKILL");
  await s3?.close();
  await testDb?.close();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describeOn("postgres", "two servers behind HAProxy on one PostgreSQL", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    await seedDemo(testDb.db, { password: PASSWORD });
    const shared = await sql<{ assignment_id: string }>`
      select m.assignment_id from assignment_members m join users u on u.id = m.user_id
      where u.username = 'penilai1' order by m.assignment_id limit 2`.execute(testDb.db);
    for (const r of shared.rows)
      await sql`insert into assignment_members (assignment_id, user_id)
                select ${r.assignment_id}, id from users where username = 'penilai2'`.execute(testDb.db);
    s3 = await startLocalS3();
    for (const name of ["app1", "app2"]) {
      const s = serveProcess(name, {
        DATABASE_URL: testDb.url ?? "",
        DATA_DIR: tempDir(`patuh-${name}-`),
        ...s3.env(),
      });
      await s.start();
      servers.push(s);
    }
    const front = await freePort();
    const config = haproxyConfigFor(
      front,
      servers.map((s) => s.port),
    );
    proxy = await startHaproxy(join(tempDir("patuh-haproxy-"), "haproxy.cfg"), config, front);
  }, 300_000);

  it(`${EDITS} edits from three devices through the proxy survive a crash and a rolling restart`, {
    timeout: 600_000,
  }, async () => {
    const db = (testDb as TestDb).db;
    const url = (proxy as Haproxy).url;
    const [app1, app2] = servers as [ServeProcess, ServeProcess];
    const rng = prng(20261205);
    const log: LoggedEdit[] = [];
    const clientIds = new Map<ChaosDevice, string>();
    for (const [username, name] of [
      ["penilai1", "phone"],
      ["penilai1", "tablet"],
      ["penilai2", "penilai2"],
    ] as const) {
      devices.push(await chaosDevice(() => url, username, PASSWORD, `scale-${name}`));
    }
    const [phone, , other] = devices as [ChaosDevice, ChaosDevice, ChaosDevice];
    const syncOk = async (d: ChaosDevice) => {
      const r = await d.engine.sync();
      if (!r.ok) throw new Error(`${d.name}: sync failed: ${JSON.stringify(r.problem)}`);
    };
    const logged = async (d: ChaosDevice, edit: Promise<{ mutation: Mutation }>) => {
      try {
        const { mutation } = await edit;
        let clientId = clientIds.get(d);
        if (clientId === undefined) {
          clientId = (await readClientId(d.db)) ?? "";
          clientIds.set(d, clientId);
        }
        log.push({ clientId, userId: d.userId, mutation });
        return true;
      } catch (e) {
        if (e instanceof MutationRefusedError) return false;
        throw e;
      }
    };
    for (const d of devices) await syncOk(d);
    const sharedAssignments = (await phone.db.assignments.toArray())
      .filter((a) => a.team.includes(phone.userId) && a.team.includes(other.userId))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(sharedAssignments).toHaveLength(2);
    const assignmentsById = new Map<string, Assignment>(sharedAssignments.map((a) => [a.id, a]));
    const assessmentIds: string[] = [];
    let periodId = "";
    for (const [d, a] of [
      [phone, sharedAssignments[0]],
      [other, sharedAssignments[1]],
    ] as const) {
      if (!a) throw new Error("no shared assignment");
      const period = await d.db.periods.get(a.periodId);
      if (!period) throw new Error("period not pulled");
      periodId = period.id;
      const assessmentId = crypto.randomUUID();
      assessmentIds.push(assessmentId);
      await logged(
        d,
        recordMutation(d.db, "assessment.create", {
          assessmentId,
          assignmentId: a.id,
          unitId: a.unitId,
          instrumentId: period.instrumentId,
          instrumentVersion: period.instrumentVersion,
          visit: { date: "2026-08-01", mode: "scheduled" },
        }),
      );
      await syncOk(d);
    }
    for (const d of devices) await syncOk(d);

    const keys = UNIT_SCALE_KEYS.slice(0, 6);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];
    let n = 0;
    const randomEdit = async (d: ChaosDevice): Promise<boolean> => {
      n++;
      const id = pick(assessmentIds) ?? "";
      if (!(await d.db.assessments.get(id))) return false;
      const r = rng();
      if (r < 0.6) return logged(d, setAnswer(d.db, id, pick(keys) ?? "IN.SP.01", Math.floor(rng() * 4)));
      if (r < 0.85) return logged(d, setNote(d.db, id, "general", `catatan ${d.name} ${n}`));
      const stored = await storeEvidence(d.db, fakeJpeg(2048 + Math.floor(rng() * 4096), 7000 + n), {});
      const evidence = {
        sha256: stored.sha256,
        mime: "image/jpeg" as const,
        bytes: stored.bytes,
        takenAt: "2026-08-01T02:00:00Z",
      };
      return logged(
        d,
        recordMutation(d.db, "assessment.attachEvidence", { assessmentId: id, key: "IN.SP.05", evidence }),
      );
    };

    const perRound = Math.ceil(EDITS / ROUNDS);
    let made = 0;
    const faults = { crashes: 0, rolling: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      let editing = true;
      const work: Promise<unknown>[] = devices.map(async (d) => {
        for (let syncs = 0; editing || syncs < 2; syncs++) {
          await d.engine.sync(); // failures are retried by the next loop, as the app's triggers do
          await new Promise((r) => setTimeout(r, 150 + Math.floor(rng() * 250)));
        }
      });
      work.push(
        (async () => {
          for (let k = 0; k < perRound && made < EDITS; k++) {
            const d = pick(devices);
            if (d && (await randomEdit(d))) made++;
            if (k % 5 === 0) await new Promise((r) => setTimeout(r, 20));
          }
          editing = false;
        })(),
      );
      if (round === 2) {
        // A crash mid-push: app1 dies while the devices are syncing through the proxy.
        work.push(
          new Promise((r) => setTimeout(r, 100 + Math.floor(rng() * 200))).then(async () => {
            await app1.stop("SIGKILL");
            faults.crashes++;
          }),
        );
      }
      if (round === 5) {
        // A rolling restart: app2 drains (readiness off, requests in flight finish) and goes.
        work.push(
          new Promise((r) => setTimeout(r, 100)).then(async () => {
            await app2.stop("SIGTERM");
            faults.rolling++;
          }),
        );
      }
      await Promise.all(work);
      // The stopped server comes back on its port; HAProxy's health check takes it in again.
      if (round === 2) await app1.start();
      if (round === 5) await app2.start();
    }
    expect(made).toBe(EDITS);
    expect(faults).toEqual({ crashes: 1, rolling: 1 });

    for (let pass = 0; pass < 3; pass++) for (const d of devices) await syncOk(d);
    for (const d of devices) await syncOk(d);

    // Converged: empty outboxes; every device shows exactly the server's state.
    const rows = await sql<{ id: string; state: AssessmentState }>`select id, state from assessments`.execute(
      db,
    );
    expect(rows.rows.map((r) => r.id).sort()).toEqual([...assessmentIds].sort());
    for (const d of devices) {
      expect(await d.db.outbox.count(), `${d.name} outbox`).toBe(0);
      for (const r of rows.rows)
        expect(await d.db.assessments.get(r.id), `${d.name} ${r.id}`).toEqual(r.state);
    }
    // Nothing lost, nothing duplicated: each client's last applied id is its number of edits, and
    // every mutation was applied or rejected exactly once as the rules predict.
    const clients = await sql<{ client_id: string; last_mutation_id: string }>`
      select client_id, last_mutation_id from mutation_clients`.execute(db);
    for (const [d, clientId] of clientIds) {
      const row = clients.rows.find((c) => c.client_id === clientId);
      expect(Number(row?.last_mutation_id), d.name).toBe(log.filter((e) => e.clientId === clientId).length);
    }
    const report = await checkAgainstOracle(db, log, assignmentsById);
    expect(report.problems).toEqual([]);
    expect(report.applied + report.rejected).toBe(log.length);
    for (const r of rows.rows) {
      expect(new Set(r.state.evidence.map((e) => `${e.key}/${e.sha256}`)).size).toBe(r.state.evidence.length);
      for (const e of r.state.evidence) {
        const res = await phone.http(`${APP_ORIGIN}/api/v1/evidence/${e.sha256}`);
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(e.sha256);
      }
    }
    // Both servers carried the load.
    expect(app1.requests).toBeGreaterThan(20);
    expect(app2.requests).toBeGreaterThan(20);

    // One session, any server: the supervisor's reads agree whichever server answers
    // (round robin alternates; four requests each reach both).
    const sup = new CookieClient(url);
    expect((await sup.post("/api/v1/session", { username: "supervisor", password: PASSWORD })).status).toBe(
      200,
    );
    for (const path of [
      `/api/v1/results?periodId=${periodId}`,
      `/api/v1/exports/results.csv?periodId=${periodId}`,
      `/api/v1/assessments/${assessmentIds[0]}`,
    ]) {
      const answers = [];
      for (let i = 0; i < 4; i++) {
        const r = await sup.get(path);
        expect(r.status, path).toBe(200);
        answers.push(r.text);
      }
      expect(new Set(answers).size, path).toBe(1);
    }
    const errors = servers.flatMap((s) => s.errors).filter((l) => !/Error: aborted/.test(l));
    expect(errors).toEqual([]);
    console.info(
      `two servers: ${log.length} mutations, applied ${report.applied}, rejected ${report.rejected}, ` +
        `requests app1 ${app1.requests} app2 ${app2.requests}`,
    );
  });
});

describeOn("pglite", "PGlite is single-process", () => {
  it("refuses a second server on the same data directory with a clear message, and takes over a dead one's lock", async () => {
    const dataDir = tempDir("patuh-lock-");
    await preparePgliteDataDir(join(dataDir, "pglite"));
    const first = serveProcess("first", { DATA_DIR: dataDir });
    servers.push(first);
    await first.start();
    const second = serveProcess("second", { DATA_DIR: dataDir });
    await expect(second.start()).rejects.toThrow(
      new RegExp(`in use by process ${first.pid()}.*PGlite serves one process only`),
    );
    // The first still serves.
    expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
    // A crash leaves the lock file behind; the next start sees its owner is dead and takes over.
    await first.stop("SIGKILL");
    const third = serveProcess("third", { DATA_DIR: dataDir });
    servers.push(third);
    await third.start();
    expect((await fetch(`http://127.0.0.1:${third.port}/readyz`)).status).toBe(200);
  }, 120_000);
});
