// Push over HTTP against a real database: idempotent replay, gaps, rejections that never jam the
// queue, client binding, authorisation, malformed bodies (never 5xx), limits.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mutation } from "../../../src/domain/sync/protocol";
import { as, create, m, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

async function snapshot(assessmentId: string) {
  const state = await sql<{
    state: unknown;
    revision: number;
  }>`select state, revision from assessments where id = ${assessmentId}`.execute(w.db);
  const history = await sql<{
    n: string;
  }>`select count(*)::text as n from assessment_history where assessment_id = ${assessmentId}`.execute(w.db);
  const changes = await sql<{
    n: string;
  }>`select count(*)::text as n from changes where entity_id = ${assessmentId}`.execute(w.db);
  return { row: state.rows[0], history: history.rows[0]?.n, changes: changes.rows[0]?.n };
}

describe("push", () => {
  it("applies a batch; replaying it three times changes nothing", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const batch = {
      clientId,
      mutations: [
        create(1, aid, w.asg.a1),
        setAnswer(2, aid, "IN.SP.01", 2),
        setAnswer(3, aid, "PR.08", "yes"),
      ],
    };
    const first = await a1.push(batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      lastMutationId: 3,
      results: [
        { id: 1, status: "applied" },
        { id: 2, status: "applied" },
        { id: 3, status: "applied" },
      ],
    });
    const before = await snapshot(aid);
    expect(before.row?.revision).toBe(3);
    for (let i = 0; i < 3; i++) {
      const again = await a1.push(batch);
      expect(again.status).toBe(200);
      expect(again.body.results?.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
      expect(again.body.lastMutationId).toBe(3);
    }
    expect(await snapshot(aid)).toEqual(before);
  });

  it("a gap answers 409 mutation_gap with lastMutationId; mutations before it stay applied", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const r = await a1.push({
      clientId,
      mutations: [create(1, aid, w.asg.a1), setAnswer(3, aid, "IN.SP.01", 1)],
    });
    expect(r.status).toBe(409);
    expect(r.body.error?.code).toBe("mutation_gap");
    expect(r.body.error?.details).toMatchObject({
      lastMutationId: 1,
      results: [{ id: 1, status: "applied" }],
    });
    const fresh = await a1.push({ clientId: uuid(), mutations: [setAnswer(2, aid, "IN.SP.01", 1)] });
    expect(fresh.status).toBe(409);
    expect(fresh.body.error?.details?.lastMutationId).toBe(0);
    expect((await snapshot(aid)).row?.revision).toBe(1);
  });

  it("a rejected mutation is reported, counts as processed, and does not block the next", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const r = await a1.push({
      clientId,
      mutations: [
        create(1, aid, w.asg.a1),
        setAnswer(2, aid, "IN.SP.01", 7),
        setAnswer(3, aid, "NOPE.01", 1),
        setAnswer(4, aid, "IN.SP.01", 3),
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results?.map((x) => [x.status, x.error?.code])).toEqual([
      ["applied", undefined],
      ["rejected", "invalid_answer"],
      ["rejected", "invalid_key"],
      ["applied", undefined],
    ]);
    expect(r.body.lastMutationId).toBe(4);
    const pulled = await a1.pull(clientId);
    expect(pulled.body.lastMutationId).toBe(4);
    expect(pulled.body.rejections?.map((x) => [x.mutationId, x.code])).toEqual([
      [2, "invalid_answer"],
      [3, "invalid_key"],
    ]);
    const state = (await snapshot(aid)).row?.state as { answers: Record<string, unknown>; revision: number };
    expect(state.answers).toEqual({ "IN.SP.01": 3 });
    expect(state.revision).toBe(2);
  });

  it("binds a clientId to its first user: another user pushing or pulling with it gets 403", async () => {
    const clientId = uuid();
    const aid = uuid();
    expect((await as(w, "a1").push({ clientId, mutations: [create(1, aid, w.asg.a1)] })).status).toBe(200);
    const other = await as(w, "a2").push({ clientId, mutations: [setAnswer(2, aid, "IN.SP.01", 1)] });
    expect(other.status).toBe(403);
    expect(other.body.error?.code).toBe("client_mismatch");
    expect((await as(w, "a2").pull(clientId)).status).toBe(403);
    expect((await as(w, "a1").pull(clientId)).status).toBe(200);
  });

  it("authorisation: other team, other office, closed period, and not-editable are rejected", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const mine = uuid();
    const theirs = uuid();
    await as(w, "a2").push({ clientId: uuid(), mutations: [create(1, theirs, w.asg.a2)] });
    const r = await a1.push({
      clientId,
      mutations: [
        create(1, uuid(), w.asg.a2),
        create(2, uuid(), w.asg.a3),
        create(3, uuid(), w.asg.closed),
        setAnswer(4, theirs, "IN.SP.01", 1),
        create(5, mine, w.asg.a1),
        m(6, "assessment.submit", { assessmentId: mine }),
      ],
    });
    expect(r.body.results?.map((x) => x.error?.code ?? x.status)).toEqual([
      "unknown_assignment",
      "unknown_assignment",
      "period_closed",
      "assessment_not_found",
      "applied",
      "incomplete",
    ]);
    const incomplete = r.body.results?.[5]?.error?.details as { problems: unknown[] } | undefined;
    expect(incomplete?.problems.length).toBeGreaterThan(0);
    // The supervisor of the office sees it but never edits it; the other office's supervisor may
    // not even see it.
    const sup = await as(w, "sup").push({ clientId: uuid(), mutations: [setAnswer(1, mine, "IN.SP.02", 2)] });
    expect(sup.body.results?.[0]?.error?.code).toBe("forbidden");
    const sup2 = await as(w, "sup2").push({
      clientId: uuid(),
      mutations: [setAnswer(1, mine, "IN.SP.02", 1)],
    });
    expect(sup2.body.results?.[0]?.error?.code).toBe("assessment_not_found");
    // A submitted assessment is locked.
    await sql`update assessments set status = 'submitted', state = jsonb_set(state, '{status}', '"submitted"') where id = ${mine}`.execute(
      w.db,
    );
    const locked = await a1.push({ clientId, mutations: [setAnswer(7, mine, "IN.SP.01", 1)] });
    expect(locked.body.results?.[0]?.error?.code).toBe("not_editable");
  });

  it("creating an assessment id twice (two devices) keeps the first and rejects the second", async () => {
    const aid = uuid();
    await as(w, "a1").push({ clientId: uuid(), mutations: [create(1, aid, w.asg.a1)] });
    const again = await as(w, "a1").push({ clientId: uuid(), mutations: [create(1, aid, w.asg.a1)] });
    expect(again.body.results?.[0]?.error?.code).toBe("assessment_exists");
  });
});

describe("push input handling", () => {
  const a1 = () => as(w, "a1");
  // Table rows are built at collection time, before the world exists: a made-up assignment.
  const fake = { id: uuid(), unitId: uuid() };
  const valid = (): { clientId: string; mutations: Mutation[] } => ({
    clientId: uuid(),
    mutations: [create(1, uuid(), fake)],
  });

  it.each([
    ["not JSON", "{nope", 400, "invalid_json"],
    ["an array", "[]", 400, "invalid_body"],
    ["null", "null", 400, "invalid_body"],
    ["unknown top-level field", JSON.stringify({ ...valid(), extra: true }), 400, "unknown_field"],
    [
      "string id",
      JSON.stringify({
        clientId: uuid(),
        mutations: [
          { id: "1", name: "assessment.submit", args: { assessmentId: uuid() }, at: "2026-08-01T00:00:00Z" },
        ],
      }),
      400,
      "invalid_body",
    ],
    ["bad clientId", JSON.stringify({ clientId: "abc", mutations: [] }), 400, "invalid_body"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), 400, "invalid_json"],
  ])("%s → %i", async (_, body, status, code) => {
    const res = await a1().raw("/sync/push", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { code: string } };
    if (code !== undefined) expect(json.error.code).toBe(code);
  });

  // A mutation the server cannot read is rejected alone (issue #16): the batch is answered 200 and
  // the device's queue moves past it instead of failing on every retry.
  it.each([
    ["unknown args field", { ...create(1, uuid(), fake), args: { assessmentId: uuid(), x: 1 } }],
    ["unknown mutation name", { id: 1, name: "assessment.nuke", args: {}, at: "2026-08-01T00:00:00Z" }],
    [
      "deeply nested junk",
      {
        id: 1,
        name: "assessment.setAnswer",
        args: { assessmentId: uuid(), key: "K", value: [[[[1]]]], previous: null },
        at: "2026-08-01T00:00:00Z",
      },
    ],
  ])("%s → that mutation rejected as invalid_mutation", async (_, mutation) => {
    const res = await a1().push({ clientId: uuid(), mutations: [mutation] });
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(1);
    expect(res.body.results).toEqual([
      { id: 1, status: "rejected", error: expect.objectContaining({ code: "invalid_mutation" }) },
    ]);
  });

  it("wrong content type → 415, no session → 401, empty push → 200", async () => {
    const res = await a1().raw("/sync/push", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
    const anon = await w.app.request("/api/v1/sync/push", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(valid()),
    });
    expect(anon.status).toBe(401);
    const empty = await a1().push({ clientId: uuid(), mutations: [] });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ lastMutationId: 0, results: [] });
  });

  it("more than 500 mutations → 413; a body over 1 MiB → 413", async () => {
    const aid = uuid();
    const many = Array.from({ length: 501 }, (_, i) => setAnswer(i + 1, aid, "IN.SP.01", 1));
    const r = await a1().push({ clientId: uuid(), mutations: many });
    expect(r.status).toBe(413);
    const huge = JSON.stringify({ clientId: uuid(), mutations: [], pad: "x".repeat(1024 * 1024) });
    expect((await a1().push(huge)).status).toBe(413);
  });
});
