// Pull over HTTP: snapshot on first pull, incremental after a cursor, visibility per role, reset on
// unknown cursors, deletion of an assignment (and its assessments) when the assessor leaves the team.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PatchOp } from "../../../src/domain/sync/protocol";
import { as, create, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const ids = (patch: PatchOp[] | undefined, type: string) =>
  (patch ?? [])
    .filter((p) => p.type === type && p.op === "put")
    .map((p) => (p.op === "put" ? p.value.id : ""));

describe("pull", () => {
  it("first pull is a reset snapshot of what the assessor needs, and nothing else", async () => {
    const r = await as(w, "a1").pull(uuid());
    expect(r.status).toBe(200);
    expect(r.headers.get("x-patuh-protocol")).toBe("1");
    expect(r.body).toMatchObject({ reset: true, lastMutationId: 0, rejections: [] });
    expect(typeof r.body.cursor).toBe("string");
    expect(ids(r.body.patch, "assignment").sort()).toEqual([w.asg.a1.id, w.asg.closed.id].sort());
    expect(ids(r.body.patch, "instrument")).toHaveLength(1);
    expect(ids(r.body.patch, "user")).toEqual([w.people.a1.id]);
    expect(ids(r.body.patch, "unit").sort()).toEqual([w.asg.a1.unitId, w.asg.closed.unitId].sort());
    expect(ids(r.body.patch, "period")).toHaveLength(2);
    expect(ids(r.body.patch, "pemda")).toHaveLength(1);
  });

  it("after a cursor: only what changed; other teams' work never shows up", async () => {
    const a1 = as(w, "a1");
    const a2 = as(w, "a2");
    const client = uuid();
    const first = await a1.pull(client);
    const cursor = first.body.cursor;
    const empty = await a1.pull(client, cursor);
    expect(empty.body).toMatchObject({ reset: false, patch: [] });
    const mine = uuid();
    const theirs = uuid();
    await a1.push({
      clientId: client,
      mutations: [create(1, mine, w.asg.a1), setAnswer(2, mine, "IN.SP.01", 2)],
    });
    await a2.push({ clientId: uuid(), mutations: [create(1, theirs, w.asg.a2)] });
    const next = await a1.pull(client, cursor);
    expect(next.body.reset).toBe(false);
    expect(next.body.lastMutationId).toBe(2);
    expect(next.body.patch).toEqual([
      { op: "put", type: "assessment", value: expect.objectContaining({ id: mine, revision: 2 }) },
    ]);
    const state = next.body.patch?.[0];
    expect(state?.op === "put" && state.type === "assessment" ? state.value.answers : null).toEqual({
      "IN.SP.01": 2,
    });
    // The other assessor's pull never includes a1's assessment, and vice versa.
    const p2 = await a2.pull(uuid());
    expect(ids(p2.body.patch, "assessment")).toEqual([theirs]);
    // Supervisor of the office sees both; the other office's supervisor neither; admin both.
    const sup = await as(w, "sup").pull(uuid());
    expect(ids(sup.body.patch, "assessment")).toEqual(expect.arrayContaining([mine, theirs]));
    const sup2 = await as(w, "sup2").pull(uuid());
    expect(ids(sup2.body.patch, "assessment")).not.toContain(mine);
    expect(ids(sup2.body.patch, "assignment")).toEqual([w.asg.a3.id]);
    const admin = await as(w, "admin").pull(uuid());
    expect(ids(admin.body.patch, "assignment")).toHaveLength(4);
  });

  it.each([["garbage"], ["djI6OTk5OTk5OTk5OTk5Ojk5OTk5OTk5OTk5OTo"], ["djE6NzY0"], ["%%%"], ["dj"], [""]])(
    "cursor %j → reset with a full snapshot",
    async (cursor) => {
      const r = await as(w, "a1").pull(uuid(), cursor);
      expect(r.status).toBe(200);
      expect(r.body.reset).toBe(true);
      expect(ids(r.body.patch, "assignment").length).toBeGreaterThan(0);
    },
  );

  it("bad clientId → 400; unknown parameter → 400; no session → 401", async () => {
    expect((await as(w, "a1").pull("not-a-uuid")).status).toBe(400);
    expect((await as(w, "a1").raw(`/sync/pull?clientId=${uuid()}&x=1`)).status).toBe(400);
    expect((await w.app.request(`/api/v1/sync/pull?clientId=${uuid()}`)).status).toBe(401);
  });

  it("removing an assessor from a team deletes the assignment and its assessments from their device; re-adding restores them", async () => {
    const a2 = as(w, "a2");
    const client = uuid();
    const aid = uuid();
    await a2.push({ clientId: client, mutations: [create(1, aid, w.asg.a2)] });
    const start = await a2.pull(client);
    await sql`delete from assignment_members where assignment_id = ${w.asg.a2.id} and user_id = ${w.people.a2.id}`.execute(
      w.db,
    );
    const gone = await a2.pull(client, start.body.cursor);
    expect(gone.body.reset).toBe(false);
    expect(gone.body.patch).toEqual(
      expect.arrayContaining([
        { op: "del", type: "assignment", id: w.asg.a2.id },
        { op: "del", type: "assessment", id: aid },
      ]),
    );
    // Someone else's pull is not told to delete anything.
    const a1Pull = await as(w, "a1").pull(uuid(), start.body.cursor);
    expect((a1Pull.body.patch ?? []).filter((p) => p.op === "del")).toEqual([]);
    await sql`insert into assignment_members (assignment_id, user_id) values (${w.asg.a2.id}, ${w.people.a2.id})`.execute(
      w.db,
    );
    const back = await a2.pull(client, gone.body.cursor);
    expect(ids(back.body.patch, "assignment")).toEqual([w.asg.a2.id]);
    expect(ids(back.body.patch, "assessment")).toContain(aid);
    expect(ids(back.body.patch, "unit")).toEqual([w.asg.a2.unitId]);
  });

  it("reference data changes move the cursor (period closed, unit renamed)", async () => {
    const a1 = as(w, "a1");
    const start = await a1.pull(uuid());
    await sql`update units set name = 'Renamed' where id = ${w.asg.a1.unitId}`.execute(w.db);
    await sql`update periods set name = 'P (renamed)' where id = ${w.periodId}`.execute(w.db);
    const next = await a1.pull(uuid(), start.body.cursor);
    expect(next.body.reset).toBe(false);
    expect(ids(next.body.patch, "unit")).toEqual([w.asg.a1.unitId]);
    expect(ids(next.body.patch, "period")).toEqual([w.periodId]);
  });

  it("a change committed late by a slow writer is not skipped by a cursor taken while it was in flight", async () => {
    const a1 = as(w, "a1");
    const start = await a1.pull(uuid());
    let mid: string | undefined;
    if (process.env.PATUH_TEST_DB === "postgres") {
      // The writer's transaction is open (its change-log row already has an xid) while the pull runs.
      await w.db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        await sql`update units set name = 'Slow writer' where id = ${w.asg.a1.unitId}`.execute(conn);
        const during = await a1.pull(uuid(), start.body.cursor);
        expect(ids(during.body.patch, "unit")).toEqual([]);
        mid = during.body.cursor;
        await sql`commit`.execute(conn);
      });
    } else {
      // PGlite runs one connection: the writer cannot be in flight during a pull; same invariant,
      // sequential: the cursor taken before the commit still yields the change.
      mid = (await a1.pull(uuid(), start.body.cursor)).body.cursor;
      await sql`update units set name = 'Slow writer' where id = ${w.asg.a1.unitId}`.execute(w.db);
    }
    const after = await a1.pull(uuid(), mid);
    expect(after.body.reset).toBe(false);
    expect(ids(after.body.patch, "unit")).toEqual([w.asg.a1.unitId]);
    // And it is sent once: the next cursor does not repeat it.
    const again = await a1.pull(uuid(), after.body.cursor);
    expect(again.body.patch).toEqual([]);
  });

  it("a change to the user's own role or office answers a reset", async () => {
    const a1 = as(w, "a1");
    const start = await a1.pull(uuid());
    await sql`update users set name = 'A1 renamed' where id = ${w.people.a1.id}`.execute(w.db);
    const next = await a1.pull(uuid(), start.body.cursor);
    expect(next.body.reset).toBe(true);
  });
});
