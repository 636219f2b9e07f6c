// A push is applied as whole runs of mutations (one transaction per run, several assessments at
// once). Whatever the grouping, the outcome must be exactly that of pushing the same mutations one
// at a time: the same per-mutation results, the same states, the same history rows, the same
// stored rejections, and the change log moved for every assessment that changed.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mutation, PushResult } from "../../../src/domain/sync/protocol";
import { as, create, m, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

interface Ids {
  x: string;
  y: string;
  z: string;
  v: string;
}

/** Applied, rejected (for many reasons) and interleaved mutations on four assessments. */
function script(ids: Ids): Mutation[] {
  const { x, y, z, v } = ids;
  return [
    create(1, x, w.asg.a1),
    setAnswer(2, x, "IN.SP.01", 2),
    create(3, y, w.asg.a1),
    setAnswer(4, y, "NO.SUCH.KEY", 1), // invalid_key
    setAnswer(5, x, "IN.SP.02", 1),
    create(6, z, w.asg.closed), // period_closed
    setAnswer(7, z, "IN.SP.01", 1), // assessment_not_found: z was never created
    create(8, v, w.asg.a2), // not a1's team: unknown_assignment
    setAnswer(9, x, "IN.SP.01", 3, 2),
    setAnswer(10, y, "IN.SP.01", 99), // invalid_answer
    create(11, x, w.asg.a1), // assessment_exists
    m(12, "assessment.submit", { assessmentId: x }), // incomplete
    setAnswer(13, y, "IN.SP.03", 1),
    setAnswer(14, x, "IN.SP.01", 3, 3), // same value again: applied, a "noop" history row
    m(15, "assessment.setNote", { assessmentId: x, key: "general", text: "Catatan umum", previous: null }),
    setAnswer(16, y, "IN.SP.03", 2, 0), // stale previous from this same client: applied, no conflict
  ];
}

/** Replaces one run's ids (assessments, client) by placeholders, and server times by "T". */
function normalise(value: unknown, ids: Ids, clientId: string): unknown {
  let text = JSON.stringify(value);
  for (const [name, id] of Object.entries(ids)) text = text.replaceAll(id, `<${name}>`);
  text = text.replaceAll(clientId, "<client>");
  text = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, "T");
  return JSON.parse(text);
}

/** Each assessment's history in its own order (the interleaving across assessments is no contract). */
async function outcome(ids: Ids, clientId: string, results: PushResult[]) {
  const list = Object.values(ids);
  const states = await sql<{ id: string; state: unknown; revision: number }>`
    select id, state, revision from assessments where id = any(${list}::uuid[]) order by id`.execute(w.db);
  const byId = Object.fromEntries(states.rows.map((r) => [r.id, { state: r.state, revision: r.revision }]));
  const history = await sql<{
    assessment_id: string;
    revision: number;
    mutation_id: string;
    action: string;
    key: string;
    old: unknown;
    new: unknown;
  }>`select assessment_id, revision, mutation_id, action, key, old, new from assessment_history
     where assessment_id = any(${list}::uuid[])
     order by array_position(${list}::uuid[], assessment_id), seq`.execute(w.db);
  const rejections = await sql<{ mutation_id: string; name: string; code: string; details: unknown }>`
    select mutation_id, name, code, details from mutation_rejections where client_id = ${clientId}
    order by mutation_id`.execute(w.db);
  return normalise(
    {
      results,
      states: { x: byId[ids.x], y: byId[ids.y], z: byId[ids.z], v: byId[ids.v] },
      history: history.rows,
      rejections: rejections.rows,
    },
    ids,
    clientId,
  );
}

const freshIds = (): Ids => ({ x: uuid(), y: uuid(), z: uuid(), v: uuid() });

describe("batched push", () => {
  it("a batch mixing applied, rejected and duplicate mutations on several assessments = one-by-one pushes", async () => {
    const a1 = as(w, "a1");
    // Batched: the whole script in one push, then a retry overlapping it (duplicates + new ids).
    const batchIds = freshIds();
    const batchClient = uuid();
    const all = script(batchIds);
    const first = await a1.push({ clientId: batchClient, mutations: all.slice(0, 14) });
    expect(first.status).toBe(200);
    const second = await a1.push({ clientId: batchClient, mutations: all.slice(9) });
    expect(second.status).toBe(200);
    expect(second.body.lastMutationId).toBe(16);
    const batchResults = [...(first.body.results ?? []), ...(second.body.results ?? [])];

    // One by one, each mutation (and then each duplicate) in its own push.
    const singleIds = freshIds();
    const singleClient = uuid();
    const singles = script(singleIds);
    const singleResults: PushResult[] = [];
    for (const mutation of [...singles.slice(0, 14), ...singles.slice(9)]) {
      const res = await a1.push({ clientId: singleClient, mutations: [mutation] });
      expect(res.status).toBe(200);
      singleResults.push(...(res.body.results ?? []));
    }

    expect(batchResults.map((r) => `${r.id}:${r.status}:${r.error?.code ?? ""}`)).toEqual([
      "1:applied:",
      "2:applied:",
      "3:applied:",
      "4:rejected:invalid_key",
      "5:applied:",
      "6:rejected:period_closed",
      "7:rejected:assessment_not_found",
      "8:rejected:unknown_assignment",
      "9:applied:",
      "10:rejected:invalid_answer",
      "11:rejected:assessment_exists",
      "12:rejected:incomplete",
      "13:applied:",
      "14:applied:",
      "10:duplicate:",
      "11:duplicate:",
      "12:duplicate:",
      "13:duplicate:",
      "14:duplicate:",
      "15:applied:",
      "16:applied:",
    ]);
    const batched = await outcome(batchIds, batchClient, batchResults);
    const single = await outcome(singleIds, singleClient, singleResults);
    expect(batched).toEqual(single);

    // Rejected mutations left nothing behind; applied ones raised revision one by one.
    const got = batched as { states: Record<string, { revision: number } | undefined> };
    expect(got.states.x?.revision).toBe(6);
    expect(got.states.y?.revision).toBe(3);
    expect(got.states.z).toBeUndefined();
    expect(got.states.v).toBeUndefined();

    // The change log moved for what changed (so pulls see it), and only for that.
    const changed = await sql<{ entity_id: string }>`
      select distinct entity_id from changes where entity_type = 'assessment'
      and entity_id = any(${Object.values(batchIds)}::text[])`.execute(w.db);
    expect(changed.rows.map((r) => r.entity_id).sort()).toEqual([batchIds.x, batchIds.y].sort());
  });

  it("a push on more assessments than one transaction takes is split, and every mutation applies", async () => {
    const ids = Array.from({ length: 70 }, () => uuid());
    const mutations = ids.flatMap((id, i) => [
      create(2 * i + 1, id, w.asg.a1),
      setAnswer(2 * i + 2, id, "IN.SP.01", i % 4),
    ]);
    const res = await as(w, "a1").push({ clientId: uuid(), mutations });
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(140);
    expect(res.body.results?.every((r) => r.status === "applied")).toBe(true);
    const rows = await sql<{ revision: number }>`
      select revision from assessments where id = any(${ids}::uuid[])`.execute(w.db);
    expect(rows.rows.map((r) => r.revision)).toEqual(ids.map(() => 2));
  });
});
