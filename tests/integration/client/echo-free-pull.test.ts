// Echo-free pull (protocol 1.2) with the real device code against the REAL server: a device working
// alone on a checklist is not sent its own edits back. Its pulls carry `replay` deltas (no answers,
// notes or products, only what the server alone decides and the state's fingerprint), the device
// rebuilds the state from its acknowledged edits, and it ends up holding exactly the server's state.
// A replay the device cannot reproduce is never kept: it pulls whole states instead.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { recordMutation, setAnswer, setNote } from "../../../src/client/db/edits";
import { createAssessment, syncOk } from "./support/device";
import type { Interceptor } from "./support/faults";
import { useDeviceFleet } from "./support/fleet";

const fleet = useDeviceFleet();

const device = (name: string, intercept?: Interceptor) => fleet.device(name, { intercept });

interface PulledOp {
  op: string;
  type: string;
  replay?: boolean;
  set?: Record<string, unknown>;
  answers?: unknown;
  notes?: unknown;
  hash?: string;
  value?: { answers?: unknown };
}

/** Records every pull answer (text and ops) the device received; `edit` may rewrite it. */
function recorder(edit?: (body: { patch: PulledOp[] }) => boolean) {
  const pulls: { url: string; text: string; patch: PulledOp[] }[] = [];
  const intercept: Interceptor = async (input, init, forward) => {
    const res = await forward(input, init);
    if (!input.includes("/sync/pull") || !res.ok) return res;
    const text = await res.clone().text();
    const body = JSON.parse(text) as { patch: PulledOp[] };
    pulls.push({ url: input, text, patch: body.patch });
    if (edit?.(body)) return new Response(JSON.stringify(body), { status: 200, headers: res.headers });
    return res;
  };
  return { pulls, intercept };
}

const KEYS = ["IN.SP.01", "IN.SP.02", "IN.SP.03", "IN.SP.04", "PGD.01", "PR.07"];

describe("echo-free pull (protocol 1.2)", () => {
  it("a device working alone gets replay deltas without its own values, and holds the server's state", {
    timeout: 180_000,
  }, async () => {
    const seen = recorder();
    const phone = await device("phone", seen.intercept);
    const id = await createAssessment(phone, 4);
    await syncOk(phone);
    const before = seen.pulls.length;
    for (let round = 0; round < 4; round++) {
      for (const [i, key] of KEYS.entries()) await setAnswer(phone.db, id, key, (round + i) % 4);
      await setNote(phone.db, id, KEYS[round] as string, `catatan ke-${round} tentang loket`);
      await recordMutation(phone.db, "assessment.putProduct", {
        assessmentId: id,
        product: { id: crypto.randomUUID(), name: `Produk ${round}` },
      });
      await syncOk(phone);
    }
    const replays = seen.pulls.slice(before).flatMap((p) => p.patch.filter((op) => op.op === "delta"));
    expect(replays.length).toBe(4);
    for (const op of replays) {
      expect(op).toMatchObject({ type: "assessment", replay: true });
      expect(op.answers).toBeUndefined();
      expect(op.notes).toBeUndefined();
      expect(Object.keys(op.set ?? {}).sort()).toEqual(
        ["conflicts", "revision", "status", "submittedAt", "updatedAt"].sort(),
      );
      expect(op.hash).toMatch(/^[0-9a-f]{28}$/);
    }
    // Every replay was rebuilt and kept: no pull fell back to whole states (a pull without cursor).
    expect(seen.pulls.slice(before).every((p) => p.url.includes("cursor="))).toBe(true);
    // Eight edits per round came back as a few hundred bytes, not as the values.
    for (const p of seen.pulls.slice(before)) expect(p.text.length).toBeLessThan(600);
    const observer = await device("observer");
    const onServer = await observer.db.serverAssessments.get(id);
    expect(onServer?.revision).toBe(1 + 4 * (KEYS.length + 2));
    expect(await phone.db.serverAssessments.get(id)).toEqual(onServer);
    expect(await phone.db.assessments.get(id)).toEqual(onServer);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(fleet.server.logged()).toEqual([]);
  });

  it("a replay the device cannot reproduce is not kept: it pulls whole states and converges", {
    timeout: 120_000,
  }, async () => {
    let tampered = 0;
    // The server's fingerprint no longer matches what the device rebuilds (as if the server had
    // changed the state in a way the device's edits do not explain).
    const seen = recorder((body) => {
      const op = body.patch.find((p) => p.op === "delta" && p.replay === true);
      if (op === undefined || tampered > 0) return false;
      op.hash = "0".repeat(28);
      tampered += 1;
      return true;
    });
    const phone = await device("tampered", seen.intercept);
    const id = await createAssessment(phone, 5);
    await setAnswer(phone.db, id, "IN.SP.01", 2);
    await syncOk(phone);
    await setAnswer(phone.db, id, "IN.SP.02", 3);
    await syncOk(phone);
    expect(tampered).toBe(1);
    // After the refused replay, the next pull asked from scratch (no cursor) and got whole states.
    const last = seen.pulls[seen.pulls.length - 1];
    expect(last?.url).not.toMatch(/cursor=/);
    expect(last?.patch.some((p) => p.op === "put" && p.type === "assessment")).toBe(true);
    const observer = await device("observer2");
    const onServer = await observer.db.serverAssessments.get(id);
    expect(await phone.db.serverAssessments.get(id)).toEqual(onServer);
    expect((await phone.db.assessments.get(id))?.answers).toEqual({ "IN.SP.01": 2, "IN.SP.02": 3 });
  });

  it("an edit by a teammate's device in between is sent as values (not replayed), and both converge", {
    timeout: 180_000,
  }, async () => {
    const seen = recorder();
    const phone = await device("mine", seen.intercept);
    const tablet = await device("teammate");
    const id = await createAssessment(phone, 6);
    await syncOk(phone);
    await syncOk(tablet);
    await setAnswer(phone.db, id, "IN.SP.01", 1);
    await setAnswer(tablet.db, id, "IN.SP.02", 2);
    await syncOk(tablet);
    await syncOk(phone);
    const last = seen.pulls[seen.pulls.length - 1];
    // Values, as a keyed delta or (small state) the whole state; never a replay.
    const op = last?.patch.find((p) => p.type === "assessment");
    expect(op?.replay).toBeUndefined();
    expect(op?.op === "delta" ? op.answers : op?.value?.answers).toMatchObject({ "IN.SP.02": 2 });
    await syncOk(tablet);
    const onServer = await tablet.db.serverAssessments.get(id);
    expect(await phone.db.serverAssessments.get(id)).toEqual(onServer);
    expect(onServer?.answers).toEqual({ "IN.SP.01": 1, "IN.SP.02": 2 });
  });
});
