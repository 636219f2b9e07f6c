// Issue #22's figures (`npm run bench -- --only=scale`):
// - evidence throughput through the real app (in process: PUT /evidence with its spool, hash and
//   database row; GET /evidence streamed back), on the file store and on S3 (s3rver, a local
//   S3-protocol server on the same disk, started here), in MB/s;
// - sync throughput (closed loop: each device pushes 5 edits then pulls, again at once) through
//   HAProxy running deploy/haproxy.cfg, with ONE `patuh serve` process behind it and then with TWO,
//   on one PostgreSQL, with the machine's load average beside each figure.
// Sizes (small by default; the machine is shared): PATUH_BENCH_PHOTOS (24 photos of 1 MB),
// PATUH_BENCH_SCALE_DEVICES (20), PATUH_BENCH_SCALE_MS (8000 per configuration).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createSession } from "../src/server/auth/sessions";
import { systemClock } from "../src/server/clock";
import { DEFAULT_LIMITS } from "../src/server/config";
import type { Db } from "../src/server/db/connection";
import type { BlobStore } from "../src/server/evidence/blob-store";
import { FsBlobStore } from "../src/server/evidence/fs-blob-store";
import { S3BlobStore } from "../src/server/evidence/s3-blob-store";
import { createApp } from "../src/server/http/app";
import { haproxyConfigFor, startHaproxy } from "../tests/integration/scale/support/haproxy";
import { S3_TEST_CREDENTIALS, startLocalS3 } from "../tests/integration/scale/support/s3rver";
import { freePort, type ServeProcess, serveProcess } from "../tests/integration/scale/support/serve-process";
import { type Device, edits, seed } from "./load";
import { readDefaultInstrumentJson, withBenchDatabase } from "./server-support";
import type { BenchResult } from "./support";

const PHOTOS = Number(process.env.PATUH_BENCH_PHOTOS ?? 24);
const PHOTO_BYTES = 1024 * 1024;
const DEVICES = Number(process.env.PATUH_BENCH_SCALE_DEVICES ?? 20);
const SYNC_MS = Number(process.env.PATUH_BENCH_SCALE_MS ?? 8000);
const CONCURRENCY = 4;
const round = (x: number) => Math.round(x * 10) / 10;
const load1 = () => round(loadavg()[0] ?? Number.NaN);

async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: n }, worker));
}

/** Upload then download PHOTOS photos through the app on `store`: MB/s each way. */
async function evidenceThroughput(db: Db, dataDir: string, store: BlobStore): Promise<[number, number]> {
  const userId = randomUUID();
  await sql`insert into offices (id, name) values (${`ev${userId.slice(0, 6)}`}, 'Evidence') on conflict do nothing`.execute(
    db,
  );
  await sql`insert into users (id, username, name, role, office_id, password_hash)
            values (${userId}, ${`ev-${userId}`}, 'Evidence', 'assessor', ${`ev${userId.slice(0, 6)}`}, 'x')`.execute(
    db,
  );
  const { token } = await createSession(db, systemClock, userId);
  const app = createApp({
    db,
    config: {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir,
      staticDir: dataDir,
      demoPassword: null,
      evidence: { kind: "fs" },
      metricsToken: null,
      trustProxy: false,
      limits: DEFAULT_LIMITS,
    },
    evidence: store,
    log: { error: (m, e) => console.error(m, e), info: () => undefined },
  });
  const photos = Array.from({ length: PHOTOS }, () => {
    const b = new Uint8Array(randomBytes(PHOTO_BYTES));
    b.set([0xff, 0xd8, 0xff, 0xe0]);
    return { bytes: b, sha: createHash("sha256").update(b).digest("hex") };
  });
  const headers = { cookie: `patuh_session=${token}` };
  const mb = (PHOTOS * PHOTO_BYTES) / 1e6;
  let t0 = performance.now();
  await inParallel(photos, CONCURRENCY, async (p) => {
    const r = await app.request(`/api/v1/evidence/${p.sha}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "image/jpeg" },
      body: p.bytes,
    });
    if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
  });
  const up = mb / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  await inParallel(photos, CONCURRENCY, async (p) => {
    const r = await app.request(`/api/v1/evidence/${p.sha}`, { headers });
    const got = new Uint8Array(await r.arrayBuffer());
    if (r.status !== 200 || got.byteLength !== PHOTO_BYTES) throw new Error(`download: ${r.status}`);
  });
  const down = mb / ((performance.now() - t0) / 1000);
  return [round(up), round(down)];
}

/** Devices in a closed loop against `base` for SYNC_MS: mutations per second. */
async function syncThroughput(base: string, devices: Device[]): Promise<number> {
  const call = async (d: Device, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie: d.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as { cursor?: string };
  };
  let mutations = 0;
  let stop = false;
  const loop = async (d: Device) => {
    while (!stop) {
      await call(d, "/sync/push", { clientId: d.clientId, mutations: edits(d, 5) });
      const q = new URLSearchParams({ clientId: d.clientId, ...(d.cursor ? { cursor: d.cursor } : {}) });
      d.cursor = (await call(d, `/sync/pull?${q}`)).cursor;
      if (!stop) mutations += 5;
    }
  };
  const t0 = performance.now();
  const running = devices.map(loop);
  await new Promise((r) => setTimeout(r, SYNC_MS));
  stop = true;
  const wall = performance.now() - t0;
  await Promise.all(running);
  return round(mutations / (wall / 1000));
}

async function createAssessments(base: string, devices: Device[]): Promise<void> {
  const instrument = readDefaultInstrumentJson();
  for (const d of devices) {
    const res = await fetch(`${base}/api/v1/sync/push`, {
      method: "POST",
      headers: { cookie: d.cookie, "content-type": "application/json" },
      body: JSON.stringify({
        clientId: d.clientId,
        mutations: [
          {
            id: d.next++,
            name: "assessment.create",
            args: {
              assessmentId: d.assessmentId,
              assignmentId: d.assignmentId,
              unitId: d.unitId,
              instrumentId: instrument.id,
              instrumentVersion: instrument.version,
              visit: { date: "2026-08-01", mode: "scheduled" },
            },
            at: new Date().toISOString(),
          },
        ],
      }),
    });
    if (res.status !== 200) throw new Error(`create: ${res.status}`);
  }
}

export async function benchScale(databaseUrl: string): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const s3 = await startLocalS3();
  const spool = mkdtempSync(join(tmpdir(), "patuh-bench-spool-"));
  try {
    await withBenchDatabase(databaseUrl, "evidence", async (db, dataDir) => {
      const [fsUp, fsDown] = await evidenceThroughput(
        db,
        dataDir,
        new FsBlobStore(join(dataDir, "evidence")),
      );
      const s3Store = new S3BlobStore({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: "us-east-1",
        forcePathStyle: true,
        spoolDir: spool,
        credentials: S3_TEST_CREDENTIALS,
      });
      const [s3Up, s3Down] = await evidenceThroughput(db, dataDir, s3Store);
      s3Store.destroy();
      const size = `${PHOTOS} × 1 MB`;
      rows.push(
        { name: `evidence upload, file store (${size}, load ${load1()})`, value: fsUp, unit: "MB/s" },
        { name: `evidence download, file store (${size})`, value: fsDown, unit: "MB/s" },
        { name: `evidence upload, S3 via s3rver (${size}, load ${load1()})`, value: s3Up, unit: "MB/s" },
        { name: `evidence download, S3 via s3rver (${size})`, value: s3Down, unit: "MB/s" },
      );
    });
  } finally {
    await s3.close();
    rmSync(spool, { recursive: true, force: true });
  }

  await withBenchDatabase(databaseUrl, "twoservers", async (db, dataDir) => {
    const devices = await seed(db, DEVICES);
    const url = new URL(databaseUrl);
    url.pathname = `/${(await sql<{ db: string }>`select current_database() as db`.execute(db)).rows[0]?.db}`;
    const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, EVIDENCE_STORE: "fs", LOG_LEVEL: "error" };
    const servers: ServeProcess[] = [serveProcess("s1", env), serveProcess("s2", env)];
    const cfg = join(dataDir, "haproxy.cfg");
    try {
      for (const s of servers) await s.start();
      const [a, b] = servers as [ServeProcess, ServeProcess];
      for (const [label, ports] of [
        ["one server", [a.port, a.port]],
        ["two servers", [a.port, b.port]],
      ] as const) {
        const front = await freePort();
        const proxy = await startHaproxy(cfg, haproxyConfigFor(front, ports), front);
        try {
          if (label === "one server") await createAssessments(proxy.url, devices);
          const rate = await syncThroughput(proxy.url, devices);
          rows.push({
            name: `sync through HAProxy, ${label}, ${DEVICES} devices closed loop (load ${load1()})`,
            value: rate,
            unit: "mutations/s",
          });
        } finally {
          await proxy.stop();
        }
      }
    } finally {
      for (const s of servers) await s.stop("SIGTERM");
    }
  });
  return rows;
}
