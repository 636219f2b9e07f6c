// Concurrent edits (protocol.md "Concurrent edits"): a stale `previous` over another client's value
// is applied but opens a conflict with both values, both authors and both times; nothing is lost
// (history holds the overwritten value); a later write that has seen the current value resolves it.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { as, create, m, setAnswer, uuid } from "./api";
import { createSharedAssignmentWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createSharedAssignmentWorld();
});
afterAll(async () => {
  await w?.close();
});

async function stateOf(id: string): Promise<AssessmentState> {
  const r = await sql<{ state: AssessmentState }>`select state from assessments where id = ${id}`.execute(
    w.db,
  );
  const row = r.rows[0];
  if (row === undefined) throw new Error("no assessment");
  return row.state;
}

describe("conflicts", () => {
  it("stale previous from another client → conflict with both values; history keeps the overwritten one; resolve clears it", async () => {
    const aid = uuid();
    const dev1 = uuid();
    const dev2 = uuid();
    await as(w, "a1").push({
      clientId: dev1,
      mutations: [create(1, aid, w.asg.a1), setAnswer(2, aid, "IN.SP.01", 1)],
    });
    // Device 2 never saw the 1: it believes the answer is empty.
    const r = await as(w, "a2").push({
      clientId: dev2,
      mutations: [{ ...setAnswer(1, aid, "IN.SP.01", 3), at: "2026-08-01T05:00:00Z" }],
    });
    expect(r.body.results?.[0]?.status).toBe("applied");
    let s = await stateOf(aid);
    expect(s.answers["IN.SP.01"]).toBe(3);
    expect(s.conflicts).toHaveLength(1);
    expect(s.conflicts[0]).toMatchObject({
      kind: "answer",
      key: "IN.SP.01",
      values: [
        { value: 1, by: w.people.a1.id, clientId: dev1, at: "2026-08-01T02:03:04Z" },
        { value: 3, by: w.people.a2.id, clientId: dev2, at: "2026-08-01T05:00:00Z" },
      ],
    });
    const history = await sql<{ key: string; old: unknown; new: unknown; client_id: string }>`
      select key, old, new, client_id from assessment_history where assessment_id = ${aid} and key = 'answer:IN.SP.01' order by seq`.execute(
      w.db,
    );
    expect(history.rows.map((h) => [h.old, h.new, h.client_id])).toEqual([
      [null, 1, dev1],
      [1, 3, dev2],
    ]);
    // Both sides see the conflict on their next pull.
    const pulled = await as(w, "a1").pull(dev1);
    const put = pulled.body.patch?.find(
      (p) => p.op === "put" && p.type === "assessment" && p.value.id === aid,
    );
    expect(put?.op === "put" && put.type === "assessment" ? put.value.conflicts : []).toHaveLength(1);
    // Device 1 resolves: it names the current value (3) as previous.
    await as(w, "a1").push({ clientId: dev1, mutations: [setAnswer(3, aid, "IN.SP.01", 2, 3)] });
    s = await stateOf(aid);
    expect(s.conflicts).toEqual([]);
    expect(s.answers["IN.SP.01"]).toBe(2);
  });

  it("notes conflict the same way; same-client edits never conflict", async () => {
    const aid = uuid();
    const dev1 = uuid();
    const dev2 = uuid();
    const note = (id: number, text: string, previous: string | null) =>
      m(id, "assessment.setNote", { assessmentId: aid, key: "general", text, previous });
    await as(w, "a1").push({
      clientId: dev1,
      mutations: [create(1, aid, w.asg.a1), note(2, "pintu terkunci", null), note(3, "pintu dibuka", null)],
    });
    expect((await stateOf(aid)).conflicts).toEqual([]);
    await as(w, "a2").push({ clientId: dev2, mutations: [note(1, "petugas ramah", null)] });
    const s = await stateOf(aid);
    expect(s.notes.general).toBe("petugas ramah");
    expect(s.conflicts).toMatchObject([
      { kind: "note", key: "general", values: [{ value: "pintu dibuka" }, { value: "petugas ramah" }] },
    ]);
  });
});
