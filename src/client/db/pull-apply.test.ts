import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PatuhDb } from "./database";
import { recordMutation, setAnswer } from "./edits";
import { StorageFullError } from "./errors";
import { readSyncMeta } from "./meta";
import type { AssessmentState, Mutation, PullResponse } from "./protocol-types";
import { applyPull, pullTables, rebuildLocalView } from "./pull-apply";
import {
  assignment,
  createArgs,
  fixtureIds,
  instrumentRecord,
  period,
  serverState,
  serverStates,
  testDatabases,
  UNIT_SCALE_KEYS,
} from "./testing/fixtures";

const A = fixtureIds.assessment;
const dbs = testDatabases(`pull-${process.pid}`);
const freshDb = (): Promise<PatuhDb> => dbs.open();
afterEach(() => dbs.closeAll());

function pullOf(
  state: AssessmentState | null,
  lastMutationId: number,
  extra: Partial<PullResponse> = {},
): PullResponse {
  return {
    cursor: `c${lastMutationId}`,
    reset: false,
    lastMutationId,
    patch: state ? [{ op: "put", type: "assessment", value: state }] : [],
    rejections: [],
    ...extra,
  };
}

async function outboxMutations(db: PatuhDb): Promise<Mutation[]> {
  return (await db.outbox.toArray()).map((r) => r.mutation);
}

describe("applyPull", () => {
  it("re-applies pending edits on top of the pulled state and drops the acknowledged ones", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    for (const [i, k] of UNIT_SCALE_KEYS.slice(0, 6).entries()) await setAnswer(db, A, k, i % 4);
    const all = await outboxMutations(db);
    // The server has 1..4 and, meanwhile, a supervisor's colleague changed an answer we never touched.
    const server = serverState(all.slice(0, 4));
    const changed = { ...server, answers: { ...server.answers, "PGD.03": 1 }, revision: server.revision + 1 };

    const applied = await applyPull(db, pullOf(changed, 4), "2026-08-01T06:00:00.000Z");
    expect(applied.acknowledged).toBe(4);
    expect(applied.localRejections).toEqual([]);
    expect((await db.outbox.toCollection().primaryKeys()).map(Number)).toEqual([5, 6, 7]);
    const local = await db.assessments.get(A);
    expect(local?.answers).toEqual({
      ...changed.answers,
      [UNIT_SCALE_KEYS[3] as string]: 3,
      [UNIT_SCALE_KEYS[4] as string]: 0,
      [UNIT_SCALE_KEYS[5] as string]: 1,
    });
    expect(await db.serverAssessments.get(A)).toEqual(changed);
    expect(await readSyncMeta(db)).toMatchObject({ cursor: "c4", lastMutationId: 4 });
    // Pending ones stay pending: the next edit continues the numbering.
    expect((await setAnswer(db, A, "PGD.01", 2)).mutation.id).toBe(8);
  });

  it("is what the local view was before the pull when the server has applied nothing new", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 3);
    const before = await db.assessments.get(A);
    await applyPull(db, pullOf(null, 0), "2026-08-01T06:00:00.000Z");
    expect(await db.assessments.get(A)).toEqual(before);
    expect(await db.outbox.count()).toBe(2);
  });

  it("records pulled rejections with the mutation they refer to", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 3);
    const all = await outboxMutations(db);
    const server = serverState(all.slice(0, 1));
    await applyPull(
      db,
      pullOf(server, 2, { rejections: [{ mutationId: 2, code: "not_editable", message: "sudah dikirim" }] }),
      "2026-08-01T06:00:00.000Z",
    );
    expect(await db.rejections.toArray()).toMatchObject([
      {
        mutationId: 2,
        assessmentId: A,
        mutationName: "assessment.setAnswer",
        code: "not_editable",
        dismissed: 0,
      },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.assessments.get(A))?.answers["PGD.01"]).toBeUndefined();
  });

  it("reset replaces every synced entity in one go and keeps pending creates", async () => {
    const db = await freshDb();
    await db.units.put({
      id: "old-unit",
      pemdaId: "6101",
      name: "Lama",
      kind: "x",
      suggestedProducts: [],
    });
    await recordMutation(db, "assessment.create", createArgs());
    await applyPull(
      db,
      {
        cursor: "fresh",
        reset: true,
        lastMutationId: 0,
        patch: [
          { op: "put", type: "instrument", value: instrumentRecord },
          { op: "put", type: "period", value: period },
          { op: "put", type: "assignment", value: assignment },
        ],
        rejections: [],
      },
      "2026-08-01T06:00:00.000Z",
    );
    expect(await db.units.count()).toBe(0);
    expect(await db.assignments.count()).toBe(1);
    expect((await db.assessments.get(A))?.status).toBe("draft"); // still only on this device
    expect(await db.outbox.count()).toBe(1);
  });

  it("deletes an instrument addressed as id@version and an assessment the server deleted", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    const server = serverState(await outboxMutations(db));
    await applyPull(db, pullOf(server, 1), "2026-08-01T06:00:00.000Z");
    expect(await db.assessments.count()).toBe(1);
    await applyPull(
      db,
      pullOf(null, 1, {
        patch: [
          { op: "del", type: "assessment", id: A },
          { op: "del", type: "instrument", id: "ori-kepatuhan-2023@1" },
        ],
      }),
      "2026-08-01T06:00:01.000Z",
    );
    expect(await db.assessments.count()).toBe(0);
    expect(await db.instruments.count()).toBe(0);
  });

  it("a pull that cannot be stored (quota) changes nothing: no half state, cursor unmoved", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 3);
    const server = serverState(await outboxMutations(db));
    const before = {
      view: await db.assessments.toArray(),
      meta: await readSyncMeta(db),
      outbox: await db.outbox.count(),
    };
    const spy = vi.spyOn(db.assessmentSync, "bulkPut").mockImplementationOnce(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    await expect(applyPull(db, pullOf(server, 2), "2026-08-01T06:00:00.000Z")).rejects.toBeInstanceOf(
      StorageFullError,
    );
    spy.mockRestore();
    expect(await db.serverAssessments.count()).toBe(0);
    expect(await db.assessments.toArray()).toEqual(before.view);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await readSyncMeta(db)).toEqual(before.meta);
  });
});

describe("rebuilding the local view after a pull", () => {
  it("rebuilds only what the pull can change, and ends exactly where a full rebuild does", async () => {
    const db = await freshDb();
    const B = "0b7d3c1e-0000-4000-8000-0000000000b2";
    const at = "2026-08-01T06:00:00.000Z";
    await recordMutation(db, "assessment.create", createArgs(A));
    await recordMutation(db, "assessment.create", createArgs(B));
    for (const [i, k] of UNIT_SCALE_KEYS.slice(0, 4).entries()) {
      await setAnswer(db, A, k, i % 4);
      await setAnswer(db, B, k, (i + 1) % 4);
    }
    const all = await outboxMutations(db);
    const onServer = serverStates(all);
    const serverA = onServer[A];
    const serverB = onServer[B];
    if (!serverA || !serverB) throw new Error("no server states");
    const synced = all.length;
    await applyPull(
      db,
      pullOf(null, synced, {
        patch: [
          { op: "put", type: "assessment", value: serverA },
          { op: "put", type: "assessment", value: serverB },
        ],
      }),
      at,
    );
    expect(await db.outbox.count()).toBe(0);

    // B gets an edit the server has not seen; meanwhile a colleague changes A on the server.
    const key = UNIT_SCALE_KEYS[5] as string;
    await setAnswer(db, B, key, 2);
    const changedA = {
      ...serverA,
      answers: { ...serverA.answers, [key]: 1 },
      revision: serverA.revision + 1,
    };
    await applyPull(db, pullOf(changedA, synced), at);

    const partial = await db.assessments.toArray();
    expect(partial.find((s) => s.id === A)).toEqual(changedA);
    expect(partial.find((s) => s.id === B)?.answers[key]).toBe(2);
    // A full rebuild (what every pull used to do) changes nothing more.
    await db.transaction("rw", pullTables(db), () => rebuildLocalView(db, synced, at));
    expect(await db.assessments.toArray()).toEqual(partial);

    // The server refuses B's edit: nothing of B is in the patch, yet its local view must lose it.
    const refused = synced + 1;
    await applyPull(
      db,
      pullOf(null, refused, { rejections: [{ mutationId: refused, code: "not_editable", message: "x" }] }),
      at,
    );
    expect(await db.assessments.get(B)).toEqual(serverB);
    expect(await db.assessments.get(A)).toEqual(changedA);
  });
});
