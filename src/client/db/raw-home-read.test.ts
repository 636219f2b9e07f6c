import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { groupAssignments, missingForOffline } from "../screens/home/home-model";
import { openPatuhDb } from "./database";
import { recordMutation, setAnswer } from "./edits";
import { readHomeDataFromDexie } from "./home-read-dexie";
import type { Assignment, PullResponse } from "./protocol-types";
import { applyPull } from "./pull-apply";
import { readHomeDataRaw } from "./raw-home-read";
import { recordRejections } from "./rejections";
import { DEVICE_IDB_VERSION, DEVICE_SCHEMA_VERSION } from "./schema-version";
import { assignment, createArgs, fixtureIds, testDatabases, UNIT_SCALE_KEYS } from "./testing/fixtures";

const dbs = testDatabases(`raw-home-${process.pid}`);
afterEach(() => dbs.closeAll());

const USER = fixtureIds.user;
const B = "0b9c5e0c-3f4a-4c1e-9a55-3d2f8e1b7c42";
const C = "0b9c5e0c-3f4a-4c1e-9a55-3d2f8e1b7c43";
const assignmentB: Assignment = {
  ...assignment,
  id: "0b7d3c1e-0000-4000-8000-0000000000b1",
  unitId: "0b7d3c1e-0000-4000-8000-0000000000b2",
  pemdaId: "6102",
  plannedDate: "2026-08-03",
};
const assignmentC: Assignment = {
  ...assignment,
  id: "0b7d3c1e-0000-4000-8000-0000000000c1",
  unitId: "0b7d3c1e-0000-4000-8000-0000000000c2",
  pemdaId: "6101",
};
// Another assessor's assignment in a third pemda: neither listed nor its units read.
const othersAssignment: Assignment = {
  ...assignment,
  id: "0b7d3c1e-0000-4000-8000-0000000000d1",
  unitId: "0b7d3c1e-0000-4000-8000-0000000000d2",
  pemdaId: "6103",
  team: ["someone"],
};

function databaseNames(): Promise<string[]> {
  return indexedDB.databases().then((list) => list.map((d) => d.name ?? ""));
}

describe("the home's first read without Dexie (raw IndexedDB)", () => {
  it("reads exactly what the live home reads through Dexie", async () => {
    const name = `raw-home-${process.pid}-full`;
    const db = await dbs.open(name);
    await db.assignments.bulkPut([assignmentB, assignmentC, othersAssignment]);
    await db.pemda.bulkPut([
      { id: "6101", name: "Kota Pontianak", level: "kota", provinceId: "61" },
      { id: "6102", name: "Kab. Sambas", level: "kabupaten", provinceId: "61" },
    ] as never);
    await db.units.bulkPut([
      { id: fixtureIds.unit, pemdaId: "6101", name: "Disdukcapil", kind: "dukcapil" },
      { id: "0b7d3c1e-0000-4000-8000-0000000000c2", pemdaId: "6101", name: "DPMPTSP", kind: "dpmptsp" },
      {
        id: "0b7d3c1e-0000-4000-8000-0000000000b2",
        pemdaId: "6102",
        name: "Puskesmas Sambas",
        kind: "puskesmas",
      },
      { id: "0b7d3c1e-0000-4000-8000-0000000000d2", pemdaId: "6103", name: "RSUD", kind: "rsud" },
    ] as never);
    // A: created here, two edits unsent. B: on the server, synced. C: on the server with one more
    // edit here and a refused edit not yet dismissed (plus one dismissed, which does not count).
    await recordMutation(db, "assessment.create", createArgs());
    await setAnswer(db, fixtureIds.assessment, UNIT_SCALE_KEYS[0], 2);
    await recordMutation(db, "assessment.create", createArgs(B, assignmentB));
    await recordMutation(db, "assessment.create", createArgs(C, assignmentC));
    const outbox = await db.outbox.toArray();
    // The server's copies of B and C: as created here (their create is acknowledged by the pull).
    const [stateB, stateC] = await db.assessments.bulkGet([B, C]);
    if (!stateB || !stateC) throw new Error("no states");
    const pull: PullResponse = {
      cursor: "c1",
      reset: false,
      lastMutationId: 0,
      patch: [
        { op: "put", type: "assessment", value: stateB },
        { op: "put", type: "assessment", value: stateC },
      ],
      rejections: [],
    };
    await applyPull(db, pull, "2026-08-01T06:00:00.000Z");
    await db.outbox.bulkDelete(
      outbox.filter((r) => r.assessmentId !== fixtureIds.assessment).map((r) => r.id),
    );
    await setAnswer(db, C, UNIT_SCALE_KEYS[1], 3);
    const cRow = (await db.outbox.where("assessmentId").equals(C).toArray())[0];
    if (!cRow) throw new Error("no edit of C");
    await recordRejections(
      db,
      [
        { mutationId: 900, code: "invalid_mutation", message: "no" },
        { mutationId: cRow.id, code: "invalid_mutation", message: "no" },
      ],
      new Map([[cRow.id, cRow]]),
      "2026-08-01T06:01:00.000Z",
    );
    await db.rejections.update(900, { dismissed: 1 });

    const viaDexie = await readHomeDataFromDexie(db, USER);
    const raw = await readHomeDataRaw(name, USER);
    expect(raw).toEqual(viaDexie);
    if (!raw) throw new Error("no raw read");

    // And what the assessor sees from it: every own unit with its state, nothing of anyone else's.
    const rows = groupAssignments(raw).flatMap((g) =>
      g.units.map((u) => [g.name, u.unitName, u.state, u.pendingCount]),
    );
    expect(rows).toEqual([
      ["Kab. Sambas", "Puskesmas Sambas", "synced", 0],
      ["Kota Pontianak", "Disdukcapil", "draft", 2],
      ["Kota Pontianak", "DPMPTSP", "unsynced", 1],
    ]);
    expect(
      groupAssignments(raw)
        .flatMap((g) => g.units)
        .find((u) => u.unitName === "DPMPTSP")?.needsAttention,
    ).toBe(true);
    // Units are read only for the pemda of the user's own assignments.
    expect(raw.units.map((u) => u.id)).not.toContain(othersAssignment.unitId);
    expect(raw.pulled).toBe(true);
    expect(missingForOffline(raw, true)).toEqual([]);
  });

  it("gives nothing for a device never opened here, and does not create its database", async () => {
    const name = `raw-home-${process.pid}-missing`;
    expect(await readHomeDataRaw(name, USER)).toBeUndefined();
    expect(await databaseNames()).not.toContain(name);
  });

  it("gives nothing for a database an app update has still to upgrade, and leaves the upgrade to Dexie", async () => {
    const name = `raw-home-${process.pid}-old`;
    // A device of the first release: schema version 1 (IndexedDB 10), without the summaries store.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        for (const store of ["periods", "pemda", "units", "assignments", "outbox", "meta"]) {
          request.result.createObjectStore(store, { keyPath: store === "meta" ? "key" : "id" });
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await readHomeDataRaw(name, USER)).toBeUndefined();
    // Untouched, and Dexie upgrades it (nothing left open blocks it).
    const db = await openPatuhDb(name);
    dbs.track(db);
    expect(db.backendDB().version).toBe(DEVICE_IDB_VERSION);
    expect(await readHomeDataRaw(name, USER)).toEqual(await readHomeDataFromDexie(db, USER));
  });

  it("knows the schema version database.ts declares", async () => {
    const db = await dbs.open();
    expect(db.verno).toBe(DEVICE_SCHEMA_VERSION);
    expect(db.backendDB().version).toBe(DEVICE_IDB_VERSION);
  });
});
