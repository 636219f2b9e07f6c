/**
 * The real app over real HTTP on 127.0.0.1 (ephemeral port) against a fresh test database, plus a
 * tiny cookie-jar client. Errors the app logs are collected in `logged` so tests can assert that
 * client mistakes never produce a logged 5xx.
 */
import { hashPassword } from "../../src/server/auth/password";
import { ManualClock } from "../../src/server/clock";
import { type Config, loadConfig } from "../../src/server/config";
import type { Db } from "../../src/server/db/connection";
import type { Role } from "../../src/server/db/types";
import type { Logger } from "../../src/server/http/context";
import { startHttpServer } from "../../src/server/server";
import { createTestDb, type TestDb } from "./test-db";

export interface TestServer {
  baseUrl: string;
  db: TestDb["db"];
  testDb: TestDb;
  clock: ManualClock;
  config: Config;
  logged: string[];
  client(): CookieClient;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { testDb?: TestDb; config?: Partial<Config>; clock?: ManualClock } = {},
): Promise<TestServer> {
  const testDb = opts.testDb ?? (await createTestDb());
  const clock = opts.clock ?? new ManualClock();
  const config: Config = {
    ...loadConfig({}, process.cwd()),
    staticDir: "/nonexistent/patuh-static",
    ...opts.config,
    port: 0,
    host: "127.0.0.1",
  };
  const logged: string[] = [];
  const log: Logger = {
    error: (message, err) => logged.push(`${message}: ${err instanceof Error ? err.stack : String(err)}`),
    info: () => undefined,
  };
  const server = await startHttpServer({ db: testDb.db, config, clock, log });
  return {
    baseUrl: server.url,
    db: testDb.db,
    testDb,
    clock,
    config,
    logged,
    client: () => new CookieClient(server.url),
    async close() {
      await server.close();
      if (!opts.testDb) await testDb.close();
    },
  };
}

export interface ClientResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** fetch with a cookie jar (name → value), enough for session cookies. */
export class CookieClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<ClientResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, { headers });
  }
  post(path: string, json: unknown) {
    return this.request("POST", path, { json });
  }
  delete(path: string) {
    return this.request("DELETE", path);
  }
}

/** Inserts a user (and its office when missing) straight into the database; returns its id. */
export async function addUser(
  db: Db,
  u: { username: string; password: string; name?: string; role?: Role; officeId?: string; active?: boolean },
): Promise<string> {
  const officeId = u.officeId ?? "kalbar";
  await db
    .insertInto("offices")
    .values({ id: officeId, name: `Office ${officeId}` })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  const row = await db
    .insertInto("users")
    .values({
      username: u.username,
      name: u.name ?? u.username,
      role: u.role ?? "assessor",
      office_id: officeId,
      password_hash: await hashPassword(u.password),
      active: u.active ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
