// Sync server throughput against a real PostgreSQL, through the real HTTP app (session middleware,
// JSON body limits, strict validation, push/pull, in process: no socket): push of 1,000 mutations
// from one device (batches of ≤ 500, target ≤ 3 s), sustained mutations/s with 10 devices pushing
// at once (target ≥ 1,000/s), and the first pull of a fresh device that has 50 assignments
// (target ≤ 500 ms; median of five fresh devices). Each run creates its own throwaway database on
// the given server and drops it.
//
// Standalone: PATUH_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx bench/sync-server.ts
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import type { Mutation } from "../src/domain/sync/protocol";
import { createSession } from "../src/server/auth/sessions";
import { systemClock } from "../src/server/clock";
import type { Db } from "../src/server/db/connection";
import type { SyncUser } from "../src/server/sync/permissions";
import {
  type BenchBase,
  benchApp,
  readDefaultInstrumentJson,
  seedBenchBase,
  withBenchDatabase,
} from "./server-support";
import type { BenchResult } from "./support";

const instrument = readDefaultInstrumentJson();
const UNIT_KEYS = [
  "IN.SP.01",
  "IN.SP.02",
  "IN.SP.03",
  "IN.SP.04",
  "IN.SP.06",
  "IN.SP.07",
  "IN.SP.10",
  "PR.06a",
  "PR.07",
];
const AT = "2026-08-01T02:03:04Z";
/** What the current device announces on pull (src/client/sync/transport.ts PULL_PROTOCOL). */
const FIELD_PROTOCOL = "1.2";
/** The step before echo-free pulls, measured beside it for the before/after figure. */
const FIELD_PROTOCOL_BEFORE = "1.1";

interface Device {
  user: SyncUser;
  cookie: string;
  assignments: { id: string; unitId: string }[];
}

type App = ReturnType<typeof benchApp>;

type Base = BenchBase;

export const seedBase = (db: Db): Promise<Base> =>
  seedBenchBase(db, { id: "bench", name: "Bench", pemdaCode: "9901" });

export async function seedDevices(
  db: Db,
  base: Base,
  prefix: string,
  devices: number,
  assignmentsPerDevice: number,
): Promise<Device[]> {
  const { periodId, pemdaId } = base;
  const out: Device[] = [];
  for (let d = 0; d < devices; d++) {
    const userId = randomUUID();
    await sql`insert into users (id, username, name, role, office_id, password_hash)
              values (${userId}, ${`${prefix}${d}`}, ${`Bench ${prefix}${d}`}, 'assessor', 'bench', 'x')`.execute(
      db,
    );
    const assignments: Device["assignments"] = [];
    for (let a = 0; a < assignmentsPerDevice; a++) {
      const unitId = randomUUID();
      const id = randomUUID();
      await sql`insert into units (id, pemda_id, kind, name, suggested_products)
                values (${unitId}, ${pemdaId}, 'disdukcapil', ${`Unit ${d}.${a}`}, '["KTP-el","KK"]'::jsonb)`.execute(
        db,
      );
      await sql`insert into assignments (id, period_id, unit_id) values (${id}, ${periodId}, ${unitId})`.execute(
        db,
      );
      await sql`insert into assignment_members (assignment_id, user_id) values (${id}, ${userId})`.execute(
        db,
      );
      assignments.push({ id, unitId });
    }
    const { token } = await createSession(db, systemClock, userId);
    out.push({
      user: { id: userId, role: "assessor", officeId: "bench" },
      cookie: `patuh_session=${token}`,
      assignments,
    });
  }
  return out;
}

/** create + (n - 1) answer edits on one assessment per assignment, round-robin. */
function mutationsFor(device: Device, n: number): Mutation[] {
  const out: Mutation[] = [];
  const assessments = device.assignments.map((a) => ({ ...a, assessmentId: randomUUID() }));
  let id = 0;
  for (const a of assessments) {
    out.push({
      id: ++id,
      name: "assessment.create",
      args: {
        assessmentId: a.assessmentId,
        assignmentId: a.id,
        unitId: a.unitId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        visit: { date: "2026-08-01", mode: "scheduled" },
      },
      at: AT,
    });
  }
  while (id < n) {
    const a = assessments[id % assessments.length];
    if (a === undefined) break;
    const key = UNIT_KEYS[id % UNIT_KEYS.length] ?? "IN.SP.01";
    out.push({
      id: ++id,
      name: "assessment.setAnswer",
      args: { assessmentId: a.assessmentId, key, value: id % 4, previous: null },
      at: AT,
    });
  }
  return out;
}

async function pushAll(app: App, device: Device, mutations: Mutation[]): Promise<void> {
  const clientId = randomUUID();
  for (let i = 0; i < mutations.length; i += 500) {
    const res = await app.request("/api/v1/sync/push", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: device.cookie },
      body: JSON.stringify({ clientId, mutations: mutations.slice(i, i + 500) }),
    });
    const body = (await res.json()) as { results?: { status: string }[] };
    if (res.status !== 200 || body.results?.some((x) => x.status !== "applied")) {
      throw new Error(`bench push failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
}

export async function benchSyncServer(databaseUrl: string): Promise<BenchResult[]> {
  return withBenchDatabase(databaseUrl, "", async (db, dataDir) => {
    const app = benchApp(db, dataDir);
    const base = await seedBase(db);
    const devices = await seedDevices(db, base, "dev", 14, 1);
    // Warm-up: connections, instrument cache, JIT.
    const warm = devices[10];
    const fresh = devices[11];
    if (warm === undefined || fresh === undefined) throw new Error("seed failed");
    await pushAll(app, warm, mutationsFor(warm, 50));

    let t = performance.now();
    await pushAll(app, fresh, mutationsFor(fresh, 1000));
    const oneDeviceS = (performance.now() - t) / 1000;

    const ten = devices.slice(0, 10);
    const perDevice = 300;
    const fieldDevice = devices[12];
    if (fieldDevice === undefined) throw new Error("seed failed");
    const cpuBefore = process.cpuUsage();
    t = performance.now();
    await Promise.all(ten.map((d) => pushAll(app, d, mutationsFor(d, perDevice))));
    const rate = (ten.length * perDevice) / ((performance.now() - t) / 1000);

    const sustainedCpu = cpuMicros(cpuBefore);
    const cpuPerMutationSustained = sustainedCpu / (ten.length * perDevice);
    const beforeDevice = devices[13];
    if (beforeDevice === undefined) throw new Error("seed failed");
    const fieldBefore = await fieldPatternCpu(app, beforeDevice, FIELD_PROTOCOL_BEFORE);
    const field = await fieldPatternCpu(app, fieldDevice);

    const puller = await seedPuller(app, db, base);
    // Median of five first pulls (each a fresh clientId): one ~30 ms sample is mostly noise on a
    // loaded 2-core machine.
    const pulls: number[] = [];
    for (let k = 0; k < 5; k++) {
      t = performance.now();
      const res = await app.request(`/api/v1/sync/pull?clientId=${randomUUID()}`, {
        headers: { cookie: puller.cookie },
      });
      const pulled = (await res.json()) as { patch?: { type: string }[] };
      pulls.push(performance.now() - t);
      if (pulled.patch?.filter((p) => p.type === "assignment").length !== 50) {
        throw new Error("bench pull did not return 50 assignments");
      }
    }
    const pullMs = [...pulls].sort((a, b) => a - b)[2] ?? Number.NaN;
    return [
      { name: "sync push 1,000 mutations, one device", value: round(oneDeviceS), unit: "s", target: 3 },
      { name: "sync push sustained, 10 devices", value: Math.round(rate), unit: "mutations/s", target: 1000 },
      {
        name: "sync first pull, 50 assignments (median of 5)",
        value: round(pullMs),
        unit: "ms",
        target: 500,
      },
      {
        name: "server CPU per mutation, 10 devices pushing batches",
        value: Math.round(cpuPerMutationSustained),
        unit: "µs",
      },
      {
        name: `server CPU per mutation, field pattern (push ${FIELD_BATCH} + pull, ${FIELD_ROUNDS} syncs), protocol ${FIELD_PROTOCOL_BEFORE}`,
        value: Math.round(fieldBefore.perMutation),
        unit: "µs",
      },
      {
        name: `server CPU per mutation, field pattern, protocol ${FIELD_PROTOCOL} (echo-free pull)`,
        value: Math.round(field.perMutation),
        unit: "µs",
      },
      {
        name: `pull answer per field sync (JSON before compression), protocol ${FIELD_PROTOCOL_BEFORE}`,
        value: Math.round(fieldBefore.pullBytes),
        unit: "B",
      },
      {
        name: `pull answer per field sync (JSON before compression), protocol ${FIELD_PROTOCOL}`,
        value: Math.round(field.pullBytes),
        unit: "B",
      },
    ];
  });
}

const FIELD_BATCH = 10;
const FIELD_ROUNDS = 60;

/** Server (this process's) CPU time since `since`, in µs. */
function cpuMicros(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return d.user + d.system;
}

/**
 * The way a phone syncs in the field: every few taps a push of FIELD_BATCH answers, then an
 * incremental pull (protocol header as the current device sends it). Reports this process's CPU
 * per mutation over FIELD_ROUNDS such syncs, and the mean pull answer size: the whole server side
 * of a sync (session, validation, reducer, history, change log, pull patch), the database's own
 * CPU excepted (it runs in its own processes).
 */
export async function fieldPatternCpu(
  app: App,
  device: Device,
  protocol: string = FIELD_PROTOCOL,
): Promise<{ perMutation: number; pullBytes: number }> {
  const clientId = randomUUID();
  const all = mutationsFor(device, 1 + FIELD_BATCH * FIELD_ROUNDS);
  const headers = { cookie: device.cookie, "X-Patuh-Protocol": protocol };
  let cursor = "";
  const sync = async (batch: Mutation[]): Promise<number> => {
    const push = await app.request("/api/v1/sync/push", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ clientId, mutations: batch }),
    });
    if (push.status !== 200) throw new Error(`field push failed: ${push.status}`);
    await push.arrayBuffer();
    const q = cursor === "" ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const pull = await app.request(`/api/v1/sync/pull?clientId=${clientId}${q}`, { headers });
    const text = await pull.text();
    cursor = (JSON.parse(text) as { cursor: string }).cursor;
    return text.length;
  };
  await sync(all.slice(0, 1));
  let pullBytes = 0;
  const before = process.cpuUsage();
  for (let r = 0; r < FIELD_ROUNDS; r++) {
    pullBytes += await sync(all.slice(1 + r * FIELD_BATCH, 1 + (r + 1) * FIELD_BATCH));
  }
  return {
    perMutation: cpuMicros(before) / (FIELD_BATCH * FIELD_ROUNDS),
    pullBytes: pullBytes / FIELD_ROUNDS,
  };
}

/** A device with 50 assignments, each with a started assessment, for the first-pull measurement. */
async function seedPuller(app: App, db: Db, base: Base): Promise<Device> {
  const [device] = await seedDevices(db, base, "puller", 1, 50);
  if (device === undefined) throw new Error("seed failed");
  await pushAll(app, device, mutationsFor(device, 50 * 8));
  return device;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  if (url === undefined || url === "") {
    console.error("set PATUH_BENCH_DATABASE_URL to an admin URL of a throwaway PostgreSQL");
    process.exit(2);
  }
  for (const r of await benchSyncServer(url)) {
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target === undefined ? "" : ` (target ${r.target})`}`);
  }
}
