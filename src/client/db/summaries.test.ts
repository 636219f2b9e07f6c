import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { openPatuhDb, type PatuhDb } from "./database";
import { recordMutation, setAnswer } from "./edits";
import { StorageFullError } from "./errors";
import { storeEvidence } from "./evidence";
import { readLastAllocated } from "./meta";
import { countOpenConflicts, summaryOf } from "./summaries";
import {
  createArgs,
  fakeJpeg,
  fixtureIds,
  refuseNextOutboxAppend,
  testDatabases,
  UNIT_SCALE_KEYS,
} from "./testing/fixtures";

const dbs = testDatabases(`summaries-${process.pid}`);
afterEach(() => dbs.closeAll());

const A = fixtureIds.assessment;
const B = "0b9c5e0c-3f4a-4c1e-9a55-3d2f8e1b7c42";
const key0 = UNIT_SCALE_KEYS[0];

async function expectSummariesMatch(db: PatuhDb): Promise<void> {
  const states = await db.assessments.toArray();
  expect(await db.assessmentSummaries.toArray()).toEqual(states.map(summaryOf));
}

describe("assessment summaries", () => {
  it("follow every write to the local view, in the same transaction", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    await recordMutation(db, "assessment.create", createArgs(B));
    await setAnswer(db, A, key0, 2);
    await expectSummariesMatch(db);
    expect((await db.assessmentSummaries.get(A))?.updatedAt).toBe((await db.assessments.get(A))?.updatedAt);

    // Any writer is mirrored, even one that names only `assessments` in its transaction.
    const state = await db.assessments.get(A);
    if (!state) throw new Error("no state");
    const conflict = {
      kind: "answer" as const,
      key: key0,
      values: [
        { value: 1, by: fixtureIds.user, clientId: "c1", at: "2026-08-01T00:00:00Z" },
        { value: 2, by: fixtureIds.user, clientId: "c2", at: "2026-08-01T00:01:00Z" },
      ],
      detectedAt: "2026-08-01T00:02:00Z",
    };
    await db.transaction("rw", db.assessments, () => db.assessments.put({ ...state, conflicts: [conflict] }));
    await expectSummariesMatch(db);
    expect(await countOpenConflicts(db)).toBe(1);

    await db.assessments.bulkDelete([B]);
    await expectSummariesMatch(db);
    await db.assessments.clear();
    expect(await db.assessmentSummaries.count()).toBe(0);
  });

  it("keep the old summary when the edit fails for lack of space (nothing half-saved)", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    const before = await db.assessmentSummaries.get(A);
    const restore = refuseNextOutboxAppend();
    await expect(setAnswer(db, A, key0, 2)).rejects.toBeInstanceOf(StorageFullError);
    restore();
    expect(await db.assessmentSummaries.get(A)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
    await expectSummariesMatch(db);
  });
});

// The first release's schema, verbatim: what a device in the field holds before this update.
const V1_STORES = {
  periods: "id",
  instruments: "[id+version]",
  pemda: "id",
  units: "id, pemdaId",
  assignments: "id, periodId, unitId",
  users: "id",
  serverAssessments: "id",
  assessments: "id, assignmentId, status",
  outbox: "id, assessmentId",
  evidence: "sha256, uploadState",
  meta: "key",
  rejections: "mutationId, assessmentId, dismissed",
  assessmentSync: "id",
};

describe("schema upgrade from version 1", () => {
  it("keeps every draft, unsynced mutation and photo, and fills the summaries", async () => {
    // Real rows, made by the current code on a scratch device, then written under the v1 schema.
    const scratch = await dbs.open();
    await recordMutation(scratch, "assessment.create", createArgs());
    await setAnswer(scratch, A, key0, 2);
    const photo = await storeEvidence(scratch, fakeJpeg(2048));
    await recordMutation(scratch, "assessment.create", createArgs(B));
    const rows = {
      assessments: await scratch.assessments.toArray(),
      outbox: await scratch.outbox.toArray(),
      evidence: await scratch.evidence.toArray(),
      meta: await scratch.meta.toArray(),
      instruments: await scratch.instruments.toArray(),
      periods: await scratch.periods.toArray(),
      assignments: await scratch.assignments.toArray(),
    };
    expect(rows.outbox).toHaveLength(3);

    const name = `summaries-upgrade-${process.pid}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    await v1.transaction("rw", v1.tables, async () => {
      for (const [table, values] of Object.entries(rows)) await v1.table(table).bulkPut(values);
    });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = await openPatuhDb(name);
    dbs.track(db);
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.assessments.toArray()).toEqual(rows.assessments);
    expect(await db.outbox.toArray()).toEqual(rows.outbox);
    expect(await db.meta.toArray()).toEqual(rows.meta);
    const stored = await db.evidence.get(photo.sha256);
    if (!stored) throw new Error("the photo was lost in the upgrade");
    expect(stored.bytes).toBe(2048);
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(
      new Uint8Array(await fakeJpeg(2048).arrayBuffer()),
    );
    await expectSummariesMatch(db);
    expect(await db.assessmentSummaries.count()).toBe(2);

    // The device carries on where it was: the next edit gets the next gapless id.
    const next = await setAnswer(db, A, key0, 3);
    expect(next.mutation.id).toBe(4);
    expect(next.mutation).toMatchObject({ args: { previous: 2 } });
    expect(await readLastAllocated(db)).toBe(4);
    await expectSummariesMatch(db);
  });
});
