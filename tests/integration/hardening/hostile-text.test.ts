// Issue #16 (2, 6): hostile text at the HTTP edge. A NUL or an unpaired surrogate anywhere is a 400
// naming the field (never a 500), and inside a push it rejects only its own mutation: the valid
// mutation before it is applied, lastMutationId moves past it, and the next push goes on. Refused
// requests are logged as one line each, without a stack, rate-limited per address.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, createApp } from "../../../src/server/http/app";
import { as, create, m, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";
import { worldConfig } from "./support";

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 300_000);
afterAll(async () => {
  await w?.close();
});

const note = (id: number, assessmentId: string, text: string) =>
  m(id, "assessment.setNote", { assessmentId, key: "general", text, previous: null });

describe("a push with a malformed mutation", () => {
  it.each([
    ["a lone surrogate", "broken \ud83d"],
    ["a NUL", "broken \u0000 note"],
  ])("rejects only the mutation with %s; the device goes on", async (_label, bad) => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const first = await a1.push({
      clientId,
      mutations: [create(1, aid, w.asg.a1), note(2, aid, "ok"), note(3, aid, bad)],
    });
    expect(first.status).toBe(200);
    expect(first.body.lastMutationId).toBe(3);
    expect(first.body.results?.map((r) => r.status)).toEqual(["applied", "applied", "rejected"]);
    const rejected = first.body.results?.[2];
    expect(rejected?.error?.code).toBe("invalid_text");
    expect(rejected?.error?.details).toMatchObject({ path: "args.text" });
    // The valid note before it was kept.
    const state = await sql<{ note: unknown }>`
      select state->'notes'->'general' as note from assessments where id = ${aid}`.execute(w.db);
    expect(JSON.stringify(state.rows[0]?.note)).toContain('"ok"');
    // The next push continues from there (no mutation_gap, no 500 on retry).
    const next = await a1.push({ clientId, mutations: [note(4, aid, "fixed")] });
    expect(next.status).toBe(200);
    expect(next.body.results).toEqual([{ id: 4, status: "applied" }]);
    // A retry of the bad batch is all duplicates.
    const retry = await a1.push({
      clientId,
      mutations: [create(1, aid, w.asg.a1), note(2, aid, "ok"), note(3, aid, bad)],
    });
    expect(retry.status).toBe(200);
    expect(retry.body.results?.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    // And pull repeats the rejection with its reason.
    const pulled = await a1.pull(clientId);
    expect(pulled.status).toBe(200);
    expect(pulled.body.rejections?.map((r) => [r.mutationId, r.code])).toEqual([[3, "invalid_text"]]);
  });

  it("rejects a mutation of the wrong shape alone, with its path", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const res = await a1.push({
      clientId,
      mutations: [
        create(1, aid, w.asg.a1),
        { id: 2, name: "assessment.setNote", args: { assessmentId: aid, key: "general", text: 42 }, at: "x" },
        { id: 3, name: "assessment.launchRocket", args: {}, at: "2026-08-01T00:00:00Z" },
        note(4, aid, "after"),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results?.map((r) => r.status)).toEqual(["applied", "rejected", "rejected", "applied"]);
    expect(res.body.results?.[1]?.error?.code).toBe("invalid_mutation");
    expect(res.body.results?.[2]?.error?.code).toBe("invalid_mutation");
  });

  it("refuses an instrumentVersion beyond the integer column as a rejection, not a 500", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const bad = create(1, aid, w.asg.a1) as unknown as { args: Record<string, unknown> };
    bad.args.instrumentVersion = 2147483648;
    const res = await a1.push({ clientId, mutations: [bad] });
    expect(res.status).toBe(200);
    expect(res.body.results?.[0]).toMatchObject({
      id: 1,
      status: "rejected",
      error: { code: "invalid_mutation" },
    });
  });

  it("still refuses a broken envelope as a whole (the server cannot tell which mutation)", async () => {
    const res = await as(w, "a1").push({ clientId: uuid(), mutations: [{ id: "one" }] });
    expect(res.status).toBe(400);
  });
});

describe("the text rule on every route", () => {
  const raw = (who: "a1" | "sup", path: string, init: RequestInit = {}) => as(w, who).raw(path, init);

  it.each([
    ["POST", "/session", null, '{"username":"a\\u0000b","password":"x"}', "username"],
    ["POST", "/session", null, '{"username":"ok","password":"\\ud800"}', "password"],
    [
      "POST",
      "/assessments/00000000-0000-4000-8000-000000000000/review",
      "sup",
      `{"decision":"return","comment":"\\u0000","revision":1}`,
      "comment",
    ],
  ])("%s %s with bad text → 400 invalid_text naming the field", async (method, path, who, body, field) => {
    const init = { method, body, headers: { "content-type": "application/json" } };
    const res =
      who === null ? await w.app.request(`${API_BASE}${path}`, init) : await raw(who as "sup", path, init);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; details: { path: string } } };
    expect(json.error.code).toBe("invalid_text");
    expect(json.error.details.path).toBe(field);
  });

  it("a NUL in a query parameter or the path → 400 invalid_text", async () => {
    const q = await raw("a1", `/sync/pull?clientId=${uuid()}&cursor=%00`);
    expect(q.status).toBe(400);
    expect(((await q.json()) as { error: { details: { path: string } } }).error.details.path).toBe(
      "query.cursor",
    );
    const p = await raw("sup", "/assessments/%00");
    expect(p.status).toBe(400);
  });

  it.each([
    "MTo1OjM=", // "1:5:3": xip below xmin
    Buffer.from("v2:99999999999999999999:99999999999999999999:").toString("base64url"),
    Buffer.from("v2:0:0:").toString("base64url"),
    Buffer.from("v2:5:10:7,6").toString("base64url"),
    Buffer.from("v2:5:10:12").toString("base64url"),
  ])("a crafted pull cursor %s answers a reset, never a 500", async (cursor) => {
    const res = await as(w, "a1").pull(uuid(), cursor);
    expect(res.status).toBe(200);
    expect(res.body.reset).toBe(true);
  });
});

describe("log hygiene", () => {
  it("one line per refused request, no stack, and at most a burst per address", async () => {
    const lines: { level: string; text: string }[] = [];

    const app = createApp({
      db: w.db,
      config: worldConfig(w),
      log: {
        error: (msg, err) =>
          lines.push({ level: "error", text: `${msg} ${err instanceof Error ? err.stack : ""}` }),
        info: (msg) => lines.push({ level: "info", text: msg }),
      },
    });
    for (let i = 0; i < 200; i++) {
      const res = await app.request(`${API_BASE}/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: `x\u0000${"A".repeat(1000)}`, password: "y" }),
      });
      expect(res.status).toBe(400);
    }
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.length).toBeLessThanOrEqual(25);
    for (const l of lines) {
      expect(l.text).not.toContain("\n");
      expect(l.text.length).toBeLessThan(400);
    }
    expect(lines[0]?.text).toMatch(/^refused POST \/api\/v1\/session 400 invalid_text/);
  });
});
