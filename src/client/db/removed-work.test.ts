import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { PatuhDb } from "./database";
import { recordMutation, setAnswer } from "./edits";
import type { PatchOp, PullResponse } from "./protocol-types";
import { applyPull } from "./pull-apply";
import { listRemovedWork } from "./removed-work";
import { assignment, createArgs, fixtureIds, period, serverState, testDatabases } from "./testing/fixtures";

const A = fixtureIds.assessment;
const dbs = testDatabases(`removed-${process.pid}`);
afterEach(() => dbs.closeAll());
const NOW = "2026-08-02T06:00:00.000Z";

const removal: PatchOp[] = [
  { op: "del", type: "assignment", id: assignment.id },
  { op: "del", type: "assessment", id: A },
];

function pull(lastMutationId: number, patch: PatchOp[], extra: Partial<PullResponse> = {}): PullResponse {
  return { cursor: `c${lastMutationId}`, reset: false, lastMutationId, patch, rejections: [], ...extra };
}

async function withNames(db: PatuhDb): Promise<void> {
  await db.units.put({
    id: assignment.unitId,
    pemdaId: assignment.pemdaId,
    name: "Puskesmas Sambas",
    kind: "puskesmas",
    suggestedProducts: [],
  });
  await db.pemda.put({
    id: assignment.pemdaId,
    officeId: "kalbar",
    code: "6101",
    name: "Kabupaten Sambas",
    kind: "kabupaten",
  });
}

describe("work kept when an assignment is removed", () => {
  it("a draft only this device knows survives the removal, readable, with its pending edits still queued", async () => {
    const db = await dbs.open();
    await withNames(db);
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 3);
    await applyPull(db, pull(0, [{ op: "del", type: "assignment", id: assignment.id }]), NOW);

    expect(await db.assignments.get(assignment.id)).toBeUndefined();
    const kept = await listRemovedWork(db);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      assessmentId: A,
      assignmentId: assignment.id,
      unitName: "Puskesmas Sambas",
      pemdaName: "Kabupaten Sambas",
      pendingEdits: 2,
      removedAt: NOW,
    });
    expect(kept[0]?.state.answers["PGD.01"]).toBe(3);
    // The queue keeps them: the server's verdict (assignment_removed) is what clears them.
    expect(await db.outbox.count()).toBe(2);
  });

  it("a synced assessment with unsynced edits is kept as the device showed it", async () => {
    const db = await dbs.open();
    await withNames(db);
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 2);
    const server = serverState((await db.outbox.toArray()).map((r) => r.mutation).slice(0, 1));
    await applyPull(db, pull(1, [{ op: "put", type: "assessment", value: server }]), NOW);
    await setAnswer(db, A, "PGD.03", 1);

    await applyPull(db, pull(1, removal), NOW);
    const [kept] = await listRemovedWork(db);
    expect(kept?.pendingEdits).toBe(2);
    expect(kept?.state.answers).toMatchObject({ "PGD.01": 2, "PGD.03": 1 });
    expect(await db.assessments.get(A)).toBeUndefined();
  });

  it("nothing is kept when the server already holds all of it", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    const server = serverState((await db.outbox.toArray()).map((r) => r.mutation));
    await applyPull(db, pull(1, [{ op: "put", type: "assessment", value: server }]), NOW);
    await applyPull(db, pull(1, removal), NOW);
    expect(await listRemovedWork(db)).toEqual([]);
    expect(await db.assessments.get(A)).toBeUndefined();
  });

  it("a reset without the assignment counts as a removal too", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    await applyPull(db, pull(0, [{ op: "put", type: "period", value: period }], { reset: true }), NOW);
    expect((await listRemovedWork(db)).map((r) => r.assessmentId)).toEqual([A]);
  });

  it("stays after the server rejects the queued edits (assignment_removed) and the queue empties", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, "PGD.01", 3);
    await applyPull(db, pull(0, [{ op: "del", type: "assignment", id: assignment.id }]), NOW);
    const rejections = [1, 2].map((mutationId) => ({
      mutationId,
      code: "assignment_removed",
      message: "dicabut",
    }));
    await applyPull(db, pull(2, [], { rejections }), NOW);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejections.toArray()).map((r) => [r.mutationId, r.code, r.assessmentId])).toEqual([
      [1, "assignment_removed", A],
      [2, "assignment_removed", A],
    ]);
    const [kept] = await listRemovedWork(db);
    expect(kept?.state.answers["PGD.01"]).toBe(3);
  });
});

describe("work kept when the push of the same sync run was already refused", () => {
  it("keeps a synced assessment whose edits came back assignment_removed before the pull", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    const server = serverState((await db.outbox.toArray()).map((r) => r.mutation));
    await applyPull(db, pull(1, [{ op: "put", type: "assessment", value: server }]), NOW);
    await setAnswer(db, A, "PGD.01", 2);
    // What sync/push.ts does with a rejection: record it and drop the entry, nothing else.
    await db.transaction("rw", db.outbox, db.rejections, async () => {
      await db.rejections.put({
        mutationId: 2,
        assessmentId: A,
        mutationName: "assessment.setAnswer",
        code: "assignment_removed",
        message: "dicabut",
        receivedAt: NOW,
        dismissed: 0,
      });
      await db.outbox.delete(2);
    });
    await applyPull(db, pull(2, removal), NOW);
    const [kept] = await listRemovedWork(db);
    expect(kept?.pendingEdits).toBe(1);
    expect(kept?.state.answers["PGD.01"]).toBe(2);
  });
});
