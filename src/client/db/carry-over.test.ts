import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  exportUnsyncedWork,
  importUnsyncedWork,
  readWorkFile,
  WORK_FILE_FORMAT,
  WorkFileError,
} from "./carry-over";
import { recordMutation, setAnswer } from "./edits";
import { storeEvidence } from "./evidence";
import { setDeviceUser } from "./meta";
import { blobsRefused } from "./testing/engine-quirks";
import { createArgs, fakeJpeg, fixtureIds, testDatabases, UNIT_SCALE_KEYS } from "./testing/fixtures";

const A = fixtureIds.assessment;
const dbs = testDatabases(`carry-${process.pid}`);
const undo: (() => void)[] = [];
afterEach(async () => {
  for (const u of undo.splice(0)) u();
  await dbs.closeAll();
});

/** A device with a morning's work: a checklist, three answers and a photo, nothing synced. */
async function deviceWithWork() {
  const db = await dbs.open();
  await setDeviceUser(db, fixtureIds.user);
  await recordMutation(db, "assessment.create", createArgs(), { now: new Date("2026-08-01T01:00:00Z") });
  for (const [i, key] of UNIT_SCALE_KEYS.slice(0, 3).entries()) await setAnswer(db, A, key, i + 1);
  const photo = await storeEvidence(db, fakeJpeg(2000, 3), { width: 20, height: 10 });
  await recordMutation(db, "assessment.attachEvidence", {
    assessmentId: A,
    key: "IN.SP.05",
    evidence: {
      sha256: photo.sha256,
      mime: "image/jpeg",
      bytes: 2000,
      width: 20,
      height: 10,
      takenAt: "2026-08-01T01:05:00.000Z",
    },
  });
  return { db, photo };
}

async function roundTrip(text: string) {
  const fresh = await dbs.open();
  await setDeviceUser(fresh, fixtureIds.user);
  return { fresh, outcome: await importUnsyncedWork(fresh, await readWorkFile(text)) };
}

describe("unsynced work to a file and back", () => {
  it("rebuilds the same checklist, outbox and photo bytes on a fresh device, once however often imported", async () => {
    const { db, photo } = await deviceWithWork();
    const file = await exportUnsyncedWork(db, "2026-08-01T02:00:00.000Z");
    expect(file.format).toBe(WORK_FILE_FORMAT);
    expect(file.mutations).toHaveLength(5);
    expect(file.photos.map((p) => p.sha256)).toEqual([photo.sha256]);
    const text = JSON.stringify(file);

    const { fresh, outcome } = await roundTrip(text);
    expect(outcome).toEqual({ recorded: 5, alreadyImported: 0, refused: 0, photos: 1 });
    const before = await db.assessments.get(A);
    const after = await fresh.assessments.get(A);
    expect(after?.answers).toEqual(before?.answers);
    expect(after?.evidence).toEqual(before?.evidence);
    const original = (await db.outbox.toArray()).map((r) => ({
      name: r.mutation.name,
      args: r.mutation.args,
      at: r.mutation.at,
    }));
    const imported = (await fresh.outbox.toArray()).map((r) => ({
      name: r.mutation.name,
      args: r.mutation.args,
      at: r.mutation.at,
    }));
    expect(imported).toEqual(original);
    const bytes = await (await fresh.evidence.get(photo.sha256))?.blob.arrayBuffer();
    expect(new Uint8Array(bytes ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array(await fakeJpeg(2000, 3).arrayBuffer()),
    );

    // The same file again: nothing recorded twice.
    const again = await importUnsyncedWork(fresh, await readWorkFile(text));
    expect(again).toEqual({ recorded: 0, alreadyImported: 5, refused: 0, photos: 0 });
    expect(await fresh.outbox.count()).toBe(5);
  });

  it("imports into a browser that refuses Blobs in IndexedDB (Private Browsing)", async () => {
    const { db, photo } = await deviceWithWork();
    const text = JSON.stringify(await exportUnsyncedWork(db));
    undo.push(blobsRefused());
    const { fresh, outcome } = await roundTrip(text);
    expect(outcome.photos).toBe(1);
    expect((await fresh.evidence.get(photo.sha256))?.blob.size).toBe(2000);
  });

  it("refuses a file whose photo bytes do not match their hash, another assessor's file, and other files", async () => {
    const { db } = await deviceWithWork();
    const file = await exportUnsyncedWork(db);
    const photo = file.photos[0];
    if (!photo) throw new Error("no photo exported");
    const damaged = { ...file, photos: [{ ...photo, data: btoa("not the photo") }] };
    await expect(readWorkFile(JSON.stringify(damaged))).rejects.toMatchObject({ code: "photo_damaged" });
    await expect(readWorkFile("{}")).rejects.toBeInstanceOf(WorkFileError);
    await expect(readWorkFile("not json")).rejects.toMatchObject({ code: "not_a_work_file" });

    const other = await dbs.open();
    await setDeviceUser(other, "someone-else");
    await expect(importUnsyncedWork(other, await readWorkFile(JSON.stringify(file)))).rejects.toMatchObject({
      code: "other_user",
    });
    expect(await other.outbox.count()).toBe(0);
  });
});
