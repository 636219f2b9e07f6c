// Incremental pull (protocol 1.1) with the real device code against the REAL server: an old device
// (whole states: it does not announce 1.1) and a new one (deltas) edit one checklist at the same
// time and converge to the server's state; a new device whose copy does not fit a delta pulls whole
// states instead of keeping an approximate one.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { setAnswer, setNote } from "../../../src/client/db/edits";
import { createAssessment, syncOk } from "./support/device";
import type { Interceptor } from "./support/faults";
import { useDeviceFleet } from "./support/fleet";

const fleet = useDeviceFleet();

const device = (name: string, intercept?: Interceptor) => fleet.device(name, { intercept });

/** A device of protocol 1: its pulls do not announce 1.1. */
const protocolOne: Interceptor = (input, init, forward) => {
  const headers = new Headers(init?.headers);
  headers.delete("X-Patuh-Protocol");
  return forward(input, { ...init, headers });
};

/** Counts the pull ops the device received, by kind. */
function recorder(): { ops: Record<string, number>; intercept: Interceptor } {
  const ops: Record<string, number> = {};
  return {
    ops,
    intercept: async (input, init, forward) => {
      const res = await forward(input, init);
      if (input.includes("/sync/pull") && res.ok) {
        const body = (await res.clone().json()) as { patch: { op: string; type: string }[] };
        for (const p of body.patch) ops[`${p.op} ${p.type}`] = (ops[`${p.op} ${p.type}`] ?? 0) + 1;
      }
      return res;
    },
  };
}

const KEYS = ["IN.SP.01", "IN.SP.02", "IN.SP.03", "IN.SP.04", "PGD.01"];

describe("incremental pull, device side", () => {
  it("an old (whole-state) and a new (delta) device edit one checklist concurrently and converge", {
    timeout: 180_000,
  }, async () => {
    const seen = recorder();
    const fresh = await device("new", seen.intercept);
    const old = await device("old", protocolOne);
    const id = await createAssessment(fresh, 2);
    await setAnswer(fresh.db, id, "IN.SP.01", 1);
    await syncOk(fresh);
    await syncOk(old);
    for (let round = 0; round < 4; round++) {
      await setAnswer(fresh.db, id, KEYS[round % KEYS.length] as string, round % 4);
      await setAnswer(old.db, id, KEYS[(round + 1) % KEYS.length] as string, (round + 2) % 4);
      await setNote(old.db, id, "general", `catatan ${round}`);
      await setNote(fresh.db, id, KEYS[round % KEYS.length] as string, `bukti ${round}`);
      // Both sync at once: pushes and pulls interleave on the server.
      const [a, b] = await Promise.all([fresh.engine.sync(), old.engine.sync()]);
      expect(a.ok && b.ok).toBe(true);
    }
    await syncOk(fresh);
    await syncOk(old);
    await syncOk(fresh);
    const observer = await device("observer");
    const onServer = await observer.db.serverAssessments.get(id);
    expect(onServer?.revision).toBeGreaterThan(10);
    expect(await fresh.db.serverAssessments.get(id)).toEqual(onServer);
    expect(await old.db.serverAssessments.get(id)).toEqual(onServer);
    expect(await fresh.db.assessments.get(id)).toEqual(onServer);
    expect(await old.db.assessments.get(id)).toEqual(onServer);
    expect(await fresh.db.outbox.count()).toBe(0);
    expect(await old.db.outbox.count()).toBe(0);
    // The new device really was sent deltas (and the old one never: it would have failed to store them).
    expect(seen.ops["delta assessment"] ?? 0).toBeGreaterThanOrEqual(2);
    expect(fleet.server.logged()).toEqual([]);
  });

  it("a delta that does not fit the device's copy is not applied: the device pulls whole states", {
    timeout: 120_000,
  }, async () => {
    const seen = recorder();
    const phone = await device("phone", seen.intercept);
    const other = await device("other");
    const id = await createAssessment(phone, 3);
    await setAnswer(phone.db, id, "IN.SP.01", 2);
    await syncOk(phone);
    await syncOk(other);
    await setAnswer(other.db, id, "IN.SP.02", 3);
    await syncOk(other);
    // The phone's copy of the server state is damaged (its revision no longer the one it pulled).
    const held = await phone.db.serverAssessments.get(id);
    if (held === undefined) throw new Error("not pulled");
    await phone.db.serverAssessments.put({ ...held, revision: held.revision - 1, answers: {} });
    await syncOk(phone);
    const onServer = await other.db.serverAssessments.get(id);
    expect(seen.ops["delta assessment"]).toBe(1);
    expect(await phone.db.serverAssessments.get(id)).toEqual(onServer);
    expect((await phone.db.assessments.get(id))?.answers).toEqual({ "IN.SP.01": 2, "IN.SP.02": 3 });
  });
});
