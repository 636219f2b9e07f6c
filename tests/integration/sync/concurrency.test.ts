// Concurrency. On PostgreSQL the requests really run in parallel (pool of 10 connections); on
// PGlite they are serialised by its single connection, and the same invariants must hold:
// 20 copies of one push apply it once; two devices pushing to one assessment at the same time leave
// revision == number of applied mutations and a history row set for every revision.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mutation } from "../../../src/domain/sync/protocol";
import { as, create, setAnswer, uuid } from "./api";
import { createSharedAssignmentWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createSharedAssignmentWorld();
});
afterAll(async () => {
  await w?.close();
});

const KEYS = ["IN.SP.01", "IN.SP.02", "IN.SP.03", "IN.SP.04", "IN.SP.06"];

describe("concurrency", () => {
  it("20 parallel copies of the same push → every mutation applied exactly once", async () => {
    const aid = uuid();
    const clientId = uuid();
    const mutations: Mutation[] = [
      create(1, aid, w.asg.a1),
      ...Array.from({ length: 30 }, (_, i) =>
        setAnswer(i + 2, aid, KEYS[i % KEYS.length] ?? "IN.SP.01", i % 4),
      ),
    ];
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => as(w, "a1").push({ clientId, mutations })),
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.lastMutationId).toBe(31);
    }
    // Per mutation id: applied by exactly one of the 20 requests, duplicate for all others.
    for (let id = 1; id <= 31; id++) {
      const statuses = answers.map((a) => a.body.results?.find((r) => r.id === id)?.status);
      expect(statuses.filter((s) => s === "applied")).toHaveLength(1);
      expect(statuses.filter((s) => s === "duplicate")).toHaveLength(19);
    }
    const row = await sql<{ revision: number }>`select revision from assessments where id = ${aid}`.execute(
      w.db,
    );
    expect(row.rows[0]?.revision).toBe(31);
    const revs = await sql<{
      n: string;
    }>`select count(distinct revision)::text as n from assessment_history where assessment_id = ${aid}`.execute(
      w.db,
    );
    expect(revs.rows[0]?.n).toBe("31");
  });

  it("two devices pushing to one assessment at the same time → consistent revision and complete history", async () => {
    const aid = uuid();
    const dev1 = uuid();
    const dev2 = uuid();
    await as(w, "a1").push({ clientId: dev1, mutations: [create(1, aid, w.asg.a1)] });
    const batch = (offset: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        setAnswer(offset + i, aid, KEYS[i % KEYS.length] ?? "IN.SP.01", (i + offset) % 4),
      );
    // Several overlapping requests per device, each a retry-prone slice of its log.
    const pushes = [
      as(w, "a1").push({ clientId: dev1, mutations: batch(2, 40) }),
      as(w, "a2").push({ clientId: dev2, mutations: batch(1, 40) }),
      as(w, "a1").push({ clientId: dev1, mutations: batch(2, 40) }),
      as(w, "a2").push({ clientId: dev2, mutations: batch(1, 40) }),
    ];
    const answers = await Promise.all(pushes);
    for (const a of answers) expect(a.status).toBe(200);
    const applied = answers.flatMap((a) => a.body.results ?? []).filter((r) => r.status === "applied").length;
    expect(applied).toBe(80);
    const row = await sql<{
      revision: number;
      state: { revision: number };
    }>`select revision, state from assessments where id = ${aid}`.execute(w.db);
    expect(row.rows[0]?.revision).toBe(81);
    expect(row.rows[0]?.state.revision).toBe(81);
    const history = await sql<{ revision: number; client_id: string; mutation_id: string }>`
      select distinct revision, client_id, mutation_id from assessment_history where assessment_id = ${aid} order by revision`.execute(
      w.db,
    );
    expect(history.rows.map((h) => h.revision)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    // Each device's mutations were applied in its own id order.
    for (const dev of [dev1, dev2]) {
      const ids = history.rows.filter((h) => h.client_id === dev).map((h) => Number(h.mutation_id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
  });

  it("two devices whose batches touch two assessments in opposite orders → no deadlock, nothing lost", async () => {
    const x = uuid();
    const y = uuid();
    const dev1 = uuid();
    const dev2 = uuid();
    const setup = await as(w, "a1").push({
      clientId: dev1,
      mutations: [create(1, x, w.asg.a1), create(2, y, w.asg.a1)],
    });
    expect(setup.status).toBe(200);
    // A push locks every assessment of its run at once: dev1 goes x, y, x, y …; dev2 y, x, y, x ….
    const batch = (offset: number, first: string, second: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        setAnswer(offset + i, i % 2 === 0 ? first : second, KEYS[i % KEYS.length] ?? "IN.SP.01", i % 4),
      );
    const answers = await Promise.all([
      as(w, "a1").push({ clientId: dev1, mutations: batch(3, x, y, 30) }),
      as(w, "a2").push({ clientId: dev2, mutations: batch(1, y, x, 30) }),
      as(w, "a1").push({ clientId: dev1, mutations: batch(3, x, y, 30) }),
      as(w, "a2").push({ clientId: dev2, mutations: batch(1, y, x, 30) }),
    ]);
    for (const a of answers) expect(a.status).toBe(200);
    const applied = answers.flatMap((a) => a.body.results ?? []).filter((r) => r.status === "applied");
    expect(applied).toHaveLength(60);
    for (const id of [x, y]) {
      const row = await sql<{ revision: number }>`select revision from assessments where id = ${id}`.execute(
        w.db,
      );
      // create + 15 edits from each device.
      expect(row.rows[0]?.revision).toBe(31);
      const revs = await sql<{ revision: number }>`
        select distinct revision from assessment_history where assessment_id = ${id} order by revision`.execute(
        w.db,
      );
      expect(revs.rows.map((r) => r.revision)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    }
  });
});
