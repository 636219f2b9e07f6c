// A simulated device for client integration tests: its own IndexedDB database (fake-indexeddb),
// its own cookie jar (session), a fault-injectable network, and the real sync engine talking real
// HTTP to the in-process server.
import { openPatuhDb, type PatuhDb } from "../../../../src/client/db/database";
import { recordMutation } from "../../../../src/client/db/edits";
import { setDeviceUser } from "../../../../src/client/db/meta";
import { createSyncEngine, type SyncEngine } from "../../../../src/client/sync/engine";
import { APP_ORIGIN, type CookieFetch, deviceFetch } from "./cookie-fetch";
import { type FaultyFetch, faultyFetch } from "./faults";

export interface TestDevice {
  name: string;
  db: PatuhDb;
  engine: SyncEngine;
  /** The device's network: set `net.intercept` to inject faults. */
  net: FaultyFetch;
  http: CookieFetch;
  userId: string;
  close(): Promise<void>;
}

let seq = 0;

export interface LoginTarget {
  url(): string;
}

export async function newDevice(
  server: LoginTarget,
  username: string,
  password: string,
  name = username,
): Promise<TestDevice> {
  const db = await openPatuhDb(`it-${name}-${process.pid}-${++seq}-${Date.now()}`);
  const http = deviceFetch(() => server.url());
  const net = faultyFetch(http);
  const res = await http(`${APP_ORIGIN}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  await setDeviceUser(db, user.id);
  const engine = createSyncEngine({ db, fetch: net, baseUrl: APP_ORIGIN, env: {} });
  return {
    name,
    db,
    engine,
    net,
    http,
    userId: user.id,
    async close() {
      engine.stop();
      db.close();
      await db.delete().catch(() => undefined);
    },
  };
}

/** Syncs and fails the test with the problem in words if the run did not succeed. */
export async function syncOk(device: TestDevice): Promise<void> {
  const r = await device.engine.sync();
  if (!r.ok) throw new Error(`${device.name}: sync failed: ${JSON.stringify(r.problem)}`);
}

/**
 * Creates an assessment on the n-th assignment (by id) the device's user is on (after a first
 * sync). Tests sharing a server use different n so their assessments never meet.
 */
export async function createAssessment(
  device: TestDevice,
  n: number,
  assessmentId: string = crypto.randomUUID(),
): Promise<string> {
  const mine = (await device.db.assignments.toArray())
    .filter((a) => a.team.includes(device.userId))
    .sort((a, b) => a.id.localeCompare(b.id));
  const assignment = mine[n % Math.max(1, mine.length)];
  if (!assignment) throw new Error(`${device.name}: no assignment pulled`);
  const period = await device.db.periods.get(assignment.periodId);
  if (!period) throw new Error(`${device.name}: period ${assignment.periodId} not pulled`);
  await recordMutation(device.db, "assessment.create", {
    assessmentId,
    assignmentId: assignment.id,
    unitId: assignment.unitId,
    instrumentId: period.instrumentId,
    instrumentVersion: period.instrumentVersion,
    visit: { date: "2026-08-01", mode: "scheduled" },
  });
  return assessmentId;
}
