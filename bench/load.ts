// Load: 200 devices syncing at once against ONE real server process (`bin/patuh.js serve`) on
// PostgreSQL, on this 2-core machine. Each device (its own user, session and assignment) loops:
// push a few answer edits, pull since its cursor, think for a moment. Reports throughput and the
// p50/p99 latency of sync requests (target p99 < 250 ms), and where the time goes: CPU of the
// server process and of the PostgreSQL backends (from /proc, per request), CPU of this load
// generator, and the rest of the latency (waiting: queueing for a core, the pool, locks, I/O).
//
// Standalone: PATUH_BENCH_DATABASE_URL=postgres://… PATUH_BENCH_PG_PID=<postmaster pid> npx tsx bench/load.ts
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import type { Mutation } from "../src/domain/sync/protocol";
import { createSession } from "../src/server/auth/sessions";
import { systemClock } from "../src/server/clock";
import type { Db } from "../src/server/db/connection";
import { readDefaultInstrumentJson, seedBenchBase, withBenchDatabase } from "./server-support";
import { type BenchResult, quantile, root } from "./support";

const DEVICES = Number(process.env.PATUH_LOAD_DEVICES ?? 200);
const DURATION_MS = Number(process.env.PATUH_LOAD_MS ?? 30_000);
const WARMUP_MS = 3_000;
// A device syncs after edits and on a timer: every 3–9 s here, far more often than a real one (60 s).
const THINK_MS = [3_000, 9_000] as const;
const EDITS_PER_PUSH = 5;
const KEYS = ["IN.SP.01", "IN.SP.02", "IN.SP.03", "IN.SP.04", "IN.SP.06", "IN.SP.07", "PR.07"];
const instrument = readDefaultInstrumentJson();

export interface Device {
  cookie: string;
  clientId: string;
  assignmentId: string;
  unitId: string;
  assessmentId: string;
  next: number;
  cursor?: string;
}

export async function seed(db: Db, count = DEVICES): Promise<Device[]> {
  const { periodId, pemdaId } = await seedBenchBase(db, { id: "load", name: "Load", pemdaCode: "9902" });
  const out: Device[] = [];
  for (let d = 0; d < count; d++) {
    const userId = randomUUID();
    const unitId = randomUUID();
    const assignmentId = randomUUID();
    await sql`insert into users (id, username, name, role, office_id, password_hash)
              values (${userId}, ${`load${d}`}, ${`Load ${d}`}, 'assessor', 'load', 'x')`.execute(db);
    await sql`insert into units (id, pemda_id, kind, name) values (${unitId}, ${pemdaId}, 'disdukcapil', ${`Unit ${d}`})`.execute(
      db,
    );
    await sql`insert into assignments (id, period_id, unit_id) values (${assignmentId}, ${periodId}, ${unitId})`.execute(
      db,
    );
    await sql`insert into assignment_members (assignment_id, user_id) values (${assignmentId}, ${userId})`.execute(
      db,
    );
    const { token } = await createSession(db, systemClock, userId);
    out.push({
      cookie: `patuh_session=${token}`,
      clientId: randomUUID(),
      assignmentId,
      unitId,
      assessmentId: randomUUID(),
      next: 1,
    });
  }
  return out;
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 100 Hz there). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU ms of every child of the postmaster (the backends, including this server's pool). */
function postgresCpuMs(postmasterPid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmasterPid) total += cpuMsOf(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function startServer(databaseUrl: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, "bin", "patuh.js"), "serve"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString("utf8");
      const m = output.match(/Patuh listening on (http:\/\/\S+)/);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

export function edits(d: Device, n: number): Mutation[] {
  const out: Mutation[] = [];
  for (let i = 0; i < n; i++) {
    const id = d.next++;
    out.push({
      id,
      name: "assessment.setAnswer",
      args: {
        assessmentId: d.assessmentId,
        key: KEYS[id % KEYS.length] ?? "IN.SP.01",
        value: id % 4,
        previous: null,
      },
      at: new Date().toISOString(),
    });
  }
  return out;
}

export async function benchLoad(databaseUrl: string, postmasterPid: number): Promise<BenchResult[]> {
  return withBenchDatabase(databaseUrl, "load", async (db, dataDir) => {
    const devices = await seed(db);
    const url = new URL(databaseUrl);
    url.pathname = `/${(await sql<{ db: string }>`select current_database() as db`.execute(db)).rows[0]?.db}`;
    const { child, url: base } = await startServer(url.toString(), dataDir);
    try {
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
      const pull = async (d: Device) => {
        const q = new URLSearchParams({ clientId: d.clientId, ...(d.cursor ? { cursor: d.cursor } : {}) });
        d.cursor = (await call(d, `/sync/pull?${q}`)).cursor;
      };
      // Every device: first snapshot and its assessment (not measured).
      for (let i = 0; i < devices.length; i += 20) {
        await Promise.all(
          devices.slice(i, i + 20).map(async (d) => {
            await pull(d);
            await call(d, "/sync/push", {
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
            });
          }),
        );
      }

      const latencies: number[] = [];
      let measuring = false;
      let requests = 0;
      let mutations = 0;
      let stop = false;
      const loop = async (d: Device) => {
        await new Promise((r) => setTimeout(r, Math.random() * THINK_MS[1]));
        while (!stop) {
          const n = EDITS_PER_PUSH;
          for (const step of ["push", "pull"] as const) {
            const t0 = performance.now();
            if (step === "push")
              await call(d, "/sync/push", { clientId: d.clientId, mutations: edits(d, n) });
            else await pull(d);
            if (measuring) {
              latencies.push(performance.now() - t0);
              requests++;
              if (step === "push") mutations += n;
            }
          }
          await new Promise((r) => setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
        }
      };
      const running = devices.map(loop);
      await new Promise((r) => setTimeout(r, WARMUP_MS));
      const serverPid = child.pid ?? 0;
      const machineLoad = loadavg()[0] ?? Number.NaN;
      const cpu0 = { server: cpuMsOf(serverPid), db: postgresCpuMs(postmasterPid), self: process.cpuUsage() };
      const t0 = performance.now();
      measuring = true;
      await new Promise((r) => setTimeout(r, DURATION_MS));
      measuring = false;
      const wallMs = performance.now() - t0;
      const selfUsage = process.cpuUsage(cpu0.self);
      const serverCpu = cpuMsOf(serverPid) - cpu0.server;
      const dbCpu = postgresCpuMs(postmasterPid) - cpu0.db;
      const selfCpu = (selfUsage.user + selfUsage.system) / 1000;
      stop = true;
      await Promise.all(running);

      const sorted = [...latencies].sort((a, b) => a - b);
      const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
      const perReq = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
      const round = (x: number) => Math.round(x * 10) / 10;
      const waiting = Math.max(0, mean - perReq(serverCpu) - perReq(dbCpu));
      return [
        {
          name: `${DEVICES} devices syncing: requests/s`,
          value: round(requests / (wallMs / 1000)),
          unit: "req/s",
        },
        {
          name: `${DEVICES} devices syncing: mutations/s`,
          value: round(mutations / (wallMs / 1000)),
          unit: "mut/s",
        },
        { name: `${DEVICES} devices: sync request p50`, value: round(quantile(sorted, 0.5)), unit: "ms" },
        {
          name: `${DEVICES} devices: sync request p99`,
          value: round(quantile(sorted, 0.99)),
          unit: "ms",
          target: 250,
        },
        { name: "per request: mean latency", value: round(mean), unit: "ms" },
        { name: "per request: server process CPU", value: perReq(serverCpu), unit: "ms" },
        { name: "per request: PostgreSQL CPU", value: perReq(dbCpu), unit: "ms" },
        { name: "per request: waiting (queue, locks, I/O)", value: round(waiting), unit: "ms" },
        {
          name: "load generator CPU (same 2 cores)",
          value: round((selfCpu / wallMs) * 100),
          unit: "% of 1 core",
        },
        { name: "machine load average (1 min) when measured", value: round(machineLoad), unit: "" },
        {
          name: "server + PostgreSQL CPU",
          value: round(((serverCpu + dbCpu) / wallMs) * 100),
          unit: "% of 1 core",
        },
      ];
    } finally {
      child.kill("SIGTERM");
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  const pid = Number(process.env.PATUH_BENCH_PG_PID ?? 0);
  if (!url) throw new Error("set PATUH_BENCH_DATABASE_URL (and PATUH_BENCH_PG_PID for the DB CPU figure)");
  for (const r of await benchLoad(url, pid)) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
