import "fake-indexeddb/auto";
import { liveQuery } from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPatuhDb, type PatuhDb } from "./database";
import { recordMutation, setAnswer, setNote } from "./edits";
import { MutationRefusedError, StorageFullError } from "./errors";
import { readLastAllocated } from "./meta";
import {
  createArgs,
  fixtureIds,
  refuseNextOutboxAppend,
  testDatabases,
  UNIT_SCALE_KEYS,
} from "./testing/fixtures";

let seq = 0;
const dbs = testDatabases(`edits-${process.pid}`);
const freshDb = (name?: string): Promise<PatuhDb> => dbs.open(name);
afterEach(() => dbs.closeAll());

const A = fixtureIds.assessment;
const key0 = UNIT_SCALE_KEYS[0];

describe("recordMutation", () => {
  it("applies an edit to the local view and appends it to the outbox together", async () => {
    const db = await freshDb();
    const created = await recordMutation(db, "assessment.create", createArgs());
    expect(created.mutation.id).toBe(1);
    expect(created.state.status).toBe("draft");

    const edit = await setAnswer(db, A, key0, 2);
    expect(edit.mutation).toMatchObject({
      id: 2,
      name: "assessment.setAnswer",
      args: { key: key0, value: 2, previous: null },
    });

    const local = await db.assessments.get(A);
    expect(local?.answers[key0]).toBe(2);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((r) => r.id)).toEqual([1, 2]);
    expect(outbox[1]?.mutation).toEqual(edit.mutation);
    expect(outbox[1]?.assessmentId).toBe(A);
    expect(await readLastAllocated(db)).toBe(2);
  });

  it("fills `previous` from the local view inside the transaction", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, A, key0, 1);
    const second = await setAnswer(db, A, key0, 3);
    expect(second.mutation.args).toMatchObject({ value: 3, previous: 1 });
    await setNote(db, A, "general", "Ruang tunggu penuh");
    const note = await setNote(db, A, "general", "Ruang tunggu penuh sekali");
    expect(note.mutation.args).toMatchObject({ previous: "Ruang tunggu penuh" });
  });

  it("writes nothing and uses no id when the reducer refuses", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    const before = await db.assessments.get(A);

    // 7 is outside scale_0_3: a semantic refusal by the shared reducer.
    await expect(setAnswer(db, A, key0, 7)).rejects.toBeInstanceOf(MutationRefusedError);
    await expect(setAnswer(db, A, "NO.SUCH.KEY", 1)).rejects.toMatchObject({ code: "invalid_key" });
    // A second create of the same assessment.
    await expect(recordMutation(db, "assessment.create", createArgs())).rejects.toMatchObject({
      code: "assessment_exists",
    });
    // Malformed args are refused by the shared schema before the reducer.
    await expect(
      recordMutation(db, "assessment.setAnswer", {
        assessmentId: "not-a-uuid",
        key: key0,
        value: 1,
        previous: null,
      }),
    ).rejects.toMatchObject({ code: "invalid_mutation" });

    expect(await db.assessments.get(A)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
    expect(await readLastAllocated(db)).toBe(1);
    const next = await setAnswer(db, A, key0, 3);
    expect(next.mutation.id).toBe(2);
  });

  it("refuses edits of an assessment that is not on the device", async () => {
    const db = await freshDb();
    await expect(setAnswer(db, A, key0, 1)).rejects.toMatchObject({ code: "assessment_not_found" });
    expect(await db.outbox.count()).toBe(0);
  });

  it("turns a quota failure into StorageFullError and keeps nothing of the edit", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    const before = await db.assessments.get(A);
    // The local view is written first, then the outbox append fails: the whole edit must vanish.
    const restore = refuseNextOutboxAppend();
    await expect(setAnswer(db, A, key0, 2)).rejects.toBeInstanceOf(StorageFullError);
    restore();

    expect(await db.assessments.get(A)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
    expect(await readLastAllocated(db)).toBe(1);
    expect((await setAnswer(db, A, key0, 2)).mutation.id).toBe(2);
  });

  it("keeps ids gapless across concurrent edits and across reopening the database", async () => {
    const name = `edits-reopen-${process.pid}-${++seq}`;
    const db = await freshDb(name);
    await recordMutation(db, "assessment.create", createArgs());
    await Promise.all(UNIT_SCALE_KEYS.map((k, i) => setAnswer(db, A, k, i % 4)));
    const ids = (await db.outbox.toCollection().primaryKeys()).map(Number);
    expect(ids).toEqual(Array.from({ length: UNIT_SCALE_KEYS.length + 1 }, (_, i) => i + 1));
    const clientId = (await db.outbox.get(1))?.clientId;
    db.close();

    const again = await openPatuhDb(name);
    dbs.track(again);
    const next = await setAnswer(again, A, key0, 0);
    expect(next.mutation.id).toBe(UNIT_SCALE_KEYS.length + 2);
    expect((await again.outbox.get(next.mutation.id))?.clientId).toBe(clientId);
    expect((await again.assessments.get(A))?.answers[key0]).toBe(0);
  });

  it("two tabs (two connections) editing the same checklist keep both edits and one id sequence", async () => {
    const name = `edits-tabs-${process.pid}-${++seq}`;
    const tab1 = await freshDb(name);
    const tab2 = await openPatuhDb(name);
    dbs.track(tab2);
    await recordMutation(tab1, "assessment.create", createArgs());
    await Promise.all([
      ...UNIT_SCALE_KEYS.slice(0, 6).map((k) => setAnswer(tab1, A, k, 1)),
      ...UNIT_SCALE_KEYS.slice(6, 12).map((k) => setAnswer(tab2, A, k, 2)),
    ]);
    const view = await tab2.assessments.get(A);
    expect(Object.keys(view?.answers ?? {}).sort()).toEqual([...UNIT_SCALE_KEYS.slice(0, 12)].sort());
    expect((await tab1.outbox.toCollection().primaryKeys()).map(Number)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
  });
});

describe("live queries after an edit", () => {
  it("re-run with the stored value: the sheet, its summary and the pending count follow each edit", async () => {
    const db = await freshDb();
    await recordMutation(db, "assessment.create", createArgs());
    const seen: { answer: unknown; pending: number; summaryAt: string | undefined }[] = [];
    const subscription = liveQuery(async () => ({
      answer: (await db.assessments.get(A))?.answers[key0],
      pending: await db.outbox.where("assessmentId").equals(A).count(),
      summaryAt: (await db.assessmentSummaries.get(A))?.updatedAt,
    })).subscribe((value) => seen.push(value));
    try {
      await vi.waitFor(() => expect(seen.at(-1)?.pending).toBe(1));
      const edit = await setAnswer(db, A, key0, 3, { now: new Date("2026-08-02T01:00:00Z") });
      await vi.waitFor(() =>
        expect(seen.at(-1)).toEqual({ answer: 3, pending: 2, summaryAt: edit.state.updatedAt }),
      );
    } finally {
      subscription.unsubscribe();
    }
  });
});
