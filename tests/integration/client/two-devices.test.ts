// Two devices of one assessor team edit the same checklist offline, then sync in turn against the
// REAL server. They must converge to the server's state, with nothing silently lost: the
// overwritten checklist value stays visible as a conflict on both devices.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { setAnswer, setNote } from "../../../src/client/db/edits";
import { CHECKLIST_ITEMS, CHECKLIST_KEY } from "../../../src/client/db/testing/fixtures";
import { createAssessment, syncOk } from "./support/device";
import { offline } from "./support/faults";
import { useDeviceFleet } from "./support/fleet";

const fleet = useDeviceFleet();

const device = (name: string) => fleet.device(name);

const items = (...letters: string[]) => CHECKLIST_ITEMS.filter((id) => letters.includes(id.slice(-1)));

describe("two devices on one checklist", () => {
  it("converge to the server's state and both show the conflict", { timeout: 180_000 }, async () => {
    const phone = await device("phone");
    const tablet = await device("tablet");
    const id = await createAssessment(phone, 4);
    await setAnswer(phone.db, id, CHECKLIST_KEY, items("a"));
    await syncOk(phone);
    await syncOk(tablet);
    expect(await tablet.db.assessments.get(id)).toEqual(await phone.db.assessments.get(id));

    // Both go offline and tick different sub-items of the same checklist, plus their own notes.
    phone.net.intercept = offline;
    tablet.net.intercept = offline;
    await setAnswer(phone.db, id, CHECKLIST_KEY, items("a", "b", "c"));
    await setNote(phone.db, id, "general", "Ruang tunggu penuh");
    await setAnswer(tablet.db, id, CHECKLIST_KEY, items("a", "d"));
    await setAnswer(tablet.db, id, "IN.SP.01", 2);
    expect((await phone.engine.sync()).ok).toBe(false);
    expect((await tablet.engine.sync()).ok).toBe(false);

    phone.net.intercept = undefined;
    tablet.net.intercept = undefined;
    await syncOk(phone);
    await syncOk(tablet);
    await syncOk(phone);

    const onPhone = await phone.db.assessments.get(id);
    const onTablet = await tablet.db.assessments.get(id);
    const observer = await device("observer");
    const onServer = await observer.db.serverAssessments.get(id);
    expect(onPhone).toEqual(onServer);
    expect(onTablet).toEqual(onServer);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await tablet.db.outbox.count()).toBe(0);

    // Arrival order decides the current value; the other one is kept as a conflict, not lost.
    expect(onServer?.answers[CHECKLIST_KEY]).toEqual(items("a", "d"));
    expect(onServer?.answers["IN.SP.01"]).toBe(2);
    expect(onServer?.notes.general).toBe("Ruang tunggu penuh");
    // The tablet wrote over the phone's value without having seen it: a conflict on that key only.
    expect(onServer?.conflicts.map((c) => c.key)).toEqual([CHECKLIST_KEY]);
    const conflict = onServer?.conflicts.find((c) => c.key === CHECKLIST_KEY);
    expect(conflict?.values.map((v) => v.value)).toEqual([items("a", "b", "c"), items("a", "d")]);

    // Resolving on the phone (it has now seen the current value) clears the conflict everywhere.
    await setAnswer(phone.db, id, CHECKLIST_KEY, items("a", "b", "c", "d"));
    await syncOk(phone);
    await syncOk(tablet);
    expect((await tablet.db.assessments.get(id))?.conflicts).toEqual([]);
    expect(await tablet.db.assessments.get(id)).toEqual(await phone.db.assessments.get(id));
    expect(fleet.server.logged()).toEqual([]);
  });
});
