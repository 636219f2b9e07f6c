import { afterAll, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../../src/server/clock";
import { loadConfig } from "../../../src/server/config";
import { createApp } from "../../../src/server/http/app";
import type { RouteModule } from "../../../src/server/http/context";
import { problem } from "../../../src/server/http/problems";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
const logged: string[] = [];
const boom: RouteModule = {
  name: "boom",
  mount(api) {
    api.get("/boom", () => {
      throw new Error("database on fire");
    });
    api.get("/conflict", () => {
      throw problem("stale_revision", { revision: 3 });
    });
  },
};

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

function app() {
  return createApp({
    db: t.db,
    config: { ...loadConfig({}), staticDir: "/nonexistent" },
    clock: new ManualClock(),
    log: { error: (m, e) => logged.push(`${m} ${String(e)}`), info: () => undefined },
    routes: [boom],
  });
}

it("an unexpected exception is logged and answered 500 internal_error without internals", async () => {
  const res = await app().request("/api/v1/boom");
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(JSON.parse(body)).toEqual({ error: { code: "internal_error", message: "Internal server error." } });
  expect(body).not.toContain("fire");
  expect(res.headers.get("x-patuh-protocol")).toBe("1");
  expect(logged.some((l) => l.includes("database on fire"))).toBe(true);
});

it("a thrown problem is rendered with its status, code and details", async () => {
  const res = await app().request("/api/v1/conflict");
  expect(res.status).toBe(409);
  expect(await res.json()).toEqual({
    error: { code: "stale_revision", message: expect.any(String), details: { revision: 3 } },
  });
});

it("HEAD works where GET does, and 405 lists it", async () => {
  const a = app();
  expect((await a.request("/api/v1/conflict", { method: "HEAD" })).status).toBe(409);
  const res = await a.request("/api/v1/conflict", { method: "POST" });
  expect(res.status).toBe(405);
  expect(res.headers.get("allow")).toBe("GET, HEAD");
});
