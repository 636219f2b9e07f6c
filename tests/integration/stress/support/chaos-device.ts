// A device under chaos: the real client database (fake-indexeddb) and the real sync engine, a cookie
// jar that survives restarts (as a browser's does), a network that drops requests, loses answers
// after the server committed and times out, and a restart that closes the engine and the database
// and opens them again from what was stored (an app killed and relaunched).
import { openPatuhDb, type PatuhDb } from "../../../../src/client/db/database";
import { setDeviceUser } from "../../../../src/client/db/meta";
import { createSyncEngine, type SyncEngine } from "../../../../src/client/sync/engine";
import { APP_ORIGIN, type CookieFetch, deviceFetch } from "../../client/support/cookie-fetch";
import { type FaultyFetch, faultyFetch, type Interceptor } from "../../client/support/faults";

export interface ChaosDevice {
  name: string;
  userId: string;
  db: PatuhDb;
  engine: SyncEngine;
  net: FaultyFetch;
  http: CookieFetch;
  restarts: number;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function chaosDevice(
  serverUrl: () => string,
  username: string,
  password: string,
  name: string,
): Promise<ChaosDevice> {
  const dbName = `chaos-${name}-${process.pid}-${Date.now()}`;
  const http = deviceFetch(serverUrl);
  const net = faultyFetch(http);
  const res = await http(`${APP_ORIGIN}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  const open = async () => {
    const db = await openPatuhDb(dbName);
    return { db, engine: createSyncEngine({ db, fetch: net, baseUrl: APP_ORIGIN, env: {} }) };
  };
  const first = await open();
  await setDeviceUser(first.db, user.id);
  const d: ChaosDevice = {
    name,
    userId: user.id,
    ...first,
    net,
    http,
    restarts: 0,
    async restart() {
      d.engine.stop();
      d.db.close();
      const next = await open();
      d.db = next.db;
      d.engine = next.engine;
      d.restarts++;
    },
    async close() {
      d.engine.stop();
      d.db.close();
      await d.db.delete().catch(() => undefined);
    },
  };
  return d;
}

/** Faults drawn per request from `random`: drop the request, lose the committed answer, time out. */
export function chaosNetwork(
  random: () => number,
  p: { drop: number; lose: number; timeout: number },
  counts: Record<"drop" | "lose" | "timeout", number>,
): Interceptor {
  return async (input, init, forward) => {
    const r = random();
    if (r < p.drop) {
      counts.drop++;
      throw new TypeError("fetch failed: network is unreachable");
    }
    if (r < p.drop + p.lose) {
      counts.lose++;
      const res = await forward(input, init);
      await res.arrayBuffer().catch(() => undefined);
      throw new TypeError("fetch failed: connection reset by peer");
    }
    if (r < p.drop + p.lose + p.timeout) {
      counts.timeout++;
      // The request goes on at the server (it may or may not commit); the device gives up early.
      const pending = forward(input, init).then((res) => res.arrayBuffer());
      pending.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)));
      throw new DOMException("The operation timed out.", "TimeoutError");
    }
    return forward(input, init);
  };
}
