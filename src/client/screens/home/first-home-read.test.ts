import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { deviceDbName } from "../../app/device-name";
import { assignment, fixtureIds, testDatabases } from "../../db/testing/fixtures";
import { firstHomeRead, takeFirstHomeRead } from "./first-home-read";

const dbs = testDatabases(`first-home-${process.pid}`);
afterEach(() => dbs.closeAll());

const USER = fixtureIds.user;
const LATER = { ...assignment, id: "0b7d3c1e-0000-4000-8000-0000000000e1", plannedDate: "2026-08-09" };

describe("the home's first read, handed from the preview to the live home", () => {
  it("is shared while under way, taken once, and read afresh for a later preview in the same page", async () => {
    const db = await dbs.open(deviceDbName(USER));
    const first = firstHomeRead(USER);
    expect(firstHomeRead(USER)).toBe(first);
    expect((await first)?.assignments.map((a) => a.id)).toEqual([assignment.id]);

    // Another user's live home never gets it.
    expect(takeFirstHomeRead("someone-else")).toBeUndefined();
    expect(await firstHomeRead(USER)).toBeDefined();
    expect(takeFirstHomeRead(USER)?.assignments.map((a) => a.id)).toEqual([assignment.id]);
    expect(takeFirstHomeRead(USER)).toBeUndefined();

    // The device changed since (the session ended, work went on, the user logs in again): the next
    // preview shows the device as it is now, not the page's first read.
    await db.assignments.put(LATER);
    expect((await firstHomeRead(USER))?.assignments.map((a) => a.id).sort()).toEqual(
      [assignment.id, LATER.id].sort(),
    );
  });
});
